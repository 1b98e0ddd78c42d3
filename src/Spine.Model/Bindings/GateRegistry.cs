using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/gate.registry.yaml</c>: every drift gate and its metadata.</summary>
    public sealed record GateRegistry(
        SourceSpan Span,
        Located<string>? SchemaVersion,
        Located<string>? Updated,
        Located<string>? Description,
        GateCount? Count,
        EquatableArray<GateCategory> Categories,
        EquatableArray<Located<string>> Severities,
        EquatableArray<Gate> Gates)
    {
        public const string Path = "ops/bindings/gate.registry.yaml";

        /// <summary>The severity vocabulary when the registry declares none (<c>none</c> is for retired slots).</summary>
        public static readonly IReadOnlyList<string> DefaultSeverities = new[] { "critical", "high", "medium", "low", "none" };

        public Gate? Find(string id) => Gates.FirstOrDefault(g => g.Id.Value == id);

        internal static GateRegistry Bind(YamlMapping root, BindingReader read)
        {
            var countMap = read.Map(root, "gate_count");
            var count = countMap is null
                ? null
                : new GateCount(BindingReader.KeySpan(root, "gate_count"), read.Int(countMap, "total"), read.Int(countMap, "active"), read.Int(countMap, "retired"));

            // A category is a mapping {id, description} or, in a terser registry, just its id.
            var categories = (read.Seq(root, "categories")?.Items ?? new List<YamlNode>())
                .Select(item => item is YamlScalar scalar
                    ? new GateCategory(scalar.Span, read.Str(scalar, "a category"), null)
                    : read.Map(item, "an item of 'categories'") is { } c ? new GateCategory(c.Span, read.Str(c, "id"), read.Str(c, "description")) : null)
                .Where(c => c != null)
                .Select(c => c!)
                .ToEquatableArray();

            var gates = new List<Gate>();
            foreach (var g in read.Maps(root, "gates"))
            {
                var id = read.Required(g, "id", "A gate");
                if (id is null)
                {
                    gates.Add(Gate.Anonymous(g.Span));
                    continue;
                }

                gates.Add(new Gate(
                    id.Value,
                    read.Str(g, "name"),
                    read.Str(g, "category"),
                    read.Str(g, "description"),
                    read.Str(g, "severity"),
                    read.Str(g, "check_script"),
                    read.Str(g, "fix_hint"),
                    read.Bool(g, "inline")?.Value ?? false,
                    read.Bool(g, "retired")?.Value ?? false,
                    read.Bool(g, "warn_only")?.Value ?? false,
                    read.Bool(g, "verbose_only")?.Value ?? false,
                    read.Str(g, "composite_parent"),
                    read.StrList(g, "composite_of"),
                    read.Str(g, "enforced_by"),
                    RuleParameters.Bind(read.Map(g, "rule"), read)));
            }

            return new GateRegistry(
                root.Span,
                read.Str(root, "schema_version"),
                read.Str(root, "updated"),
                read.Str(root, "description"),
                count,
                categories,
                read.StrList(root, "severities"),
                gates.ToEquatableArray());
        }
    }

    public sealed record GateCount(SourceSpan Span, Located<int>? Total, Located<int>? Active, Located<int>? Retired);

    public sealed record GateCategory(SourceSpan Span, Located<string>? Id, Located<string>? Description);

    /// <summary>
    /// One drift gate. <see cref="EnforcedBy"/> (a Spine extension, <c>enforced_by: SPINE137</c>) marks a
    /// gate that Spine checks in the compiler instead of by its script; <see cref="Rule"/> holds the
    /// gate's rule parameters (a Spine extension, <c>rule:</c>) that data-driven rules read.
    /// </summary>
    public sealed record Gate(
        Located<string> Id,
        Located<string>? Name,
        Located<string>? Category,
        Located<string>? Description,
        Located<string>? Severity,
        Located<string>? CheckScript,
        Located<string>? FixHint,
        bool Inline,
        bool Retired,
        bool WarnOnly,
        bool VerboseOnly,
        Located<string>? CompositeParent,
        EquatableArray<Located<string>> CompositeOf,
        Located<string>? EnforcedBy,
        RuleParameters Rule)
    {
        public SourceSpan Span => Id.Span;

        public bool IsActive => !Retired;

        internal static Gate Anonymous(SourceSpan span) => new Gate(
            new Located<string>(string.Empty, span), null, null, null, null, null, null, false, false, false, false, null,
            EquatableArray<Located<string>>.Empty, null, RuleParameters.None);
    }

    /// <summary>Named lists of strings from a gate's <c>rule:</c> block (a scalar reads as a one-item list).</summary>
    public sealed record RuleParameters(EquatableArray<RuleParameter> Items)
    {
        public static readonly RuleParameters None = new RuleParameters(EquatableArray<RuleParameter>.Empty);

        public EquatableArray<Located<string>>? Get(string name) => Items.FirstOrDefault(p => p.Name == name)?.Values;

        internal static RuleParameters Bind(YamlMapping? map, BindingReader read)
        {
            if (map is null)
            {
                return None;
            }

            var items = new List<RuleParameter>();
            foreach (var entry in map.Entries)
            {
                var values = entry.Value is YamlScalar scalar
                    ? (scalar.IsNull ? EquatableArray<Located<string>>.Empty : new[] { new Located<string>(scalar.Value, scalar.Span) }.ToEquatableArray())
                    : read.StrList(map, entry.Key.Value);
                items.Add(new RuleParameter(entry.Key.Value, values));
            }

            return new RuleParameters(items.ToEquatableArray());
        }
    }

    public sealed record RuleParameter(string Name, EquatableArray<Located<string>> Values);
}
