using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>`dotnet build` is the drift gate: a real build of a temp copy of the repository.</summary>
public class DotnetBuildTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Removing_plane_fails_the_build_at_the_yaml_and_restoring_it_passes()
    {
        using var repo = TempCopy.OfRepository();
        var capabilities = repo.File("ops/capabilities.yaml");
        var original = File.ReadAllText(capabilities);
        var start = original.IndexOf("  infra.proxmox.maintenance.shutdown:", System.StringComparison.Ordinal);
        var end = original.IndexOf("  infra.proxmox.maintenance.startup:", start, System.StringComparison.Ordinal);
        var plane = original.IndexOf("    plane: fabric\n", start, System.StringComparison.Ordinal);
        Assert.InRange(plane, start, end);
        File.WriteAllText(capabilities, original.Remove(plane, "    plane: fabric\n".Length));
        int Line(int offset) => 1 + original.Take(offset).Count(c => c == '\n');
        var (firstLine, lastLine) = (Line(start), Line(end) - 2);

        var (failed, output) = DotnetCli.Run(repo.Path, "build", "src/Spine.Runtime", "-nologo");
        Assert.NotEqual(0, failed);
        var match = Regex.Match(output, @"ops/capabilities\.yaml\((\d+),(\d+)\): error (SPINE\d+)");
        Assert.True(match.Success, output);
        Assert.Equal("SPINE137", match.Groups[3].Value);
        Assert.InRange(int.Parse(match.Groups[1].Value), firstLine, lastLine);
        Assert.DoesNotContain("AD0001", output);
        Assert.DoesNotContain("CS8785", output);

        File.WriteAllText(capabilities, original);
        var (passed, output2) = DotnetCli.Run(repo.Path, "build", "src/Spine.Runtime", "-nologo");
        Assert.True(passed == 0, output2);
        Assert.DoesNotContain("SPINE", output2.Replace("Spine.", string.Empty));

        // A capability the runtime executes cannot disappear from the YAML without a compile error.
        File.WriteAllText(capabilities, RemoveEntry(original, "  infra.maintenance.window:\n", "  infra.proxmox.node_path.migrate:\n"));
        var map = repo.File("ops/bindings/capability_map.yaml");
        var originalMap = File.ReadAllText(map);
        File.WriteAllText(map, RemoveEntry(originalMap, "  infra.maintenance.window:\n", "  infra.proxmox.node_path.migrate:\n"));
        var (broken, output4) = DotnetCli.Run(repo.Path, "build", "src/Spine.Runtime", "-nologo");
        Assert.NotEqual(0, broken);
        Assert.Matches(@"error CS0117: 'SpineCapabilities' does not contain a definition for 'InfraMaintenanceWindow'", output4);
        Assert.Matches(@"error SPINE137: \[D137\] Capability 'infra.maintenance.window' not found", output4);
        File.WriteAllText(capabilities, original);
        File.WriteAllText(map, originalMap);

        // The same runtime builds against another spine (the corpus); under a warn preset its real drift only warns.
        var env = new Dictionary<string, string> { ["SPINE_POLICY_PRESET"] = "permissive" };
        var (other, output3) = DotnetCli.Run(repo.Path, env, "build", "src/Spine.Runtime", "-nologo", "-p:SpineRoot=" + Paths.Corpus);
        Assert.True(other == 0, output3);
        Assert.Contains("warning SPINE303", output3);
    }

    private static string RemoveEntry(string text, string from, string until)
    {
        var start = text.IndexOf(from, System.StringComparison.Ordinal);
        var end = text.IndexOf(until, start, System.StringComparison.Ordinal);
        return text.Remove(start, end - start);
    }
}
