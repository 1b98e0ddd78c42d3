using System.Collections.Generic;

namespace Spine.Model.Yaml
{
    /// <summary>
    /// A minimal YAML node tree of our own (so that no YamlDotNet type leaks out of the model),
    /// built from parser events with the span of every node.
    /// </summary>
    public abstract class YamlNode
    {
        protected YamlNode(SourceSpan span) => Span = span;

        public SourceSpan Span { get; }

        /// <summary>The word used in "expected a mapping, found a sequence" messages.</summary>
        public abstract string Kind { get; }

        /// <summary>The node as a message shows it: <c>the scalar 'abc'</c>, <c>the mapping {a: b}</c>, <c>the sequence [x, y]</c>.</summary>
        public string Describe() => this is YamlScalar { IsNull: true } ? "null" : $"the {Kind} {Preview(this, 60)}";

        /// <summary>A one-line rendering of the node, cut at about <paramref name="limit"/> characters.</summary>
        public static string Preview(YamlNode node, int limit)
        {
            var text = new System.Text.StringBuilder();
            Render(node, text, limit);
            return text.Length > limit ? text.ToString(0, limit) + "…" : text.ToString();
        }

        private static void Render(YamlNode node, System.Text.StringBuilder text, int limit)
        {
            if (text.Length > limit)
            {
                return;
            }

            switch (node)
            {
                case YamlScalar scalar:
                    text.Append(text.Length == 0 ? "'" + scalar.Value + "'" : scalar.Value);
                    break;
                case YamlSequence seq:
                    text.Append('[');
                    for (var i = 0; i < seq.Items.Count && text.Length <= limit; i++)
                    {
                        text.Append(i == 0 ? string.Empty : ", ");
                        Render(seq.Items[i], text, limit);
                    }

                    text.Append(']');
                    break;
                case YamlMapping map:
                    text.Append('{');
                    for (var i = 0; i < map.Entries.Count && text.Length <= limit; i++)
                    {
                        text.Append(i == 0 ? string.Empty : ", ").Append(map.Entries[i].Key.Value).Append(": ");
                        Render(map.Entries[i].Value, text, limit);
                    }

                    text.Append('}');
                    break;
            }
        }
    }

    public sealed class YamlScalar : YamlNode
    {
        public YamlScalar(SourceSpan span, string value, bool isPlain)
            : base(span)
        {
            Value = value;
            IsPlain = isPlain;
        }

        public string Value { get; }

        /// <summary>Plain (unquoted) scalars may be null, booleans or numbers; quoted ones are strings.</summary>
        public bool IsPlain { get; }

        /// <summary>YAML 1.2 core-schema null: empty, <c>~</c> or <c>null</c> when plain.</summary>
        public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public override string Kind => IsNull ? "null" : "scalar";
    }

    public sealed class YamlSequence : YamlNode
    {
        public YamlSequence(SourceSpan span, IReadOnlyList<YamlNode> items)
            : base(span) => Items = items;

        public IReadOnlyList<YamlNode> Items { get; }

        public override string Kind => "sequence";
    }

    public sealed class YamlEntry
    {
        public YamlEntry(YamlScalar key, YamlNode value)
        {
            Key = key;
            Value = value;
        }

        public YamlScalar Key { get; }

        public YamlNode Value { get; }
    }

    public sealed class YamlMapping : YamlNode
    {
        private readonly Dictionary<string, YamlEntry> _byKey;

        public YamlMapping(SourceSpan span, IReadOnlyList<YamlEntry> entries)
            : base(span)
        {
            Entries = entries;
            _byKey = new Dictionary<string, YamlEntry>(entries.Count, System.StringComparer.Ordinal);
            var unique = new List<YamlEntry>(entries.Count);
            foreach (var entry in entries)
            {
                // A duplicate key was already reported by the parser (SPINE002); the first occurrence wins,
                // so that every binding sees each key once and generated code never repeats a name.
                if (!_byKey.ContainsKey(entry.Key.Value))
                {
                    _byKey.Add(entry.Key.Value, entry);
                    unique.Add(entry);
                }
            }

            UniqueEntries = unique;
        }

        /// <summary>Every entry as written, duplicates included (what a text fix edits).</summary>
        public IReadOnlyList<YamlEntry> Entries { get; }

        /// <summary>The entries a binding reads: the first occurrence of each key, in order.</summary>
        public IReadOnlyList<YamlEntry> UniqueEntries { get; }

        public override string Kind => "mapping";

        public YamlEntry? Entry(string key) => _byKey.TryGetValue(key, out var entry) ? entry : null;

        public YamlNode? this[string key] => Entry(key)?.Value;
    }

    /// <summary>One parsed file: its root node (null when empty or unparsable) and whether it parsed.</summary>
    public sealed class YamlDocument
    {
        public YamlDocument(string path, YamlNode? root, bool syntaxError)
        {
            Path = path;
            Root = root;
            HasSyntaxError = syntaxError;
        }

        /// <summary>Path relative to the spine root, '/'-separated.</summary>
        public string Path { get; }

        public YamlNode? Root { get; }

        public bool HasSyntaxError { get; }
    }
}
