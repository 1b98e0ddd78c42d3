using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.Runtime.Cli;
using Spine.TestSupport;
using Xunit;

namespace Spine.Runtime.Tests;

/// <summary>
/// Both real snapshots through a real `dotnet build` of a fresh consumer that references the one Spine.Build package:
/// under a warn policy it builds with no C# diagnostic at all (none from generated code); the build and
/// `spine check` report the same findings; after `spine baseline` the default policy builds too, and one planted D137
/// violation fails it with exactly that one error.
/// </summary>
public sealed class CorpusBuildTests
{
    private static readonly Regex Diagnostic = new(@"^(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<col>\d+)(?:,\d+,\d+)?\): (?<sev>error|warning|info) (?<id>[A-Z]+\d+): (?<msg>[^\r\n]*?)(?: \((?<help>https?://[^)]*)\))?(?: \[[^\]]*\.csproj\])?\r?$", RegexOptions.Multiline);

    private static readonly Dictionary<string, string> Permissive = new() { ["SPINE_POLICY_PRESET"] = "permissive" };

    public static IEnumerable<object[]> Corpora() => new[] { new object[] { "2026-02-17" }, new object[] { "2026-02-25" } };

    [Theory]
    [MemberData(nameof(Corpora))]
    [Trait("Category", "EndToEnd")]
    public void A_real_spine_builds_agrees_with_check_and_adopts_a_baseline(string date)
    {
        using var spine = TempCopy.OfSpine(Paths.CorpusOf(date));
        using var consumer = new ConsumerProject(spine.Path, ConsumerProject.SpineBuild, "public static class Use { public static int N => Spine.Generated.SpineCapabilities.All.Count + Spine.Generated.SpineGates.All.Count; }\n");

        // 1. Under a warn policy the drift only warns: the build succeeds, and no C# diagnostic appears, none from generated code.
        var (code, output) = consumer.Build(Permissive);
        Assert.True(code == 0, output);
        var diagnostics = Parse(output);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.File.EndsWith(".g.cs", System.StringComparison.Ordinal));
        Assert.DoesNotContain("AD0001", output);

        // 2. The build's rule findings are spine check's, finding for finding (the SPINE6xx come from the file-system checks
        //    of the build task, which check leaves to verify).
        var fromBuild = diagnostics.Where(d => d.Id.StartsWith("SPINE", System.StringComparison.Ordinal) && !d.Id.StartsWith("SPINE6", System.StringComparison.Ordinal))
            .Select(d => $"{Relative(spine.Path, d.File)}({d.Line},{d.Column}): {d.Severity} {d.Id}: {d.Message}").Distinct().OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        var fromCheck = CheckLines(spine.Path, Permissive);
        Assert.True(fromCheck.SequenceEqual(fromBuild), "only in check:\n" + string.Join("\n", fromCheck.Except(fromBuild)) + "\nonly in the build:\n" + string.Join("\n", fromBuild.Except(fromCheck)));
        Assert.NotEmpty(fromCheck);

        // 3. After spine baseline the default policy builds too …
        Assert.Equal(0, BaselineCommand.Run(spine.Path, prune: false, new StringWriter(), new StringWriter()));
        (code, output) = consumer.Build();
        Assert.True(code == 0, output);
        Assert.DoesNotContain(Parse(output), d => d.Severity == "error");

        // 4. … and one new D137 violation fails it with exactly that one error.
        var (capability, field) = date == "2026-02-17" ? ("infra.proxmox.maintenance.shutdown", "    plane: fabric\n") : ("secrets.status", "    domain: secrets\n");
        spine.Edit("ops/capabilities.yaml", t =>
        {
            var at = t.IndexOf(field, t.IndexOf($"\n  {capability}:\n", System.StringComparison.Ordinal), System.StringComparison.Ordinal);
            return t.Remove(at, field.Length);
        });
        (code, output) = consumer.Build();
        Assert.NotEqual(0, code);
        var errors = Parse(output).Where(d => d.Severity == "error").Select(d => (d.File, d.Line, d.Column, d.Id, d.Message)).Distinct().ToList();
        var error = Assert.Single(errors);
        Assert.Equal("SPINE137", error.Id);
        Assert.Contains(capability, error.Message);
    }

    private static List<(string File, int Line, int Column, string Severity, string Id, string Message)> Parse(string output) =>
        Diagnostic.Matches(output).Select(m => (m.Groups["file"].Value.Trim(), int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value), m.Groups["sev"].Value, m.Groups["id"].Value, m.Groups["msg"].Value.Trim())).ToList();

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>spine check's lines with spine-relative paths (run in process with the given policy variable).</summary>
    private static List<string> CheckLines(string root, Dictionary<string, string> environment)
    {
        var previous = System.Environment.GetEnvironmentVariable("SPINE_POLICY_PRESET");
        System.Environment.SetEnvironmentVariable("SPINE_POLICY_PRESET", environment["SPINE_POLICY_PRESET"]);
        try
        {
            var output = new StringWriter();
            CheckCommand.Run(root, json: false, output, new StringWriter());
            return output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": warning SPINE") || l.Contains(": error SPINE"))
                .Select(l => l.StartsWith(root, System.StringComparison.Ordinal) ? l[(root.Length + 1)..] : l).OrderBy(s => s, System.StringComparer.Ordinal).ToList();
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("SPINE_POLICY_PRESET", previous);
        }
    }
}
