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
}
