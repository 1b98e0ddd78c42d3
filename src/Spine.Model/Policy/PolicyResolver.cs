using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Policy
{
    /// <summary>A knob's resolved value (its YAML text) and where it came from.</summary>
    public sealed record ResolvedKnob(string Name, string Value, string Source);

    /// <summary>The policy in force: the preset, how it was chosen, and every knob.</summary>
    public sealed record ResolvedPolicy(string Preset, string PresetSource, EquatableArray<ResolvedKnob> Knobs)
    {
        public string? Get(string name) => Knobs.FirstOrDefault(k => k.Name == name)?.Value;

        /// <summary><c>drift_gate_mode: warn</c>: drift is reported but does not fail.</summary>
        public bool DriftWarnOnly => Get("drift_gate_mode") == "warn";

        public IReadOnlyDictionary<string, string> Values => Knobs.ToDictionary(k => k.Name, k => k.Value);
    }

    /// <summary>What the discovery chain looks at, read by the caller (environment, files).</summary>
    public sealed record PolicySources(string? EnvironmentPreset, TenantProfile? EnvironmentTenant, string? EnvironmentTenantPath, TenantProfile? SpineTenant);

    /// <summary>A policy that cannot be resolved (an unknown preset, no presets binding).</summary>
    public sealed class PolicyException : Exception
    {
        public PolicyException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// The seed's resolve-policy.sh discovery chain, first match wins: <c>SPINE_POLICY_PRESET</c>; the
    /// tenant profile at <c>SPINE_TENANT_PROFILE</c>; the spine's tenant.profile.yaml; <c>balanced</c>.
    /// Knobs come from the preset, then the chosen tenant profile's overrides (an environment preset
    /// takes no overrides, as in the seed). <c>false</c> is a value like any other. Unlike the seed, an
    /// unknown preset is an error rather than a silent fallback.
    /// </summary>
    public static class PolicyResolver
    {
        public const string DefaultPreset = "balanced";

        public static ResolvedPolicy Resolve(PolicyPresets? presets, PolicySources sources)
        {
            if (presets is null)
            {
                throw new PolicyException($"No policy presets: {PolicyPresets.Path} is missing or unreadable.");
            }

            string preset;
            string presetSource;
            TenantProfile? tenant = null;
            string? tenantSource = null;
            if (!string.IsNullOrWhiteSpace(sources.EnvironmentPreset))
            {
                preset = sources.EnvironmentPreset!.Trim();
                presetSource = "SPINE_POLICY_PRESET";
            }
            else if (!string.IsNullOrWhiteSpace(sources.EnvironmentTenantPath))
            {
                tenant = sources.EnvironmentTenant ?? throw new PolicyException($"SPINE_TENANT_PROFILE names '{sources.EnvironmentTenantPath}', which cannot be read as a tenant profile.");
                tenantSource = "SPINE_TENANT_PROFILE " + sources.EnvironmentTenantPath;
                preset = tenant.Preset?.Value ?? DefaultPreset;
                presetSource = tenant.Preset is null ? "default (tenant profile names no preset)" : tenantSource;
            }
            else if (sources.SpineTenant is { } spineTenant)
            {
                tenant = spineTenant;
                tenantSource = spineTenant.Path;
                preset = spineTenant.Preset?.Value ?? DefaultPreset;
                presetSource = spineTenant.Preset is null ? "default (tenant profile names no preset)" : spineTenant.Path;
            }
            else
            {
                preset = DefaultPreset;
                presetSource = "default";
            }

            var chosen = presets.Find(preset) ?? throw new PolicyException(
                $"Unknown policy preset '{preset}' (from {presetSource}); {PolicyPresets.Path} defines {string.Join(", ", presets.Presets.Select(p => p.Name.Value))}.");

            var knobs = new List<ResolvedKnob>();
            foreach (var knob in chosen.Knobs.Where(k => k.Value != null))
            {
                knobs.Add(new ResolvedKnob(knob.Name.Value, knob.Value!, "preset " + preset));
            }

            foreach (var o in (tenant?.Overrides ?? EquatableArray<KnobSetting>.Empty).Where(k => k.Value != null))
            {
                var at = knobs.FindIndex(k => k.Name == o.Name.Value);
                var resolved = new ResolvedKnob(o.Name.Value, o.Value!, "override " + tenantSource);
                if (at >= 0)
                {
                    knobs[at] = resolved;
                }
                else
                {
                    knobs.Add(resolved);
                }
            }

            return new ResolvedPolicy(preset, presetSource, knobs.ToEquatableArray());
        }
    }
}
