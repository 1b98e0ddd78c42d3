using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Baselines;
using Spine.Model.Checking;
using Spine.Model.Loading;
using Spine.Model.Policy;
using Spine.Model.Yaml;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>The baseline: keyed by rule, file and a fingerprint of node path, value and message; never by line.</summary>
public class BaselineTests
{
    private const string Reg = "ops/bindings/gate.registry.yaml";

    private static FixtureSpine WithDrift() => FixtureSpine.Own()
        .Replace(Reg, "    category: process-hygiene\n", "    category: process-hygeine\n")
        .Replace("ops/bindings/tenant.profile.yaml", "    stale_ssot_max_days: 14\n", "    stale_ssot_max_days: 14\n    stale_ssot_max_weeks: 2\n");

    private static CheckReport Check(FixtureSpine spine)
    {
        var ws = spine.Load();
        return SpineCheck.Run(ws, PolicyEnvironment.Sources(ws, _ => null), Documents(spine), CheckScope.Rules);
    }

    private static System.Func<string, YamlDocument?> Documents(FixtureSpine spine) =>
        path => spine.Files.TryGetValue(path, out var text) ? ParsedFile.Parse(path, text).Document : null;

    private static FixtureSpine Baselined(FixtureSpine spine)
    {
        var findings = Check(spine).Findings;
        return spine.Copy().Set("ops/spine.baseline.yaml", BaselineWriter.Write(findings, Documents(spine), new System.DateTime(2026, 12, 1)));
    }

    [Fact]
    public void A_baseline_suppresses_todays_findings_and_says_how_many()
    {
        var spine = Baselined(WithDrift());
        var report = Check(spine);
        Assert.Equal(2, report.Baselined);
        var note = Assert.Single(report.Findings);
        Assert.Equal(("SPINE006", Severity.Info), (note.RuleId, note.Severity));
        Assert.Contains("2 finding(s) baselined", note.Message);
    }

    [Fact]
    public void Edits_elsewhere_in_the_file_keep_the_baseline_valid()
    {
        var spine = Baselined(WithDrift());
        var moved = spine.Copy().Replace(Reg, "gates:\n", "gates:\n  # a comment\n  # and another, so every line below moves\n");
        var before = Check(WithDrift()).Findings.Single(f => f.RuleId == "SPINE303");
        var after = Check(moved.Copy().Remove("ops/spine.baseline.yaml")).Findings.Single(f => f.RuleId == "SPINE303");
        Assert.NotEqual(before.Span.Line, after.Span.Line);
        Assert.Equal(Fingerprint.Of(before, Documents(WithDrift())(Reg)).Hash, Fingerprint.Of(after, Documents(moved)(Reg)).Hash);
        Assert.Equal(2, Check(moved).Baselined);
    }

    [Fact]
    public void A_new_finding_is_reported_and_a_fixed_one_leaves_a_stale_entry()
    {
        var spine = Baselined(WithDrift())
            .Replace("ops/bindings/tenant.profile.yaml", "    stale_ssot_max_weeks: 2\n", string.Empty)
            .Replace(Reg, "    category: path-hygiene\n", "    category: path-hygeine\n");
        var report = Check(spine);
        Assert.Equal(1, report.Baselined);
        Assert.Contains(report.Findings, f => f.RuleId == "SPINE303" && f.Message.Contains("path-hygeine") && f.Severity == Severity.Error);
        var stale = Assert.Single(report.Findings, f => f.RuleId == "SPINE007");
        Assert.Equal(Severity.Info, stale.Severity);
        Assert.Contains("SPINE503", stale.Message);
        Assert.Equal("ops/spine.baseline.yaml", stale.Span.File);
    }

    [Fact]
    public void A_changed_value_at_the_same_place_is_a_new_finding()
    {
        var spine = Baselined(WithDrift()).Replace(Reg, "    category: process-hygeine\n", "    category: process-hygiene2\n");
        var report = Check(spine);
        Assert.Contains(report.Findings, f => f.RuleId == "SPINE303" && f.Severity == Severity.Error);
        Assert.Contains(report.Findings, f => f.RuleId == "SPINE007");
    }

    [Fact]
    public void Syntax_errors_and_missing_bindings_cannot_be_baselined()
    {
        var broken = FixtureSpine.Own().Set("ops/bindings/extra.yaml", "a: [\n").Remove("ops/bindings/home.device.registry.yaml");
        var findings = Check(broken).Findings;
        Assert.DoesNotContain(findings, BaselineWriter.Accepts);
        var baseline = "version: 1\nfindings:\n  - rule: SPINE001\n    file: \"ops/bindings/extra.yaml\"\n    fingerprint: \"0000000000000000\"\n";
        var report = Check(broken.Copy().Set("ops/spine.baseline.yaml", baseline));
        Assert.Contains(report.Findings, f => f.RuleId == "SPINE001" && f.Severity == Severity.Error);
        Assert.Contains(report.Findings, f => f.RuleId == "SPINE004" && f.Severity == Severity.Error);
        Assert.Contains(report.Findings, f => f.RuleId == "SPINE008" && f.Message.Contains("cannot be baselined"));
    }

    [Fact]
    public void The_fingerprint_names_nodes_by_what_they_are_not_where()
    {
        var spine = WithDrift();
        var finding = Check(spine).Findings.Single(f => f.RuleId == "SPINE303");
        var (path, _) = Fingerprint.Of(finding, Documents(spine)(Reg));
        Assert.Matches(@"^/gates/\[id=D\d+\]/category$", path);
    }
}
