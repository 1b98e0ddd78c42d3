using System;
using System.IO;

namespace Spine.TestSupport;

/// <summary>Where the repository, its own spine and the shared conformance corpus are.</summary>
public static class Paths
{
    private static readonly Lazy<string> RepoRootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Spine.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Spine.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary><c>../shared/corpus/spine-2026-02-17</c> beside the repository (CI has the same layout).</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "spine-2026-02-17"));

    /// <summary><c>../shared/corpus/spine-2026-02-25</c>: the newer snapshot (v3 lifecycles, the spine's own gate scripts).</summary>
    public static string Corpus25 => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "spine-2026-02-25"));

    /// <summary>A corpus by its date: 2026-02-17 or 2026-02-25.</summary>
    public static string CorpusOf(string date) => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "spine-" + date));

    /// <summary>The configuration these tests were built in (the packages are packed from it).</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif
}
