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
            foreach (var entry in entries)
            {
                // A duplicate key was already reported by the parser; the first occurrence wins, as in yq.
                if (!_byKey.ContainsKey(entry.Key.Value))
                {
                    _byKey.Add(entry.Key.Value, entry);
                }
            }
        }

        public IReadOnlyList<YamlEntry> Entries { get; }

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
