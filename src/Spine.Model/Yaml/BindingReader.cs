using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Spine.Model.Yaml
{
    /// <summary>
    /// Reads typed values out of <see cref="YamlNode"/>s for the binders. A node of the wrong shape
    /// or type becomes one SPINE003 finding (per container, not per item) that names the value found
    /// and how to fix it; the value reads as absent, so binding goes on.
    /// </summary>
    public sealed class BindingReader
    {
        private readonly ICollection<Finding> _findings;
        private readonly Schemas.ShapeRecorder? _recorder;

        public BindingReader(ICollection<Finding> findings, Schemas.ShapeRecorder? recorder = null)
        {
            _findings = findings;
            _recorder = recorder;
        }

        public YamlMapping? Map(YamlNode? node, string what)
        {
            _recorder?.Node(node, Schemas.Shape.Mapping);
            if (node is null || node is YamlScalar { IsNull: true })
            {
                return null;
            }

            if (node is YamlMapping map)
            {
                return map;
            }

            WrongType(node, what, "a mapping");
            return null;
        }

        public YamlMapping? Map(YamlMapping? parent, string key)
        {
            _recorder?.Key(parent, key, Schemas.Shape.Mapping);
            return parent is null ? null : Map(parent[key], $"'{key}'");
        }

        /// <summary>The entries (first occurrence of each key) of the mapping at <paramref name="key"/>; none when absent.</summary>
        public IReadOnlyList<YamlEntry> Entries(YamlMapping? parent, string key)
        {
            _recorder?.Key(parent, key, Schemas.Shape.Dictionary);
            return Map(parent, key)?.UniqueEntries ?? System.Array.Empty<YamlEntry>();
        }

        public YamlSequence? Seq(YamlNode? node, string what)
        {
            _recorder?.Node(node, Schemas.Shape.Sequence);
            if (node is null || node is YamlScalar { IsNull: true })
            {
                return null;
            }

            if (node is YamlSequence seq)
            {
                return seq;
            }

            WrongType(node, what, "a sequence");
            return null;
        }

        public YamlSequence? Seq(YamlMapping? parent, string key)
        {
            _recorder?.Key(parent, key, Schemas.Shape.Sequence);
            return parent is null ? null : Seq(parent[key], $"'{key}'");
        }

        /// <summary>The mappings of a sequence; items of another shape are reported (once for the sequence) and skipped.</summary>
        public IReadOnlyList<YamlMapping> Maps(YamlMapping? parent, string key)
        {
            _recorder?.Key(parent, key, Schemas.Shape.MappingList);
            var seq = Seq(parent, key);
            if (seq is null)
            {
                return System.Array.Empty<YamlMapping>();
            }

            var maps = new List<YamlMapping>(seq.Items.Count);
            var wrong = new List<YamlNode>();
            foreach (var item in seq.Items)
            {
                if (item is YamlMapping map)
                {
                    maps.Add(map);
                }
                else if (!(item is YamlScalar { IsNull: true }))
                {
                    wrong.Add(item);
                }
            }

            WrongItems(wrong, key, "a mapping");
            return maps;
        }

        public Located<string>? Str(YamlMapping? map, string key)
        {
            _recorder?.Key(map, key, Schemas.Shape.Scalar);
            var node = map?[key];
            return node is null ? null : Str(node, $"'{key}'");
        }

        public Located<string>? Str(YamlNode node, string what)
        {
            _recorder?.Node(node, Schemas.Shape.Scalar);
            if (node is YamlScalar scalar)
            {
                return scalar.IsNull ? (Located<string>?)null : new Located<string>(scalar.Value, scalar.Span);
            }

            WrongType(node, what, "a scalar");
            return null;
        }

        /// <summary>A string the entry cannot do without: when absent it is reported at the entry, so nothing is skipped silently.</summary>
        public Located<string>? Required(YamlMapping map, string key, string what)
        {
            _recorder?.Key(map, key, Schemas.Shape.Required);
            var value = Str(map, key);
            if (value is null && map[key] is null or YamlScalar { IsNull: true })
            {
                _findings.Add(RuleCatalog.WrongType.At(
                    map.Entries.Count > 0 ? map.Entries[0].Key.Span : map.Span,
                    $"{what} has no '{key}' (found {YamlNode.Preview(map, 60)}); it is left out of the checks until it has one."));
            }

            return value;
        }

        public Located<int>? Int(YamlMapping? map, string key)
        {
            _recorder?.Key(map, key, Schemas.Shape.Integer);
            var node = map?[key];
            if (node is null || node is YamlScalar { IsNull: true })
            {
                return null;
            }

            if (node is YamlScalar scalar && TryInt(scalar, out var value))
            {
                return new Located<int>(value, scalar.Span);
            }

            WrongType(node, $"'{key}'", "an integer");
            return null;
        }

        public Located<bool>? Bool(YamlMapping? map, string key)
        {
            _recorder?.Key(map, key, Schemas.Shape.Boolean);
            var node = map?[key];
            if (node is null || node is YamlScalar { IsNull: true })
            {
                return null;
            }

            if (node is YamlScalar scalar && TryBool(scalar.Value, out var value))
            {
                return new Located<bool>(value, scalar.Span);
            }

            WrongType(node, $"'{key}'", "a boolean (true or false)");
            return null;
        }

        /// <summary>A list of scalars; items of another shape are reported once for the list and left out.</summary>
        public EquatableArray<Located<string>> StrList(YamlMapping? map, string key)
        {
            _recorder?.Key(map, key, Schemas.Shape.ScalarList);
            var seq = Seq(map, key);
            if (seq is null)
            {
                return EquatableArray<Located<string>>.Empty;
            }

            var values = new List<Located<string>>(seq.Items.Count);
            var wrong = new List<YamlNode>();
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar scalar)
                {
                    if (!scalar.IsNull)
                    {
                        values.Add(new Located<string>(scalar.Value, scalar.Span));
                    }
                }
                else
                {
                    wrong.Add(item);
                }
            }

            WrongItems(wrong, key, "a scalar");
            return values.ToEquatableArray();
        }

        /// <summary>A list of integers (VM ids); other items are reported once for the list and left out.</summary>
        public EquatableArray<Located<int>> IntList(YamlMapping? map, string key)
        {
            _recorder?.Key(map, key, Schemas.Shape.IntegerList);
            var seq = Seq(map, key);
            if (seq is null)
            {
                return EquatableArray<Located<int>>.Empty;
            }

            var result = new List<Located<int>>(seq.Items.Count);
            var wrong = new List<YamlNode>();
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar scalar && !scalar.IsNull && TryInt(scalar, out var value))
                {
                    result.Add(new Located<int>(value, scalar.Span));
                }
                else
                {
                    wrong.Add(item);
                }
            }

            WrongItems(wrong, key, "an integer");
            return result.ToEquatableArray();
        }

        /// <summary>A string that must match <paramref name="pattern"/>; one that does not is reported and reads as absent.</summary>
        public Located<string>? Matching(YamlMapping? map, string key, System.Text.RegularExpressions.Regex pattern, string expected)
        {
            var value = Str(map, key);
            if (value is { } v && !pattern.IsMatch(v.Value))
            {
                _findings.Add(RuleCatalog.WrongType.At(v.Span, $"Expected {expected} for '{key}', found '{v.Value}'."));
                return null;
            }

            return value;
        }

        public static SourceSpan KeySpan(YamlMapping map, string key) => map.Entry(key)?.Key.Span ?? map.Span;

        internal static bool TryBool(string text, out bool value)
        {
            switch (text)
            {
                case "true":
                case "True":
                case "TRUE":
                    value = true;
                    return true;
                case "false":
                case "False":
                case "FALSE":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }

        private static bool TryInt(YamlScalar scalar, out int value) =>
            int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        private void WrongType(YamlNode node, string what, string expected) =>
            _findings.Add(RuleCatalog.WrongType.At(node.Span, $"Expected {expected} for {what}, found {node.Describe()}.{QuotingHint(node)}"));

        /// <summary>One finding for all the wrong items of one list, at the first, with the others as related locations.</summary>
        private void WrongItems(List<YamlNode> wrong, string key, string expected)
        {
            if (wrong.Count == 0)
            {
                return;
            }

            var first = wrong[0];
            var message = wrong.Count == 1
                ? $"Expected {expected} for an item of '{key}', found {first.Describe()}.{QuotingHint(first)}"
                : $"{wrong.Count} items of '{key}' are not {Plural(expected)}; the first is {first.Describe()}.{QuotingHint(first)}";
            _findings.Add(RuleCatalog.WrongType.At(first.Span, message, wrong.Skip(1).Select(w => w.Span).ToArray()));
        }

        private static string Plural(string expected) => expected switch
        {
            "a mapping" => "mappings",
            "a scalar" => "scalars",
            "an integer" => "integers",
            _ => expected,
        };

        /// <summary>
        /// A plain scalar with <c>": "</c> in it is read by YAML as a one-entry mapping: say so, and how to
        /// keep it a string.
        /// </summary>
        private static string QuotingHint(YamlNode node)
        {
            if (node is YamlMapping { Entries.Count: 1 } map && map.Entries[0].Key.IsPlain && map.Entries[0].Value is YamlScalar { IsPlain: true, IsNull: false } value)
            {
                var text = map.Entries[0].Key.Value + ": " + value.Value;
                return $" YAML reads the plain text `{text}` as a key and a value because of ': '; if it is text, quote it: \"{text.Replace("\"", "\\\"")}\".";
            }

            return string.Empty;
        }
    }
}
