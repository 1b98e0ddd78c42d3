using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.TestSupport;
using Xunit;

namespace Spine.Build.Tests;

/// <summary>
/// The layers, read off the sources: in Spine.Build only Tasks/ touches MSBuild (the gate runner, receipts and
/// file-system checks serve the CLI, which ships no MSBuild assembly — DistributionTests runs the published tool);
/// nothing in Spine.Runtime below the command line reaches back into Cli; the SSH transport knows no Proxmox type.
/// </summary>
public sealed class LayeringTests
{
    private static string[] Sources(string folder, string? except = null) =>
        Directory.GetFiles(Path.Combine(Paths.RepoRoot, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => except is null || !f.StartsWith(Path.Combine(Paths.RepoRoot, folder, except), StringComparison.Ordinal))
            .ToArray();

    private static void NoneMention(string[] files, string pattern)
    {
        var offenders = files.Where(f => Regex.IsMatch(File.ReadAllText(f), pattern)).Select(f => Path.GetRelativePath(Paths.RepoRoot, f)).ToList();
        Assert.True(offenders.Count == 0, $"{pattern} in: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Only_the_tasks_of_Spine_Build_touch_MSBuild() => NoneMention(Sources("src/Spine.Build", "Tasks"), @"\bMicrosoft\.Build\b");

    [Fact]
    public void Nothing_below_the_command_line_reaches_back_into_it()
    {
        var below = Sources("src/Spine.Runtime", "Cli").Where(f => Path.GetFileName(f) != "Program.cs").ToArray();
        Assert.NotEmpty(below);
        NoneMention(below, @"\bSpine\.Runtime\.Cli\b|\bExitCodes\b|\bCli\.");
    }

    [Fact]
    public void The_ssh_transport_takes_command_strings_not_proxmox_types() => NoneMention(Sources("src/Spine.Runtime/Ssh"), @"\bSpine\.Runtime\.Proxmox\b|\bProxmoxCommand\b|\bGuestKind\b");

    [Fact]
    public void The_model_knows_neither_roslyn_nor_msbuild_nor_ssh() => NoneMention(Sources("src/Spine.Model"), @"\bMicrosoft\.CodeAnalysis\b|\bMicrosoft\.Build\b|\bRenci\b");
}
