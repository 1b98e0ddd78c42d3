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
                    findings.Add(new Finding(
                        RuleCatalog.DuplicateKey.Id,
                        null,
                        RuleCatalog.DuplicateKey.DefaultSeverity,
                        key.Span,
                        $"Duplicate key '{key.Value}' (first defined at line {first.Span.Line}); YAML readers disagree on which value wins.",
                        new EquatableArray<SourceSpan>(new[] { first.Span })));
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
