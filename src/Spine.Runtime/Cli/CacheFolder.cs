using System;
using System.IO;
using System.Linq;
using Spine.Model.Loading;

namespace Spine.Runtime.Cli;

/// <summary>
/// Where the CLI keeps its <see cref="SyntaxCache"/>: $SPINE_CACHE_DIR, else $XDG_CACHE_HOME/spine, else ~/.cache/spine.
/// SPINE_CACHE=off (or check --no-cache) turns it off. At most <see cref="Keep"/> spines' caches are kept (the least
/// recently written go first), so temporary spine copies do not pile up.
/// </summary>
internal static class CacheFolder
{
    private const int Keep = 32;

    /// <summary>The text caches of earlier versions (findings only), which no version reads any more.</summary>
    private const string OldFormat = "syntax-*.txt";

    public static SyntaxCache? SyntaxCacheFor(string root)
    {
        if (SyntaxCache.TurnedOff)
        {
            return null;
        }

        var folder = Folder();
        Prune(folder);
        return SyntaxCache.Open(folder, root);
    }

    private static string Folder()
    {
        var own = Environment.GetEnvironmentVariable("SPINE_CACHE_DIR");
        if (!string.IsNullOrEmpty(own))
        {
            return own;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg, "spine");
    }

    private static void Prune(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            var files = new DirectoryInfo(folder);
            foreach (var old in files.GetFiles(SyntaxCache.FilePattern).OrderByDescending(f => f.LastWriteTimeUtc).Skip(Keep).Concat(files.GetFiles(OldFormat)))
            {
                old.Delete();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
