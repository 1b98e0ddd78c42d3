using System;
using System.IO;

namespace Spine.Runtime.Cli;

/// <summary>Which spine a command works on, and how it was chosen (the commands say it in one sentence).</summary>
internal sealed record SpineLocation(string? Root, string How)
{
    /// <summary>The spine compiled into this build of the tool (only the maintenance window has one).</summary>
    public bool CompiledIn => Root is null;

    public string Describe() => Root is null ? "the compiled-in spine" : $"the spine at {Root} ({How})";
}

/// <summary>
/// Finds the spine: <c>--root</c>, else <c>$SPINE_ROOT</c>, else the nearest folder holding <c>ops/</c> from the current
/// folder up (as git finds its repository), else — for the maintenance window only — the spine compiled into this build.
/// </summary>
internal static class SpineRootLocator
{
    public static SpineLocation? Locate(string? option, bool compiledInAllowed = false)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new SpineLocation(Path.GetFullPath(option), "--root");
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("SPINE_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new SpineLocation(Path.GetFullPath(fromEnvironment), "$SPINE_ROOT");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "ops")))
            {
                return new SpineLocation(dir.FullName, "found ops/ above the current folder");
            }
        }

        return compiledInAllowed ? new SpineLocation(null, "compiled in") : null;
    }

    /// <summary>The root for commands that read a spine from disk, or an exit code after saying why there is none.</summary>
    public static string? RootOrComplain(string? option, TextWriter error)
    {
        var location = Locate(option);
        if (location?.Root is not { } root)
        {
            error.WriteLine("spine: no spine here: no ops/ folder in the current folder or above it. Give one with --root DIR or SPINE_ROOT.");
            return null;
        }

        if (!Directory.Exists(Path.Combine(root, "ops")))
        {
            error.WriteLine($"spine: '{root}' ({location.How}) is not a spine root: it has no ops/ folder.");
            return null;
        }

        return root;
    }

    /// <summary>A spine file as the user can open it: relative to the current folder when below it, else absolute.</summary>
    public static string Display(string root, string file)
    {
        if (file.Length == 0)
        {
            return file;
        }

        var full = Path.GetFullPath(Path.Combine(root, file));
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }
}
