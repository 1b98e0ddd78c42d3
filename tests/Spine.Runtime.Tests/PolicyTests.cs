using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Build.Verification;
using Spine.Model.Policy;
using Spine.TestSupport;
using Xunit;

namespace Spine.Runtime.Tests;

/// <summary>The seed's discovery chain: SPINE_POLICY_PRESET → SPINE_TENANT_PROFILE → the spine's tenant profile → balanced.</summary>
public class PolicyTests
{
    private static ResolvedPolicy Resolve(FixtureSpine spine, Dictionary<string, string>? env = null) =>
        PolicyEnvironment.Resolve(spine.Load(), name => env != null && env.TryGetValue(name, out var v) ? v : null);

    [Fact]
    public void The_spines_tenant_profile_picks_the_preset_and_overrides_knobs()
    {
        var policy = Resolve(FixtureSpine.Own().Replace("ops/bindings/tenant.profile.yaml", "    stale_ssot_max_days: 14\n", "    stale_ssot_max_days: 3\n    gap_auto_claim: false\n"));
        Assert.Equal("balanced", policy.Preset);
        Assert.Equal("3", policy.Get("stale_ssot_max_days"));
        Assert.Equal("override ops/bindings/tenant.profile.yaml", policy.Knobs.Single(k => k.Name == "stale_ssot_max_days").Source);
        Assert.Equal("false", policy.Get("gap_auto_claim"));
        Assert.Equal("preset balanced", policy.Knobs.Single(k => k.Name == "drift_gate_mode").Source);
    }

    [Fact]
    public void The_environment_preset_wins_and_takes_no_tenant_overrides()
    {
        var policy = Resolve(FixtureSpine.Own(), new() { ["SPINE_POLICY_PRESET"] = "permissive" });
        Assert.Equal(("permissive", "SPINE_POLICY_PRESET"), (policy.Preset, policy.PresetSource));
        Assert.True(policy.DriftWarnOnly);
        Assert.Equal("30", policy.Get("stale_ssot_max_days"));
    }

    [Fact]
    public void A_tenant_profile_named_by_the_environment_comes_next()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "policy:\n  preset: strict\n  overrides:\n    commit_sign_required: false\n");
        try
        {
            var policy = Resolve(FixtureSpine.Own(), new() { ["SPINE_TENANT_PROFILE"] = file });
            Assert.Equal("strict", policy.Preset);
            Assert.Equal("false", policy.Get("commit_sign_required"));
            Assert.Equal("manual", policy.Get("approval_default"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Without_a_tenant_profile_the_default_is_balanced()
    {
        var policy = Resolve(FixtureSpine.Own().Remove("ops/bindings/tenant.profile.yaml"));
        Assert.Equal(("balanced", "default"), (policy.Preset, policy.PresetSource));
    }

    [Fact]
    public void An_unknown_preset_is_an_error()
    {
        var ex = Assert.Throws<PolicyException>(() => Resolve(FixtureSpine.Own(), new() { ["SPINE_POLICY_PRESET"] = "yolo" }));
        Assert.Contains("yolo", ex.Message);
        Assert.Throws<PolicyException>(() => Resolve(FixtureSpine.Own(), new() { ["SPINE_TENANT_PROFILE"] = "/nonexistent/tenant.yaml" }));
    }
}
