using System.Linq;
using Spine.Model;
using Spine.Model.Bindings;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

public class RuleTests
{
    [Fact]
    public void The_projects_own_spine_has_no_findings()
    {
        Assert.Empty(FixtureSpine.Own().Check());
    }

    [Theory]
    [MemberData(nameof(RuleCases.Names), MemberType = typeof(RuleCases))]
    public void Each_violation_is_reported_at_the_offending_node(string name)
    {
        var c = RuleCases.All[name];
        var fixture = c.Edit(FixtureSpine.Own());
        var findings = fixture.Check();
        var (line, column) = c.Token.Length == 0 ? (1, 1) : fixture.Position(c.File, c.Token, c.After);
        column += c.ColumnOffset;

        Assert.All(findings, f => Assert.Equal(c.Rule, f.RuleId));
        Assert.Contains(findings, f => f.RuleId == c.Rule && f.GateId == c.Gate && f.Span.File == c.File && f.Span.Line == line && f.Span.Column == column);
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void Every_rule_has_a_failing_fixture()
    {
        var covered = RuleCases.All.Values.Select(c => c.Rule).ToHashSet();
        var ruleIds = RuleEngine.Rules.Select(r => r.Descriptor.Id);
        Assert.All(ruleIds, id => Assert.Contains(id, covered));
    }

    [Fact]
    public void A_duplicate_carries_the_first_occurrence()
    {
        var fixture = FixtureSpine.Own().Replace("ops/bindings/ssh.targets.yaml", "  targets:\n", "  targets:\n    - id: \"ha\"\n      host: \"127.0.0.9\"\n");
        var finding = Assert.Single(fixture.Check());
        Assert.Equal(fixture.Position("ops/bindings/ssh.targets.yaml", "\"ha\""), (finding.Related[0].Line, finding.Related[0].Column));
    }

    [Fact]
    public void A_cycle_names_all_its_members()
    {
        var fixture = FixtureSpine.Own()
            .Replace("ops/bindings/gate.execution.topology.yaml", "    criticality: standard\n    depends_on: []\n", "    criticality: standard\n    depends_on: [home]\n");
        var finding = Assert.Single(fixture.Check(), f => f.RuleId == "SPINE204");
        Assert.Contains("core", finding.Message);
        Assert.Contains("infra", finding.Message);
        Assert.Contains("home", finding.Message);
        Assert.Equal(2, finding.Related.Count);
    }

    [Fact]
    public void Disabled_compose_target_with_unknown_ssh_target_only_warns()
    {
        var findings = FixtureSpine.Own()
            .Replace("ops/bindings/docker.compose.targets.yaml", "  docker-host:\n    ssh_target: docker-host\n", "  docker-host:\n    enabled: false\n    ssh_target: gone\n")
            .Check();
        Assert.Equal(Severity.Warning, Assert.Single(findings).Severity);
    }

    [Fact]
    public void Rule_parameters_come_from_the_registry()
    {
        // With D137's expected_domain changed in data, the (unchanged) capabilities no longer comply.
        var findings = FixtureSpine.Own()
            .Replace("ops/bindings/gate.registry.yaml", "      expected_domain: infra\n", "      expected_domain: proxmox\n")
            .Check();
        Assert.Equal(7, findings.Count(f => f.RuleId == "SPINE137"));
    }

    [Fact]
    public void Known_sites_come_from_the_data()
    {
        var findings = FixtureSpine.Own()
            .Replace("ops/bindings/startup.sequencing.yaml", "sites: [shop, home]", "sites: [shop, home, cabin]")
            .Check();
        Assert.Contains(findings, f => f.RuleId == "SPINE138" && f.Message.Contains("cabin"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rules_run_on_a_partial_workspace_without_throwing(bool garble)
    {
        foreach (var path in SpineLoader.RequiredBindings.Concat(new[] { TenantProfile.DefaultPath, AgentProfiles.Path, ComposeTargets.Path, NetworkCutoverPolicy.Path }))
        {
            var fixture = FixtureSpine.Own();
            fixture = garble ? fixture.Set(path, "{ this: is: not yaml ]") : fixture.Remove(path);
            var findings = fixture.Check();
            Assert.DoesNotContain(findings, f => f.RuleId == "SPINE000");
            var expected = garble ? "SPINE001" : "SPINE004";
            if (garble || SpineLoader.RequiredBindings.Contains(path))
            {
                Assert.Single(findings, f => f.RuleId == expected);
            }

            // No cascade: apart from the one finding, only rules that need the other file as a reference may speak.
            Assert.True(findings.Count(f => f.RuleId is not ("SPINE001" or "SPINE004")) == 0, $"{path}: " + string.Join("; ", findings));
        }
    }

    [Fact]
    public void Findings_are_in_a_deterministic_order()
    {
        var a = RuleEngine.Check(SpineDirectory.Load(Paths.Corpus));
        var b = RuleEngine.Check(SpineDirectory.Load(Paths.Corpus));
        Assert.Equal(a, b);
        Assert.Equal(a.OrderBy(f => f.Span.File, System.StringComparer.Ordinal).ThenBy(f => f.Span.Line).ThenBy(f => f.Span.Column), a);
    }

    [Fact]
    public void A_gate_rule_holds_only_while_its_gate_is_in_force()
    {
        var violation = FixtureSpine.Own().Replace("ops/bindings/startup.sequencing.yaml", "version: 2\n", "version: 1\n");
        Assert.Contains(violation.Check(), f => f.GateId == "D138");

        var retired = violation
            .Replace("ops/bindings/gate.registry.yaml", "    enforced_by: SPINE138\n", "    enforced_by: SPINE138\n    retired: true\n")
            .Replace("ops/bindings/gate.registry.yaml", "  active: 8\n  retired: 1\n", "  active: 7\n  retired: 2\n");
        Assert.Empty(retired.Check());
    }

    [Fact]
    public void Categories_may_be_listed_as_plain_ids()
    {
        var fixture = FixtureSpine.Own().Replace(
            "ops/bindings/gate.registry.yaml",
            "  - id: path-hygiene\n    description: Path and filesystem constraints\n",
            "  - path-hygiene\n");
        Assert.Empty(fixture.Check());
        Assert.Contains(fixture.Load().Registry!.Categories, c => c.Id?.Value == "path-hygiene" && c.Description is null);
    }
}
