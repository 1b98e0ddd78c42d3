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
    }

    /// <summary>A tenant profile's policy part: where it was read, its preset and its knob overrides (YAML text).</summary>
    public sealed record TenantChoice(string Path, string? Preset, IReadOnlyList<KeyValuePair<string, string>> Overrides)
    {
        public static TenantChoice? From(TenantProfile? tenant) => tenant is null
            ? null
            : new TenantChoice(tenant.Path, tenant.Preset?.Value, tenant.Overrides.Where(o => o.Value != null).Select(o => new KeyValuePair<string, string>(o.Name.Value, o.Value!)).ToList());
    }

    /// <summary>What the discovery chain looks at, read by the caller (environment, files).</summary>
    public sealed record PolicySources(string? EnvironmentPreset, TenantChoice? EnvironmentTenant, string? EnvironmentTenantPath, TenantChoice? SpineTenant);

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

            var table = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
            foreach (var preset in presets.Presets)
            {
                table[preset.Name.Value] = preset.Knobs.Where(k => k.Value != null).Select(k => new KeyValuePair<string, string>(k.Name.Value, k.Value!)).ToList();
            }

            return Resolve(table, sources);
        }

        /// <summary>The chain over plain data: preset name → knobs (YAML text), in declared order.</summary>
        public static ResolvedPolicy Resolve(IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> presets, PolicySources sources)
        {
            string preset;
            string presetSource;
            TenantChoice? tenant = null;
            if (!string.IsNullOrWhiteSpace(sources.EnvironmentPreset))
            {
                preset = sources.EnvironmentPreset!.Trim();
                presetSource = "SPINE_POLICY_PRESET";
            }
            else if (!string.IsNullOrWhiteSpace(sources.EnvironmentTenantPath))
            {
                tenant = sources.EnvironmentTenant ?? throw new PolicyException($"SPINE_TENANT_PROFILE names '{sources.EnvironmentTenantPath}', which cannot be read as a tenant profile.");
                preset = tenant.Preset ?? DefaultPreset;
                presetSource = tenant.Preset is null ? "default (tenant profile names no preset)" : "SPINE_TENANT_PROFILE " + tenant.Path;
            }
            else if (sources.SpineTenant is { } spineTenant)
            {
                tenant = spineTenant;
                preset = spineTenant.Preset ?? DefaultPreset;
                presetSource = spineTenant.Preset is null ? "default (tenant profile names no preset)" : spineTenant.Path;
            }
            else
            {
                preset = DefaultPreset;
                presetSource = "default";
            }

            if (!presets.TryGetValue(preset, out var chosen))
            {
                throw new PolicyException($"Unknown policy preset '{preset}' (from {presetSource}); the spine defines {string.Join(", ", presets.Keys)}.");
            }

            var knobs = chosen.Select(k => new ResolvedKnob(k.Key, k.Value, "preset " + preset)).ToList();
            foreach (var o in tenant?.Overrides ?? new List<KeyValuePair<string, string>>())
            {
                var at = knobs.FindIndex(k => k.Name == o.Key);
                var resolved = new ResolvedKnob(o.Key, o.Value, "override " + tenant!.Path);
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
