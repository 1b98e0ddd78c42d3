using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.Model;
using Spine.Model.Fixes;
using Spine.Model.Loading;
using Spine.Runtime.Cli;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// <c>spine fix</c> on copies of both corpora: every finding that has an obvious fix is gone afterwards, the findings
/// that are a choice or have no fix stay, and no new finding appears; --dry-run prints the same changes as a unified
/// diff and changes nothing; exit codes as <c>check</c>'s.
/// </summary>
public sealed class FixCommandTests
{
    private readonly ITestOutputHelper _log;

    public FixCommandTests(ITestOutputHelper log) => _log = log;

    /// <summary>A finding by what it says, not where (fixes move lines).</summary>
    private static string Identity(Finding f) => f.RuleId + " " + f.Span.File + " " + Regex.Replace(f.Text, @"line \d+", "line N");

    private static IReadOnlyList<Finding> Findings(string root) => RuleEngine.Check(SpineDirectory.Load(root));

    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void Fix_removes_every_finding_that_has_a_fix_and_adds_none(string date)
    {
        using var spine = TempCopy.OfSpine(Paths.CorpusOf(date));
        var before = Findings(spine.Path);
        var workspace = SpineDirectory.Load(spine.Path);
        var context = new FixContext(workspace, p => File.Exists(spine.File(p)) ? File.ReadAllText(spine.File(p)) : null);
        var fixable = before.Where(f => FixEngine.For(f, context) is { Count: > 0 } fixes && !fixes.Any(x => x.EquivalenceKey.EndsWith(".KeepFirst", StringComparison.Ordinal))).Select(Identity).ToHashSet();
        Assert.NotEmpty(fixable);

        var output = new StringWriter();
        var code = FixCommand.Run(spine.Path, Array.Empty<string>(), dryRun: false, output, new StringWriter());
        _log.WriteLine(output.ToString());
        var after = Findings(spine.Path);
        Assert.Equal(after.Any(f => f.Severity == Severity.Error) ? 1 : 0, code);
        Assert.DoesNotContain(after, f => fixable.Contains(Identity(f)));
        var expectedLeft = before.Select(Identity).Where(i => !fixable.Contains(i)).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(expectedLeft, after.Select(Identity).OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public void Dry_run_prints_a_unified_diff_and_changes_nothing()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        var snapshot = Directory.GetFiles(spine.File("ops"), "*.yaml", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        var output = new StringWriter();
        var code = FixCommand.Run(spine.Path, new[] { "SPINE137" }, dryRun: true, output, new StringWriter());
        var text = output.ToString();
        _log.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains("--- a/ops/capabilities.yaml\n+++ b/ops/capabilities.yaml\n@@ -", text);
        Assert.Contains("+    requires:\n+      - ssh.target.status\n", text);
        Assert.DoesNotContain("gate.registry.yaml", text);
        Assert.Contains("spine fix: would apply 6 fix(es) in 1 file(s);", text);
        Assert.All(snapshot, kv => Assert.Equal(kv.Value, File.ReadAllText(kv.Key)));

        // The diff is the change the real run makes.
        FixCommand.Run(spine.Path, new[] { "SPINE137" }, dryRun: false, new StringWriter(), new StringWriter());
        var changed = File.ReadAllText(spine.File("ops/capabilities.yaml"));
        Assert.Equal(6, Regex.Matches(changed, @"\n    requires:\n      - ssh.target.status\n").Count - Regex.Matches(snapshot[spine.File("ops/capabilities.yaml")], @"\n    requires:\n      - ssh.target.status\n").Count);
        Assert.DoesNotContain(Findings(spine.Path), f => f.RuleId == "SPINE137");
    }

    [Fact]
    public void A_duplicate_key_with_two_values_is_listed_as_a_choice_and_left()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus);
        var output = new StringWriter();
        FixCommand.Run(spine.Path, new[] { "SPINE002" }, dryRun: true, output, new StringWriter());
        Assert.Contains("needs a choice (the IDE offers each): ops/bindings/surface.readonly.contract.yaml(29,5): error SPINE002", output.ToString());
    }

    [Fact]
    public void Fix_of_a_clean_spine_changes_nothing_and_exits_0_and_no_spine_is_2()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        var output = new StringWriter();
        Assert.Equal(0, FixCommand.Run(spine.Path, Array.Empty<string>(), dryRun: false, output, new StringWriter()));
        Assert.Contains("spine fix: applied 0 fix(es) in 0 file(s); 0 error(s)", output.ToString());
        var empty = Path.Combine(spine.Path, "empty");
        Directory.CreateDirectory(empty);
        Assert.Equal(2, FixCommand.Run(empty, Array.Empty<string>(), dryRun: false, new StringWriter(), new StringWriter()));
    }
}
