using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/policy.presets.yaml</c>: named knob sets and the knobs' schema.</summary>
    public sealed record PolicyPresets(SourceSpan Span, EquatableArray<PolicyPreset> Presets, SourceSpan? KnobSchemaKey, EquatableArray<KnobDefinition> KnobSchema)
    {
        public const string Path = "ops/bindings/policy.presets.yaml";

        public PolicyPreset? Find(string name) => Presets.FirstOrDefault(p => p.Name.Value == name);

        public KnobDefinition? Knob(string name) => KnobSchema.FirstOrDefault(k => k.Name.Value == name);

        internal static PolicyPresets Bind(YamlMapping root, BindingReader read)
        {
            var presets = new List<PolicyPreset>();
            foreach (var entry in read.Entries(root, "presets"))
            {
                var p = read.Map(entry.Value, $"preset '{entry.Key.Value}'");
                presets.Add(new PolicyPreset(new Located<string>(entry.Key.Value, entry.Key.Span), read.Str(p, "description"), KnobSetting.BindAll(read.Map(p, "knobs"))));
            }

            var knobs = new List<KnobDefinition>();
            foreach (var entry in read.Entries(root, "knob_schema"))
            {
                var k = read.Map(entry.Value, $"knob '{entry.Key.Value}'");
                knobs.Add(new KnobDefinition(
                    new Located<string>(entry.Key.Value, entry.Key.Span),
                    read.Str(k, "type"),
                    k?.Entry("enum") is null ? (EquatableArray<Located<string>>?)null : read.StrList(k, "enum"),
                    read.Str(k, "description")));
            }

            return new PolicyPresets(root.Span, presets.ToEquatableArray(), root.Entry("knob_schema")?.Key.Span, knobs.ToEquatableArray());
        }
    }

    public sealed record PolicyPreset(Located<string> Name, Located<string>? Description, EquatableArray<KnobSetting> Knobs)
    {
        public SourceSpan Span => Name.Span;
    }

    /// <summary>The declared type (string|integer|boolean) and, for strings, the allowed values of a knob.</summary>
    public sealed record KnobDefinition(Located<string> Name, Located<string>? Type, EquatableArray<Located<string>>? Enum, Located<string>? Description)
    {
        public SourceSpan Span => Name.Span;
    }

    /// <summary>
    /// A knob set by a preset or a tenant override: its text and whether it was a plain scalar
    /// (only plain scalars may be booleans or integers; <c>"false"</c> in quotes is a string).
    /// A null <see cref="Value"/> means the YAML gave no scalar (null, a list or a map).
    /// </summary>
    public sealed record KnobSetting(Located<string> Name, string? Value, bool IsPlain, SourceSpan ValueSpan)
    {
        public SourceSpan Span => Name.Span;

        internal static EquatableArray<KnobSetting> BindAll(YamlMapping? map)
        {
            if (map is null)
            {
                return EquatableArray<KnobSetting>.Empty;
            }

            return map.UniqueEntries.Select(e =>
            {
                // A list or map here is reported once, by the policy rules ("has no scalar value").
                var scalar = e.Value as YamlScalar;
                return new KnobSetting(
                    new Located<string>(e.Key.Value, e.Key.Span),
                    scalar is null || scalar.IsNull ? null : scalar.Value,
                    scalar?.IsPlain ?? false,
                    e.Value.Span);
            }).ToEquatableArray();
        }
    }
}
