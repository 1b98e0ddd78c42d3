using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>SPINE501: every preset sets exactly the knobs of knob_schema, each of its type and enum.</summary>
    internal sealed class PresetKnobRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.PresetKnob;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Policy is not { } policy || policy.KnobSchema.IsEmpty)
            {
                yield break;
            }

            foreach (var preset in policy.Presets)
            {
                var owner = $"Preset '{preset.Name.Value}'";
                foreach (var finding in KnobChecks.Check(Descriptor, policy, preset.Knobs, $"{owner} sets knob", owner + " knob"))
                {
                    yield return finding;
                }

                var set = Names.Set(preset.Knobs.Select(k => k.Name));
                var missing = policy.KnobSchema.Where(k => !set.Contains(k.Name.Value)).Select(k => k.Name.Value).ToList();
                if (missing.Count > 0)
                {
                    yield return Descriptor.At(preset.Span, $"Preset '{preset.Name.Value}' does not set knob(s) {Names.List(missing)}.");
                }
            }
        }
    }

    /// <summary>SPINE502: each tenant profile's policy.preset names a preset.</summary>
    internal sealed class UnknownTenantPresetRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UnknownTenantPreset;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Policy is not { } policy)
            {
                yield break;
            }

            var presets = Names.Set(policy.Presets.Select(p => p.Name));
            foreach (var tenant in workspace.Tenants)
            {
                if (tenant.Preset is { } preset && !presets.Contains(preset.Value))
                {
                    yield return Descriptor.At(preset.Span, $"Tenant profile selects preset '{preset.Value}', which {PolicyPresets.Path} does not define ({Names.List(presets)}).{Names.Hint(preset.Value, presets)}");
                }
            }
        }
    }

    /// <summary>SPINE503: each tenant override names a knob of knob_schema and has a value of its type.</summary>
    internal sealed class TenantOverrideRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.TenantOverride;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Policy is not { } policy || policy.KnobSchema.IsEmpty)
            {
                yield break;
            }

            foreach (var finding in workspace.Tenants.SelectMany(t => KnobChecks.Check(Descriptor, policy, t.Overrides, "Tenant override names knob", "Tenant override")))
            {
                yield return finding;
            }
        }
    }

    /// <summary>The knob checks presets and tenant overrides share: the knob exists in knob_schema, and its value fits.</summary>
    internal static class KnobChecks
    {
        public static IEnumerable<Finding> Check(RuleDescriptor rule, PolicyPresets policy, EquatableArray<KnobSetting> knobs, string unknownPrefix, string valuePrefix)
        {
            var schema = Names.Set(policy.KnobSchema.Select(k => k.Name));
            foreach (var knob in knobs)
            {
                var definition = policy.Knob(knob.Name.Value);
                if (definition is null)
                {
                    yield return rule.At(knob.Span, $"{unknownPrefix} '{knob.Name.Value}', which knob_schema does not define; it has no effect.{Names.Hint(knob.Name.Value, schema)}");
                }
                else if (KnobValues.Problem(knob, definition) is { } problem)
                {
                    yield return rule.At(knob.ValueSpan, $"{valuePrefix} '{knob.Name.Value}' {problem}.");
                }
            }
        }
    }
}
