using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Spine.Model.Yaml
{
    /// <summary>
    /// Parses YAML text into <see cref="YamlNode"/>s from YamlDotNet's parser events, keeping every
    /// node's span. It never throws: a syntax error and duplicate keys become findings.
    /// Only the first document of a stream is kept (spine bindings are single-document).
    /// </summary>
    public static class YamlParser
    {
        public static YamlDocument Parse(string path, string text, ICollection<Finding> findings)
        {
            var parser = new Parser(new StringReader(text));
            var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            try
            {
                parser.Consume<StreamStart>();
                if (parser.TryConsume<StreamEnd>(out _))
                {
                    return new YamlDocument(path, null, syntaxError: false);
                }

                parser.Consume<DocumentStart>();
                var root = ReadNode(parser, path, anchors, findings);
                parser.Consume<DocumentEnd>();

                // Parse the rest so that a syntax error in a later document is still reported.
                while (parser.MoveNext())
                {
                }

                return new YamlDocument(path, root, syntaxError: false);
            }
            catch (YamlException ex)
            {
                findings.Add(RuleCatalog.YamlSyntax.At(SpanOf(path, ex.Start, ex.End), "YAML syntax error: " + ex.Message));
                return new YamlDocument(path, null, syntaxError: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
            {
                // YamlDotNet's scanner can fail outside YamlException on some malformed input; it is
                // still a syntax error of this file, located where the parser last stood.
                var at = parser.Current?.End ?? Mark.Empty;
                findings.Add(RuleCatalog.YamlSyntax.At(SpanOf(path, at, at), $"YAML syntax error: the YAML parser gave up here ({ex.GetType().Name}: {ex.Message})"));
                return new YamlDocument(path, null, syntaxError: true);
            }
        }

        /// <summary>
        /// What <see cref="Parse"/> would find (syntax errors, duplicate keys, the same spans and messages), without
        /// building the tree: for the files no binding reads, most of a real spine's bytes. Returns whether it parsed.
        /// </summary>
        public static bool Validate(string path, string text, ICollection<Finding> findings)
        {
            var parser = new Parser(new StringReader(text));
            var frames = new Stack<Frame>();
            var anchors = new Dictionary<string, Resolved>(StringComparer.Ordinal);
            var documents = 0;
            try
            {
                // Parse handles an event once the parser has moved past it (Consume reads the next one), so a syntax
                // error just after an event comes before that event's own check: handle each event one step late.
                ParsingEvent? previous = null;
                void Handle(ParsingEvent current)
                {
                    if (current is DocumentStart)
                    {
                        documents++;
                        return;
                    }

                    if (documents != 1 || current is StreamStart || current is StreamEnd || current is DocumentEnd || current is Comment)
                    {
                        return;
                    }

                    Resolved done;
                    if (current is MappingEnd || current is SequenceEnd)
                    {
                        var frame = frames.Pop();
                        done = new Resolved(frame.IsMapping ? "mapping" : "sequence", null, Join(frame.Start, frame.LastChild ?? frame.Start));
                        if (frame.Anchor != null)
                        {
                            anchors[frame.Anchor] = done;
                        }
                    }
                    else if (current is MappingStart || current is SequenceStart)
                    {
                        var node = (NodeEvent)current;
                        frames.Push(new Frame(current is MappingStart, node.Anchor.IsEmpty ? null : node.Anchor.Value, SpanOf(path, current.Start, current.End)));
                        return;
                    }
                    else if (current is AnchorAlias alias)
                    {
                        if (!anchors.TryGetValue(alias.Value.Value, out done))
                        {
                            throw new YamlException(alias.Start, alias.End, $"Alias '*{alias.Value.Value}' refers to no anchor.");
                        }
                    }
                    else if (current is Scalar scalar)
                    {
                        done = new Resolved("scalar", scalar.Value, SpanOf(path, scalar.Start, scalar.End));
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = done;
                        }
                    }
                    else
                    {
                        return;
                    }

                    // A node is complete: in a mapping it was a key or a value, in turn.
                    if (frames.Count > 0)
                    {
                        var parent = frames.Peek();
                        parent.LastChild = done.Span;
                        if (parent.IsMapping)
                        {
                            // As Parse does, a key counts once its value is read (a syntax error inside the value comes first).
                            if (parent.PendingKey is { } key)
                            {
                                Key(parent, key.Name, key.Span, findings);
                                parent.PendingKey = null;
                            }
                            else
                            {
                                parent.PendingKey = (done.Value ?? "<" + done.Kind + " key>", done.Span);
                            }
                        }
                    }
                }

                while (parser.MoveNext())
                {
                    if (previous != null)
                    {
                        Handle(previous);
                    }

                    previous = parser.Current;
                }

                if (previous != null)
                {
                    Handle(previous);
                }

                return true;
            }
            catch (YamlException ex)
            {
                findings.Add(RuleCatalog.YamlSyntax.At(SpanOf(path, ex.Start, ex.End), "YAML syntax error: " + ex.Message));
                return false;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
            {
                var at = parser.Current?.End ?? Mark.Empty;
                findings.Add(RuleCatalog.YamlSyntax.At(SpanOf(path, at, at), $"YAML syntax error: the YAML parser gave up here ({ex.GetType().Name}: {ex.Message})"));
                return false;
            }
        }

        private static void Key(Frame mapping, string key, SourceSpan span, ICollection<Finding> findings)
        {
            if (mapping.Keys.TryGetValue(key, out var first))
            {
                findings.Add(DuplicateKey(key, span, first));
            }
            else
            {
                mapping.Keys.Add(key, span);
            }
        }

        private static Finding DuplicateKey(string key, SourceSpan span, SourceSpan first) =>
            new Finding(
                RuleCatalog.DuplicateKey.Id,
                null,
                RuleCatalog.DuplicateKey.DefaultSeverity,
                span,
                $"Duplicate key '{key}' (first defined at line {first.Line}); YAML readers disagree on which value wins.",
                new EquatableArray<SourceSpan>(new[] { first }));

        /// <summary>A completed node while validating: its kind, its value when a scalar, its span.</summary>
        private readonly struct Resolved
        {
            public Resolved(string kind, string? value, SourceSpan span)
            {
                Kind = kind;
                Value = value;
                Span = span;
            }

            public string Kind { get; }

            public string? Value { get; }

            public SourceSpan Span { get; }
        }

        /// <summary>An open collection while validating: where it started, its last child, a mapping's keys so far.</summary>
        private sealed class Frame
        {
            public Frame(bool isMapping, string? anchor, SourceSpan start)
            {
                IsMapping = isMapping;
                Anchor = anchor;
                Start = start;
            }

            public bool IsMapping { get; }

            public string? Anchor { get; }

            public SourceSpan Start { get; }

            public SourceSpan? LastChild { get; set; }

            public (string Name, SourceSpan Span)? PendingKey { get; set; }

            public Dictionary<string, SourceSpan> Keys { get; } = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        }

        private static YamlNode ReadNode(IParser parser, string path, Dictionary<string, YamlNode> anchors, ICollection<Finding> findings)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                throw new YamlException(alias.Start, alias.End, $"Alias '*{alias.Value.Value}' refers to no anchor.");
            }

            YamlNode node;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                node = new YamlScalar(SpanOf(path, scalar.Start, scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain);
                Remember(scalar, node, anchors);
                return node;
            }

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, path, anchors, findings));
                }

                var end = items.Count > 0 ? items[items.Count - 1].Span : SpanOf(path, sequenceStart.Start, sequenceStart.End);
                node = new YamlSequence(Join(SpanOf(path, sequenceStart.Start, sequenceStart.End), end), items);
                Remember(sequenceStart, node, anchors);
                return node;
            }

            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<YamlEntry>();
            var firstByKey = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, path, anchors, findings);
                var value = ReadNode(parser, path, anchors, findings);
                if (!(keyNode is YamlScalar key))
                {
                    // Complex keys have no place in a spine binding; keep the value under its text.
                    key = new YamlScalar(keyNode.Span, "<" + keyNode.Kind + " key>", isPlain: false);
                }

                if (firstByKey.TryGetValue(key.Value, out var first))
                {
                    findings.Add(DuplicateKey(key.Value, key.Span, first.Span));
                }
                else
                {
                    firstByKey.Add(key.Value, key);
                }

                entries.Add(new YamlEntry(key, value));
            }

            var last = entries.Count > 0 ? entries[entries.Count - 1].Value.Span : SpanOf(path, mappingStart.Start, mappingStart.End);
            node = new YamlMapping(Join(SpanOf(path, mappingStart.Start, mappingStart.End), last), entries);
            Remember(mappingStart, node, anchors);
            return node;
        }

        private static void Remember(NodeEvent nodeEvent, YamlNode node, Dictionary<string, YamlNode> anchors)
        {
            if (!nodeEvent.Anchor.IsEmpty)
            {
                anchors[nodeEvent.Anchor.Value] = node;
            }
        }

        private static SourceSpan Join(SourceSpan start, SourceSpan end) =>
            new SourceSpan(start.File, start.Start, Math.Max(start.End, end.End), start.Line, start.Column, end.EndLine, end.EndColumn);

        internal static SourceSpan SpanOf(string path, Mark start, Mark end) =>
            new SourceSpan(path, (int)start.Index, (int)Math.Max(start.Index, end.Index), (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);
    }
}
