using System.Linq;
using Spine.Model;
using Spine.Model.Checking;
using Spine.Model.Policy;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>One policy for every entry point: the check pipeline gives each finding its severity under the resolved policy.</summary>
public class PolicyPipelineTests
{
    private static CheckReport Check(FixtureSpine spine, string? preset)
    {
        var ws = spine.Load();
        return SpineCheck.Run(ws, PolicyEnvironment.Sources(ws, name => name == "SPINE_POLICY_PRESET" ? preset : null), _ => null, CheckScope.Rules);
    }

    private static FixtureSpine Drift() => RuleCases.All["D137: plane missing"].Edit(FixtureSpine.Own()).Set("ops/bindings/extra.yaml", "a: [\n");

    [Fact]
    public void Under_a_warn_preset_drift_is_a_warning_and_an_unreadable_spine_stays_an_error()
    {
        var report = Check(Drift(), "permissive");
        Assert.Equal(Severity.Warning, report.Findings.Single(f => f.RuleId == "SPINE137").Severity);
        Assert.Equal(Severity.Error, report.Findings.Single(f => f.RuleId == "SPINE001").Severity);
        Assert.Equal(1, SpineCheck.ExitCode(report));
        Assert.Equal(0, SpineCheck.ExitCode(Check(RuleCases.All["D137: plane missing"].Edit(FixtureSpine.Own()), "permissive")));
    }

    [Fact]
    public void Under_the_default_preset_drift_is_an_error()
    {
        var report = Check(Drift(), null);
        Assert.Equal("balanced", report.Policy!.Preset);
        Assert.Equal(Severity.Error, report.Findings.Single(f => f.RuleId == "SPINE137").Severity);
    }

    [Fact]
    public void An_unknown_preset_from_the_environment_is_SPINE504_and_exit_2()
    {
        var report = Check(FixtureSpine.Own(), "nosuch");
        Assert.Null(report.Policy);
        Assert.Equal("Unknown policy preset 'nosuch' (from SPINE_POLICY_PRESET); the spine defines strict, balanced, permissive.", report.PolicyError);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("SPINE504", Severity.Error, false), (finding.RuleId, finding.Severity, finding.HasLocation));
        Assert.Equal(2, SpineCheck.ExitCode(report));
    }

    [Fact]
    public void An_unknown_preset_in_the_spines_tenant_is_SPINE502_at_its_line_and_exit_2()
    {
        var spine = RuleCases.All["policy: tenant names an unknown preset"].Edit(FixtureSpine.Own());
        var report = Check(spine, null);
        Assert.NotNull(report.PolicyError);
        Assert.Equal("SPINE502", Assert.Single(report.Findings).RuleId);
        Assert.Equal(2, SpineCheck.ExitCode(report));
    }
}
