using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/gate.registry.yaml</c>: every drift gate and its metadata.</summary>
    public sealed record GateRegistry(
        SourceSpan Span,
        SourceSpan? GatesKey,
        SourceSpan? CategoriesKey,
        Located<string>? Updated,
        GateCount? Count,
        EquatableArray<GateCategory> Categories,
        EquatableArray<Located<string>> Severities,
        EquatableArray<Gate> Gates)
    {
        public const string Path = "ops/bindings/gate.registry.yaml";

        /// <summary>The severity vocabulary when the registry declares none (<c>none</c> is for retired slots).</summary>
        public static readonly IReadOnlyList<string> DefaultSeverities = new[] { "critical", "high", "medium", "low", "none" };

        public Gate? Find(string id) => Gates.FirstOrDefault(g => g.Id.Value == id);

        /// <summary>
        /// Whether the registry was last updated on or after <paramref name="date"/> (yyyy-MM-dd); true when it gives no
        /// readable date, so a spine that does not say is held to the newest contract.
        /// </summary>
        public bool UpdatedOnOrAfter(string date) =>
            Updated is not { } updated || updated.Value.Length < 10 || !System.DateTime.TryParseExact(updated.Value.Substring(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
                || string.CompareOrdinal(updated.Value.Substring(0, 10), date) >= 0;

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
                root.Entry("gates")?.Key.Span,
                root.Entry("categories")?.Key.Span,
                read.Str(root, "updated"),
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
            new Located<string>(string.Empty, span), null, null, null, null, null, false, false, false, false, null,
            EquatableArray<Located<string>>.Empty, null, RuleParameters.None);
    }

    /// <summary>Named lists of strings from a gate's <c>rule:</c> block (a scalar reads as a one-item list).</summary>
    public sealed record RuleParameters(EquatableArray<RuleParameter> Items)
    {
        public static readonly RuleParameters None = new RuleParameters(EquatableArray<RuleParameter>.Empty);

        public EquatableArray<Located<string>>? Get(string name) => Items.FirstOrDefault(p => p.Name == name)?.Values;

        /// <summary>The first value of a parameter, or null when it is absent or empty.</summary>
        public string? First(string name) => Get(name) is { Count: > 0 } values ? values[0].Value : null;

        internal static RuleParameters Bind(YamlMapping? map, BindingReader read)
        {
            if (map is null)
            {
                return None;
            }

            var items = new List<RuleParameter>();
            foreach (var entry in map.UniqueEntries)
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
