using System;
using System.IO;

namespace Spine.Runtime.Execution;

/// <summary>
/// A resumed window owns its journal file: an exclusive lock (flock(2) via FileShare.None) on "JOURNAL.lock", taken
/// before the journal is read for the resume and held to the end, so a second resume of the same journal refuses
/// before it writes anything — its stale copy could otherwise overwrite the running window's record.
/// </summary>
internal sealed class JournalClaim : IDisposable
{
    private readonly FileStream _stream;

    private JournalClaim(FileStream stream) => _stream = stream;

    /// <summary>The claim, or null with who holds it. The lock file stays (deleting it would let two later windows lock two different inodes).</summary>
    public static JournalClaim? TryTake(string journalPath, string holder, out string? problem)
    {
        var path = journalPath + ".lock";
        problem = null;
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            File.WriteAllText(path + ".holder", holder + "\n");
            return new JournalClaim(stream);
        }
        catch (IOException) when (File.Exists(path))
        {
            var who = File.Exists(path + ".holder") ? File.ReadAllText(path + ".holder").Trim() : "another process";
            problem = $"it is being resumed by another window right now ({who}); wait for it to end";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot lock it ({ex.Message})";
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_stream.Name + ".holder");
        }
        catch (IOException)
        {
        }

        _stream.Dispose();
    }
}
