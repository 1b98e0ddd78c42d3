using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Spine.Model;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>Every rule family through the real analyzer, located in the YAML.</summary>
public class AnalyzerTests
{
    /// <summary>The expected diagnostic: at the case's node, with the message the rule engine gives there.</summary>
    private static DiagnosticResult At(FixtureSpine spine, RuleCase c)
    {
        var (line, column) = c.Token.Length == 0 ? (1, 1) : spine.Position(c.File, c.Token, c.After);
        column += c.ColumnOffset;
        var finding = spine.Check().Single(f => f.RuleId == c.Rule && f.Span.Line == line && f.Span.Column == column);
        var result = Expected(finding);
        Assert.Equal(SpineAnalyzerTest.Path(c.File), result.Spans[0].Span.Path);
        return result;
    }

    private static DiagnosticResult Expected(Finding f)
    {
        var d = SpineAnalyzerTest.Diagnostic(f.RuleId)
            .WithSeverity(f.Severity == Severity.Warning ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error)
            .WithLocation(SpineAnalyzerTest.Path(f.Span.File), f.Span.Line, f.Span.Column)
            .WithArguments(f.GateId is null ? f.Message : $"[{f.GateId}] {f.Message}");
        foreach (var r in f.Related)
        {
            d = d.WithLocation(SpineAnalyzerTest.Path(r.File), r.Line, r.Column);
        }

        return d;
    }

    [Fact]
    public async Task The_projects_own_spine_has_no_diagnostics()
    {
        await new SpineAnalyzerTest(FixtureSpine.Own()).RunAsync();
    }

    [Theory]
    [InlineData("enum: plane not declared")]
    [InlineData("D67: capability without map entry")]
    [InlineData("D67: phantom map entry")]
    [InlineData("D137: plane missing")]
    [InlineData("order: phase VM not active at its site")]
    [InlineData("order: host_id not an SSH target")]
    [InlineData("D139: no offsite target")]
    [InlineData("topology: undefined primary domain")]
    [InlineData("topology: released before its dependency")]
    [InlineData("topology: core gate retired")]
    [InlineData("registry: gate_count total")]
    [InlineData("registry: undeclared category")]
    [InlineData("registry: active gate without check script")]
    [InlineData("references: unknown required capability")]
    [InlineData("references: unknown compose SSH target")]
    [InlineData("policy: preset knob outside its enum")]
    [InlineData("policy: tenant overrides an unknown knob")]
    [InlineData("missing binding")]
    public async Task Each_family_reports_at_the_yaml_node(string name)
    {
        var c = RuleCases.All[name];
        var spine = c.Edit(FixtureSpine.Own());
        await new SpineAnalyzerTest(spine).Expect(At(spine, c)).RunAsync();
    }

    [Fact]
    public async Task Gate_id_is_part_of_the_message()
    {
        var c = RuleCases.All["D137: plane missing"];
        var spine = c.Edit(FixtureSpine.Own());
        var expected = At(spine, c);
        Assert.Equal("[D137] Capability 'infra.proxmox.maintenance.shutdown' is missing 'plane' (expected 'fabric').", expected.MessageArguments![0]);
        await new SpineAnalyzerTest(spine).Expect(expected).RunAsync();
    }

    [Fact]
    public async Task A_duplicate_key_carries_the_first_occurrence_as_additional_location()
    {
        var spine = FixtureSpine.Own().Set("ops/bindings/extra.yaml", "a: 1\nb: 2\na: 3\n");
        await new SpineAnalyzerTest(spine)
            .Expect(Expected(Assert.Single(spine.Check())))
            .RunAsync();
    }

    [Fact]
    public async Task Garbled_file_gives_spine_diagnostics_not_a_crash()
    {
        var spine = FixtureSpine.Own().Set("ops/capabilities.yaml", "capabilities: [\n  {{{{ : ::\n\t- \"unterminated\n");
        var test = new SpineAnalyzerTest(spine);
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        var findings = spine.Check();
        Assert.Equal("SPINE001", findings.Single(f => f.Span.File == "ops/capabilities.yaml").RuleId);
        await test.Expect(findings.Select(Expected).ToArray()).RunAsync();
    }

    [Theory]
    [InlineData("warning", "D137: plane missing")]
    [InlineData("none", "D137: plane missing")]
    [InlineData("error", "D137: plane missing")]
    [InlineData("warning", "order: host_id not an SSH target")]
    [InlineData("none", "topology: undefined primary domain")]
    [InlineData("warning", "registry: undeclared category")]
    [InlineData("none", "references: unknown compose SSH target")]
    [InlineData("warning", "policy: tenant overrides an unknown knob")]
    [InlineData("warning", "D67: phantom map entry")]
    public async Task Severity_is_configurable_with_a_globalconfig(string severity, string name)
    {
        var c = RuleCases.All[name];
        var spine = c.Edit(FixtureSpine.Own());
        var test = new SpineAnalyzerTest(spine, $"dotnet_diagnostic.{c.Rule}.severity = {severity}\n");
        if (severity != "none")
        {
            test.Expect(At(spine, c).WithSeverity(severity == "warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task Finding_severity_below_the_default_is_kept()
    {
        var spine = FixtureSpine.Own().Replace("ops/bindings/docker.compose.targets.yaml", "  docker-host:\n    ssh_target: docker-host\n", "  docker-host:\n    enabled: false\n    ssh_target: gone\n");
        var finding = Assert.Single(spine.Check());
        Assert.Equal(spine.Position("ops/bindings/docker.compose.targets.yaml", "gone"), (finding.Span.Line, finding.Span.Column));
        await new SpineAnalyzerTest(spine).Expect(Expected(finding)).RunAsync();
    }

    [Fact]
    public async Task The_corpus_reports_exactly_its_real_inconsistencies()
    {
        var spine = FixtureSpine.Corpus();
        var expected = spine.Check().Select(Expected).ToArray();
        Assert.Equal(17, expected.Length);
        await new SpineAnalyzerTest(spine).Expect(expected).RunAsync();
    }

    [Fact]
    public void Descriptors_mirror_the_rule_catalog_with_absolute_help_links()
    {
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(i => i, System.StringComparer.Ordinal), SpineDiagnostics.All.Select(d => d.Id));
        foreach (var rule in RuleCatalog.All)
        {
            var d = SpineDiagnostics.All.Single(x => x.Id == rule.Id);
            Assert.Equal(rule.Title, d.Title.ToString());
            Assert.Equal(rule.Family, d.Category);
            Assert.Equal(SpineDiagnostics.ToRoslyn(rule.DefaultSeverity), d.DefaultSeverity);
            Assert.True(System.Uri.TryCreate(d.HelpLinkUri, System.UriKind.Absolute, out var uri) && uri.Scheme == "https", d.HelpLinkUri);
            Assert.EndsWith($"/{rule.Id}.md", d.HelpLinkUri);
        }

        var custom = SpineDiagnostics.For("https://docs.example.invalid/spine/");
        Assert.Equal("https://docs.example.invalid/spine/SPINE137.md", custom["SPINE137"].HelpLinkUri);
    }

    [Fact]
    public void Diagnostics_reported_at_compilation_end_carry_the_tag()
    {
        foreach (var id in new[] { "SPINE000", "SPINE004", "SPINE009", "SPINE504" })
        {
            Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, SpineDiagnostics.All.Single(d => d.Id == id).CustomTags);
        }
    }

    [Fact]
    public void Analyzer_releases_list_every_rule_of_the_catalog()
    {
        var shipped = System.IO.File.ReadAllText(System.IO.Path.Combine(Paths.RepoRoot, "src", "Spine.Generators", "AnalyzerReleases.Shipped.md"));
        Assert.Contains("## Release 1.0", shipped);
        var rows = shipped.Split('\n').Where(l => l.StartsWith("SPINE", System.StringComparison.Ordinal)).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).OrderBy(i => i, System.StringComparer.Ordinal), rows.Select(r => r[0]));
        foreach (var row in rows)
        {
            var rule = RuleCatalog.Find(row[0])!;
            Assert.Equal(rule.Family, row[1]);
            Assert.Equal(rule.DefaultSeverity.ToString(), row[2]);
        }
    }

    [Fact]
    public void Every_rule_has_a_help_page()
    {
        foreach (var rule in RuleCatalog.All)
        {
            var page = System.IO.Path.Combine(Paths.RepoRoot, "docs", "diagnostics", rule.Id + ".md");
            Assert.True(System.IO.File.Exists(page), page);
            var text = System.IO.File.ReadAllText(page);
            foreach (var section in new[] { "## What it checks", "## Why", "## How to fix", "## Example" })
            {
                Assert.Contains(section, text);
            }
        }
    }

    [Fact]
    public async Task A_name_taken_by_the_generated_class_is_reported_in_the_yaml()
    {
        var spine = FixtureSpine.Own().Replace("ops/capabilities.yaml", "  verify.core.run:\n", "  all:\n    description: z\n  verify.core.run:\n");
        var finding = Assert.Single(spine.Check(), f => f.RuleId == "SPINE005");
        Assert.Empty(finding.Related);
        await new SpineAnalyzerTest(spine).Expect(spine.Check().Select(Expected).ToArray()).RunAsync();
    }
}
