using System;
using System.Collections.Generic;
using System.IO;
using Spine.Model.Yaml;

namespace Spine.Model.Loading
{
    /// <summary>
    /// The binary form of what parsing one file gave (<see cref="SyntaxCache"/> stores it): the parser's findings and,
    /// for a modelled file, its node tree with every span. Strings are written once per file and then by number (a
    /// registry repeats the same keys thousands of times); a node reached again through a YAML alias is written as a
    /// reference to its first writing, so the tree comes back with the same sharing and an alias bomb stays small.
    /// </summary>
    internal static class SyntaxCodec
    {
        private const byte NoTree = 0;
        private const byte Tree = 1;
        private const byte TreeWithSyntaxError = 2;

        private const byte ScalarPlain = 0;
        private const byte ScalarQuoted = 1;
        private const byte Sequence = 2;
        private const byte Mapping = 3;
        private const byte SeenBefore = 4;
        private const byte Empty = 5;

        public static byte[] Encode(IReadOnlyList<Finding> findings, YamlDocument? document)
        {
            using var buffer = new MemoryStream();
            var writer = new Writer(buffer);
            writer.Count(findings.Count);
            foreach (var f in findings)
            {
                writer.Text(f.RuleId);
                writer.Count((int)f.Severity);
                writer.Span(f.Span);
                writer.Text(f.Message);
                writer.Count(f.Related.Count);
                foreach (var related in f.Related)
                {
                    writer.Span(related);
                }
            }

            if (document is null)
            {
                writer.Byte(NoTree);
            }
            else
            {
                writer.Byte(document.HasSyntaxError ? TreeWithSyntaxError : Tree);
                writer.Node(document.Root);
            }

            return buffer.ToArray();
        }

        /// <summary>The findings and document of <paramref name="payload"/>; throws <see cref="FormatException"/> on anything it did not write.</summary>
        public static (IReadOnlyList<Finding> Findings, YamlDocument? Document) Decode(string path, byte[] payload, int offset, int length)
        {
            var reader = new Reader(path, payload, offset, length);
            var findings = new Finding[reader.Items()];
            for (var i = 0; i < findings.Length; i++)
            {
                var ruleId = reader.Text();
                var severity = reader.Count() is var level && level <= (int)Severity.Error ? (Severity)level : throw new FormatException("unknown severity");
                var span = reader.Span();
                var message = reader.Text();
                var related = new SourceSpan[reader.Items()];
                for (var r = 0; r < related.Length; r++)
                {
                    related[r] = reader.Span();
                }

                findings[i] = new Finding(ruleId, null, severity, span, message, new EquatableArray<SourceSpan>(related));
            }

            var kind = reader.Byte();
            YamlDocument? document = kind switch
            {
                NoTree => null,
                Tree => new YamlDocument(path, reader.Node(), syntaxError: false),
                TreeWithSyntaxError => new YamlDocument(path, reader.Node(), syntaxError: true),
                _ => throw new FormatException("unknown document kind"),
            };
            reader.End();
            return (findings, document);
        }

        private sealed class Writer
        {
            private readonly Stream _out;
            private readonly Dictionary<string, int> _strings = new Dictionary<string, int>(StringComparer.Ordinal);
            private readonly Dictionary<YamlNode, int> _nodes = new Dictionary<YamlNode, int>(SameNode.Instance);

            public Writer(Stream output) => _out = output;

            public void Byte(byte value) => _out.WriteByte(value);

            public void Count(int value) => Unsigned(value >= 0 ? (uint)value : throw new ArgumentOutOfRangeException(nameof(value), "a count is never negative"));

            private void Unsigned(uint v)
            {
                while (v >= 0x80)
                {
                    _out.WriteByte((byte)(v | 0x80));
                    v >>= 7;
                }

                _out.WriteByte((byte)v);
            }

            /// <summary>A string: its number when written before, else 0 and the string itself.</summary>
            public void Text(string value)
            {
                if (_strings.TryGetValue(value, out var number))
                {
                    Count(number);
                    return;
                }

                _strings.Add(value, _strings.Count + 1);
                Count(0);
                var bytes = System.Text.Encoding.UTF8.GetBytes(value);
                Count(bytes.Length);
                _out.Write(bytes, 0, bytes.Length);
            }

            /// <summary>Any int, small ones in few bytes (zigzag: 0, -1, 1, -2, … as 0, 1, 2, 3, …).</summary>
            public void Signed(int value) => Unsigned(unchecked((uint)((value << 1) ^ (value >> 31))));

            /// <summary>
            /// A span: its path, its end as distances from its start (signed: a collection ending in an alias ends
            /// where the anchored node does, which may be earlier in the file).
            /// </summary>
            public void Span(SourceSpan span)
            {
                Text(span.File);
                Signed(span.Start);
                Signed(span.End - span.Start);
                Signed(span.Line);
                Signed(span.Column);
                Signed(span.EndLine - span.Line);
                Signed(span.EndColumn);
            }

            public void Node(YamlNode? node)
            {
                if (node is null)
                {
                    Byte(Empty);
                    return;
                }

                if (_nodes.TryGetValue(node, out var seen))
                {
                    Byte(SeenBefore);
                    Count(seen);
                    return;
                }

                switch (node)
                {
                    case YamlScalar scalar:
                        Byte(scalar.IsPlain ? ScalarPlain : ScalarQuoted);
                        Span(scalar.Span);
                        Text(scalar.Value);
                        break;
                    case YamlSequence sequence:
                        Byte(Sequence);
                        Span(sequence.Span);
                        Count(sequence.Items.Count);
                        foreach (var item in sequence.Items)
                        {
                            Node(item);
                        }

                        break;
                    case YamlMapping mapping:
                        Byte(Mapping);
                        Span(mapping.Span);
                        Count(mapping.Entries.Count);
                        foreach (var entry in mapping.Entries)
                        {
                            Node(entry.Key);
                            Node(entry.Value);
                        }

                        break;
                    default:
                        throw new ArgumentException("unknown node type " + node.GetType().Name);
                }

                // Numbered once complete, as the parser makes an anchor known only after its node: a reader numbers the same way.
                _nodes.Add(node, _nodes.Count);
            }
        }

        /// <summary>Nodes by identity: an alias is the same node object, two equal scalars are not.</summary>
        private sealed class SameNode : IEqualityComparer<YamlNode>
        {
            public static readonly SameNode Instance = new SameNode();

            public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

            public int GetHashCode(YamlNode node) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(node);
        }

        private sealed class Reader
        {
            private readonly string _path;
            private readonly byte[] _in;
            private readonly int _end;
            private readonly List<string> _strings = new List<string>();
            private readonly List<YamlNode> _nodes = new List<YamlNode>();
            private int _at;

            public Reader(string path, byte[] input, int offset, int length)
            {
                _path = path;
                _in = input;
                _at = offset;
                _end = offset + length;
            }

            public byte Byte()
            {
                if (_at >= _end)
                {
                    throw new FormatException("payload ends early");
                }

                return _in[_at++];
            }

            public int Count()
            {
                var value = Unsigned();
                return value <= int.MaxValue ? (int)value : throw new FormatException("count out of range");
            }

            public int Signed()
            {
                var value = Unsigned();
                return unchecked((int)(value >> 1) ^ -(int)(value & 1));
            }

            private uint Unsigned()
            {
                uint value = 0;
                for (var shift = 0; shift < 35; shift += 7)
                {
                    var b = Byte();
                    value |= (uint)(b & 0x7F) << shift;
                    if (b < 0x80)
                    {
                        return value;
                    }
                }

                throw new FormatException("number too long");
            }

            /// <summary>A number of items to follow, each at least one byte: never more than the bytes left (a damaged count cannot ask for gigabytes).</summary>
            public int Items()
            {
                var count = Count();
                return count <= _end - _at ? count : throw new FormatException("more items than bytes left");
            }

            public string Text()
            {
                var number = Count();
                if (number > 0)
                {
                    return number <= _strings.Count ? _strings[number - 1] : throw new FormatException("unknown string number");
                }

                var length = Count();
                if (length > _end - _at)
                {
                    throw new FormatException("string runs past the payload");
                }

                var value = System.Text.Encoding.UTF8.GetString(_in, _at, length);
                _at += length;
                _strings.Add(value);
                return value;
            }

            public SourceSpan Span()
            {
                var file = Text();
                var start = Signed();
                var end = unchecked(start + Signed());
                var line = Signed();
                var column = Signed();
                var endLine = unchecked(line + Signed());
                var endColumn = Signed();

                // Spans name the entry's own file; any other path is not ours.
                return file == _path || file.Length == 0
                    ? new SourceSpan(file, start, end, line, column, endLine, endColumn)
                    : throw new FormatException("span of another file");
            }

            public YamlNode? Node()
            {
                var kind = Byte();
                YamlNode node;
                switch (kind)
                {
                    case Empty:
                        return null;
                    case SeenBefore:
                        var seen = Count();
                        return seen < _nodes.Count ? _nodes[seen] : throw new FormatException("unknown node number");
                    case ScalarPlain:
                    case ScalarQuoted:
                        var span = Span();
                        node = new YamlScalar(span, Text(), kind == ScalarPlain);
                        break;
                    case Sequence:
                        var sequenceSpan = Span();
                        var items = new YamlNode[Items()];
                        for (var i = 0; i < items.Length; i++)
                        {
                            items[i] = Node() ?? throw new FormatException("empty item");
                        }

                        node = new YamlSequence(sequenceSpan, items);
                        break;
                    case Mapping:
                        var mappingSpan = Span();
                        var entries = new YamlEntry[Items()];
                        for (var i = 0; i < entries.Length; i++)
                        {
                            var key = Node() as YamlScalar ?? throw new FormatException("a key that is not a scalar");
                            entries[i] = new YamlEntry(key, Node() ?? throw new FormatException("empty value"));
                        }

                        node = new YamlMapping(mappingSpan, entries);
                        break;
                    default:
                        throw new FormatException("unknown node kind");
                }

                _nodes.Add(node);
                return node;
            }

            public void End()
            {
                if (_at != _end)
                {
                    throw new FormatException("payload longer than its contents");
                }
            }
        }
    }
}
