using System.Linq;
using Spine.Model;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>The real 2026-02-17 spine: everything loads, with its values, and only its real faults are reported.</summary>
public class CorpusConformanceTests
{
    private static readonly SpineWorkspace Corpus = SpineDirectory.Load(Paths.Corpus);

    [Fact]
    public void Every_file_loads_and_the_only_loading_finding_is_the_real_duplicate_key()
    {
        Assert.Equal(128, Corpus.Files.Count);
        var finding = Assert.Single(Corpus.LoadFindings);
        Assert.Equal("SPINE002", finding.RuleId);
        Assert.Equal(("ops/bindings/surface.readonly.contract.yaml", 29, 5), (finding.Span.File, finding.Span.Line, finding.Span.Column));
        Assert.Equal(20, Assert.Single(finding.Related).Line);
    }

    [Fact]
    public void Counts_come_through()
    {
        Assert.Equal(359, Corpus.Capabilities!.Capabilities.Count);
        Assert.Equal(359, Corpus.CapabilityMap!.Entries.Count);
        Assert.Equal(139, Corpus.Registry!.Gates.Count);
        Assert.Equal(15, Corpus.Topology!.Domains.Count);
        Assert.Equal(138, Corpus.Topology.Assignments.Count);
        Assert.Equal(5, Corpus.Sequencing!.Phases.Count);
        Assert.Equal(15, Corpus.DomainProfiles!.Domains.Count);
        Assert.Equal(8, Corpus.AgentProfiles!.Profiles.Count);
        Assert.Equal(24, Corpus.SshTargets!.Targets.Count);
        Assert.Equal(3, Corpus.Policy!.Presets.Count);
        Assert.Equal(10, Corpus.Policy.KnobSchema.Count);
        Assert.Equal(2, Corpus.Tenants.Count);
    }

    [Fact]
    public void Capability_values_match_the_yaml()
    {
        var shutdown = Corpus.Capabilities!.Find("infra.proxmox.maintenance.shutdown")!;
        Assert.Equal((3080, 3), (shutdown.Span.Line, shutdown.Span.Column));
        Assert.Equal("mutating", shutdown.Safety?.Value);
        Assert.Equal("auto", shutdown.Approval?.Value);
        Assert.Equal("fabric", shutdown.Plane?.Value);
        Assert.Equal("infra", shutdown.Domain?.Value);
        Assert.Equal(new[] { "ssh.target.status", "network.oob.guard.status" }, shutdown.Requires.Select(r => r.Value));
        Assert.Equal("./ops/plugins/infra/bin/infra-proxmox-maintenance", shutdown.Command?.Value);

        var recovery = Corpus.Capabilities.Find("infra.post_power.recovery")!;
        Assert.Equal("manual", recovery.Approval?.Value);

        Assert.Equal(new[] { "fabric", "domain_external" }, Corpus.Capabilities.Schema.EnumValues("plane")!.Value.Select(v => v.Value));
    }

    [Fact]
    public void Registry_and_topology_values_match_the_yaml()
    {
        var registry = Corpus.Registry!;
        Assert.Equal((139, 138, 1), (registry.Count!.Total!.Value.Value, registry.Count.Active!.Value.Value, registry.Count.Retired!.Value.Value));
        Assert.Equal(12, registry.Categories.Count);
        var d21 = registry.Find("D21")!;
        Assert.True(d21.Retired);
        Assert.Equal("none", d21.Severity?.Value);
        var d20 = registry.Find("D20")!;
        Assert.True(d20.VerboseOnly);
        Assert.Equal("D55", d20.CompositeParent?.Value);
        Assert.Equal("surfaces/verify/d137-infra-capability-metadata-parity.sh", registry.Find("D137")!.CheckScript?.Value);
        Assert.True(registry.Find("D1")!.Inline);

        var topology = Corpus.Topology!;
        Assert.Equal(new[] { "D3", "D48", "D63", "D67", "D121", "D124", "D126", "D127" }, topology.CoreMode!.CoreGateIds.Select(g => g.Value));
        Assert.Equal(8, topology.CoreMode.CoreCountLimit!.Value.Value);
        var pn = topology.FindDomain("proxmox-network")!;
        Assert.Equal(new[] { "core", "infra" }, pn.DependsOn.Select(d => d.Value));
        Assert.Equal("critical", pn.Criticality?.Value);
        Assert.Equal(4, topology.ReleaseSequence.ToList().FindIndex(r => r.Value == "proxmox-network"));
        var d22 = topology.Assignments.Single(a => a.GateId.Value == "D22");
        Assert.Equal(new[] { "n8n", "finance" }, d22.SecondaryDomains.Select(d => d.Value));
        Assert.True(topology.Rules.RequirePrimaryDomainForAllActiveGates && topology.Rules.RejectUndefinedDomainRefs && topology.Rules.RequireReleaseSequenceCoverage);
        Assert.Equal(25, Corpus.DomainProfiles!.Find("proxmox-network")!.GateIds.Count);
    }

    [Fact]
    public void Sequencing_ssh_policy_and_inventory_values_match_the_yaml()
    {
        var seq = Corpus.Sequencing!;
        Assert.Equal(2, seq.Version!.Value.Value);
        Assert.Equal(new[] { 1, 2, 3, 4, 10 }, seq.Phases.Select(p => p.Number!.Value.Value));
        Assert.Equal(new[] { "shop", "shop", "shop", "shop", "home" }, seq.Phases.Select(p => p.Site!.Value.Value));
        var home = seq.Phases[4].Hosts.Single();
        Assert.Equal("proxmox-home", home.Target?.Value);
        Assert.Equal(new[] { 100 }, home.VmIds.Select(v => v.Value));
        Assert.Equal(30, home.WaitAfterSec!.Value.Value);
        Assert.Equal("http://127.0.0.100:8123/api/", home.HealthProbes.Single().Value);
        Assert.Equal(5, seq.Phases[0].Hosts[0].Stacks.Count);
        Assert.True(seq.Lifecycles.IsEmpty);

        var pve = Corpus.SshTargets!.Find("pve")!;
        Assert.Equal("127.96.211.33", pve.Host?.Value);
        Assert.Equal(22, Corpus.SshTargets.Defaults.Port!.Value.Value);
        Assert.Equal(20, Corpus.SshTargets.Find("pihole-home")!.ConnectTimeoutSec!.Value.Value);

        var balanced = Corpus.Policy!.Find("balanced")!;
        var gapAutoClaim = balanced.Knobs.Single(k => k.Name.Value == "gap_auto_claim");
        Assert.Equal(("true", true), (gapAutoClaim.Value, gapAutoClaim.IsPlain));
        Assert.Equal(new[] { "fail", "warn" }, Corpus.Policy.Knob("drift_gate_mode")!.Enum!.Value.Select(v => v.Value));
        Assert.Equal("balanced", Corpus.Tenant!.Preset?.Value);

        var nas = Corpus.Devices!.Find("nas")!;
        Assert.Equal(("127.0.0.150", "Storage, backups"), (nas.Ip?.Value, nas.Role?.Value));
        Assert.Equal(29, Corpus.Backups!.Targets.Count);
        Assert.False(Corpus.ComposeTargets!.Targets.Single(t => t.Id.Value == "vaultwarden-home").Enabled);
    }

    /// <summary>
    /// The exact errors of the corpus, each a real inconsistency of that data:
    /// <list type="bullet">
    /// <item>14 gates use categories the registry never declares (home-automation ×12, infrastructure-parity, ssot-integrity);</item>
    /// <item>surface.readonly.contract.yaml's spine_status surface has two <c>description</c> keys;</item>
    /// <item>tenant.profile.yaml overrides <c>multi_agent_writes_when_multi_session</c>, which knob_schema has no knob for (resolve-policy ignores it).</item>
    /// </list>
    /// The one warning: the decommissioned compose target vaultwarden-home still names SSH target 'vault', removed with VM 102.
    /// </summary>
    [Fact]
    public void Rules_report_exactly_the_real_inconsistencies()
    {
        var findings = RuleEngine.Check(Corpus);
        var errors = findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.RuleId} {f.Span}").ToList();
        var categoryGates = new[] { 707, 749, 756, 763, 770, 777, 791, 798, 854, 861, 882, 889, 896, 903 };
        var expected = categoryGates.Select(line => $"SPINE303 ops/bindings/gate.registry.yaml({line},15)")
            .Append("SPINE002 ops/bindings/surface.readonly.contract.yaml(29,5)")
            .Append("SPINE503 ops/bindings/tenant.profile.yaml(21,5)")
            .ToList();
        Assert.Equal(expected, errors);

        var categories = findings.Where(f => f.RuleId == "SPINE303").Select(f => f.Message.Split('\'')[1]).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(12, categories["home-automation"]);
        Assert.Equal(1, categories["infrastructure-parity"]);
        Assert.Equal(1, categories["ssot-integrity"]);

        var warning = Assert.Single(findings, f => f.Severity == Severity.Warning);
        Assert.Equal(("SPINE404", "ops/bindings/docker.compose.targets.yaml", 140, 17), (warning.RuleId, warning.Span.File, warning.Span.Line, warning.Span.Column));
        Assert.Contains("'vault'", warning.Message);
    }

    /// <summary>The 2026-02-25 snapshot: each error and warning, at its place (docs/conformance.md says why each is deserved).</summary>
    [Fact]
    public void The_newer_snapshot_reports_exactly_its_real_inconsistencies()
    {
        var findings = RuleEngine.Check(SpineDirectory.Load(Paths.Corpus25));
        var categoryGates = new[] { 795, 843, 851, 859, 867, 875, 891, 899, 963, 971, 995, 1003, 1011, 1019, 1298, 1847, 1856, 1865, 1874, 1883, 1901 };
        var expected = new[] { "SPINE002 ops/bindings/cli.tools.inventory.yaml(178,5)", "SPINE002 ops/bindings/cli.tools.inventory.yaml(209,5)" }
            .Concat(categoryGates.Select(line => $"SPINE303 ops/bindings/gate.registry.yaml({line},15)"))
            .Append("SPINE002 ops/bindings/surface.readonly.contract.yaml(29,5)")
            .Concat(new[] { 4970, 4981, 4992, 5003, 5014, 5025 }.Select(line => $"SPINE137 ops/capabilities.yaml({line},3)"))
            .ToList();
        Assert.Equal(expected, findings.Where(f => f.Severity == Severity.Error).Select(f => $"{f.RuleId} {f.Span}"));
        Assert.Equal(
            new[] { "infra.proxmox.maintenance.precheck", "infra.proxmox.maintenance.shutdown", "infra.proxmox.maintenance.startup", "infra.post_power.recovery.status", "infra.post_power.recovery", "infra.maintenance.window" },
            findings.Where(f => f.RuleId == "SPINE137").Select(f => f.Subject));
        var warning = Assert.Single(findings, f => f.Severity == Severity.Warning);
        Assert.Equal(("SPINE404", 156), (warning.RuleId, warning.Span.Line));
    }

    /// <summary>docs/conformance.md's table is what the rules report, corpus by corpus, rule by rule.</summary>
    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void The_conformance_page_states_the_real_counts(string date)
    {
        var corpus = "spine-" + date;
        var documented = ConformanceDoc.Counts().Where(c => c.Key.Corpus == corpus && !c.Key.Rule.StartsWith("SPINE6", System.StringComparison.Ordinal))
            .ToDictionary(c => (c.Key.Rule, c.Key.Severity), c => c.Value);
        var actual = RuleEngine.Check(SpineDirectory.Load(Paths.CorpusOf(date)))
            .GroupBy(f => (f.RuleId, Finding.SeverityName(f.Severity)))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(documented);
        Assert.Equal(documented.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void The_seed_gates_pass_on_the_corpus()
    {
        var findings = RuleEngine.Check(Corpus);
        Assert.DoesNotContain(findings, f => f.GateId is "D67" or "D137" or "D138" or "D139");
    }
}
