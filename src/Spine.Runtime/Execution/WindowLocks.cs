using System;
using System.Collections.Generic;
using System.IO;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>
/// One window per site at a time: an exclusive lock per site, taken before the first mutation and held to the end —
/// a lock file in the journal folder (flock(2), which .NET takes for FileShare.None) so two windows on this machine are
/// serialized, and <c>flock -n</c> on a file under /run/lock on the Proxmox host itself, over the window's own SSH
/// connection, so two operators on two machines are serialized too. A window that finds a lock held names its holder.
/// </summary>
internal sealed class WindowLocks : IDisposable
{
    private readonly string _directory;
    private readonly string _holder;
    private readonly Dictionary<string, FileStream> _local = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HeldCommand> _remote = new(StringComparer.Ordinal);

    public WindowLocks(string directory, string holder)
    {
        _directory = directory;
        _holder = holder;
    }

    public bool Holds(string site) => _local.ContainsKey(site) && _remote.ContainsKey(site);

    /// <summary>Takes the site's two locks; null on success, else who holds it.</summary>
    public string? Take(string site, IRemoteShell shell)
    {
        if (!_local.ContainsKey(site))
        {
            var path = Path.Combine(_directory, $"site-{site}.lock");
            try
            {
                _local[site] = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(path + ".holder", _holder + "\n");
            }
            catch (IOException)
            {
                var holder = File.Exists(path + ".holder") ? File.ReadAllText(path + ".holder").Trim() : "unknown";
                return $"site {site} is locked on this machine by another window: {Describe(holder)} ({path})";
            }
        }

        return TakeRemote(site, shell);
    }

    /// <summary>After a power cycle the host-side lock went down with the host: take it again over the new connection.</summary>
    public string? TakeRemote(string site, IRemoteShell shell)
    {
        if (_remote.Remove(site, out var old))
        {
            old.Dispose();
        }

        var held = shell.Hold(ProxmoxCommand.HoldLock(site, _holder).Text, TimeSpan.FromSeconds(30), default);
        if (held.FirstLine == "LOCKED")
        {
            _remote[site] = held;
            return null;
        }

        // BUSY is followed by the holder's line and the command's end: wait for them (Hold returned at the first line).
        var lines = held.OutputOnceEnded(TimeSpan.FromSeconds(5)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        held.Dispose();
        return held.FirstLine == "BUSY"
            ? $"site {site} is locked on {shell.HostId} by another window: {Describe(lines.Length > 1 ? lines[1].Trim() : "unknown")} ({ProxmoxCommand.LockFile(site)})"
            : $"cannot take the lock {ProxmoxCommand.LockFile(site)} on {shell.HostId}: {held.Output.Trim()}";
    }

    /// <summary>The host-side lock of a host that was powered off is gone with it.</summary>
    public void Lost(string site)
    {
        if (_remote.Remove(site, out var held))
        {
            held.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var held in _remote.Values)
        {
            held.Dispose();
        }

        foreach (var (site, stream) in _local)
        {
            try
            {
                File.Delete(Path.Combine(_directory, $"site-{site}.lock.holder"));
            }
            catch (IOException)
            {
            }

            stream.Dispose();
        }

        _remote.Clear();
        _local.Clear();
    }

    /// <summary>"journal/user@machine/start" as words.</summary>
    private static string Describe(string holder)
    {
        var parts = holder.Split('/');
        return parts.Length == 3 ? $"journal {parts[0]}, {parts[1]}, started {parts[2]}" : holder;
    }
}
