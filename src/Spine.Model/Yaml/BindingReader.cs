using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Spine.Model.Yaml
{
    /// <summary>
    /// Reads typed values out of <see cref="YamlNode"/>s for the binders. A node of the wrong shape
    /// or type becomes a SPINE003 finding at that node and reads as absent, so binding goes on.
    /// </summary>
    public sealed class BindingReader
    {
        private readonly ICollection<Finding> _findings;

        public BindingReader(ICollection<Finding> findings) => _findings = findings;

        public YamlMapping? Map(YamlNode? node, string what)
        {
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

        public YamlMapping? Map(YamlMapping? parent, string key) => parent is null ? null : Map(parent[key], $"'{key}'");

        public YamlSequence? Seq(YamlNode? node, string what)
        {
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

        public YamlSequence? Seq(YamlMapping? parent, string key) => parent is null ? null : Seq(parent[key], $"'{key}'");

        /// <summary>The mappings of a sequence; items of another shape are reported and skipped.</summary>
        public IEnumerable<YamlMapping> Maps(YamlMapping? parent, string key)
        {
            var seq = Seq(parent, key);
            if (seq is null)
            {
                yield break;
            }

            foreach (var item in seq.Items)
            {
                var map = Map(item, $"an item of '{key}'");
                if (map != null)
                {
                    yield return map;
                }
            }
        }

        public Located<string>? Str(YamlMapping? map, string key)
        {
            var node = map?[key];
            return node is null ? null : Str(node, $"'{key}'");
        }

        public Located<string>? Str(YamlNode node, string what)
        {
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
            var value = Str(map, key);
            if (value is null && map[key] is null or YamlScalar { IsNull: true })
            {
                _findings.Add(new Finding(
                    RuleCatalog.WrongType.Id,
                    null,
                    RuleCatalog.WrongType.DefaultSeverity,
                    map.Entries.Count > 0 ? map.Entries[0].Key.Span : map.Span,
                    $"{what} has no '{key}'; it is left out of the checks until it has one."));
            }

            return value;
        }

        public Located<int>? Int(YamlMapping? map, string key)
        {
            var node = map?[key];
            if (node is null || node is YamlScalar { IsNull: true })
            {
                return null;
            }

            if (node is YamlScalar scalar && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return new Located<int>(value, scalar.Span);
            }

            WrongType(node, $"'{key}'", "an integer");
            return null;
        }

        public Located<bool>? Bool(YamlMapping? map, string key)
        {
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

        /// <summary>A list of scalars; a lone scalar where the list is expected is an error.</summary>
        public EquatableArray<Located<string>> StrList(YamlMapping? map, string key)
        {
            var seq = Seq(map, key);
            if (seq is null)
            {
                return EquatableArray<Located<string>>.Empty;
            }

            var what = $"an item of '{key}'";
            return seq.Items.Select(item => Str(item, what)).Where(v => v.HasValue).Select(v => v!.Value).ToEquatableArray();
        }

        /// <summary>A list of integers (VM ids).</summary>
        public EquatableArray<Located<int>> IntList(YamlMapping? map, string key)
        {
            var seq = Seq(map, key);
            if (seq is null)
            {
                return EquatableArray<Located<int>>.Empty;
            }

            var result = new List<Located<int>>();
            foreach (var item in seq.Items)
            {
                if (item is YamlScalar scalar && !scalar.IsNull && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    result.Add(new Located<int>(value, scalar.Span));
                }
                else
                {
                    WrongType(item, $"an item of '{key}'", "an integer");
                }
            }

            return result.ToEquatableArray();
        }

        /// <summary>A string that must match <paramref name="pattern"/>; one that does not is reported and reads as absent.</summary>
        public Located<string>? Matching(YamlMapping? map, string key, System.Text.RegularExpressions.Regex pattern, string expected)
        {
            var value = Str(map, key);
            if (value is { } v && !pattern.IsMatch(v.Value))
            {
                _findings.Add(new Finding(
                    RuleCatalog.WrongType.Id,
                    null,
                    RuleCatalog.WrongType.DefaultSeverity,
                    v.Span,
                    $"Expected {expected} for '{key}', found '{v.Value}'."));
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

        private void WrongType(YamlNode node, string what, string expected)
        {
            _findings.Add(new Finding(
                RuleCatalog.WrongType.Id,
                null,
                RuleCatalog.WrongType.DefaultSeverity,
                node.Span,
                $"Expected {expected} for {what}, found a {node.Kind}."));
        }
    }
}
