using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>
    /// A duplicate key: when both values are written the same, the repeat is removed; when they differ, the choice is
    /// the user's — keep the first (what Spine reads) or keep the second (what PyYAML and yq read).
    /// </summary>
    internal static class DuplicateKeyFixes
    {
        public static IEnumerable<SpineFix> For(Finding finding, FixContext context)
        {
            var file = finding.Span.File;
            var text = context.Text(file);
            var mapping = Containing(context.Document(file)?.Root, finding.Span.Start);
            if (text is null || mapping is null)
            {
                yield break;
            }

            var second = mapping.Entries.First(e => e.Key.Span.Start == finding.Span.Start);
            var first = mapping.Entries.First(e => e.Key.Value == second.Key.Value);
            var firstLines = YamlText.Lines(text, first);
            var secondLines = YamlText.Lines(text, second);
            if (firstLines.End > secondLines.Start)
            {
                yield break;
            }

            TextChange Remove((int Start, int End) lines) => new TextChange(file, lines.Start, lines.End - lines.Start, string.Empty);
            if (Same(text, first.Value, second.Value))
            {
                yield return new SpineFix($"Remove the repeated '{second.Key.Value}' (same value)", finding.RuleId + ".RemoveRepeat", finding, new[] { Remove(secondLines) });
                yield break;
            }

            yield return new SpineFix($"Keep the first '{second.Key.Value}' (line {first.Key.Span.Line})", finding.RuleId + ".KeepFirst", finding, new[] { Remove(secondLines) });
            yield return new SpineFix($"Keep the second '{second.Key.Value}' (line {second.Key.Span.Line})", finding.RuleId + ".KeepSecond", finding, new[] { Remove(firstLines) });
        }

        private static bool Same(string text, YamlNode a, YamlNode b) =>
            string.Equals(Written(text, a), Written(text, b), StringComparison.Ordinal);

        /// <summary>The value as written, without its indentation (the same value may sit at another column).</summary>
        private static string Written(string text, YamlNode node) =>
            string.Join("\n", text.Substring(node.Span.Start, Math.Max(0, Math.Min(text.Length, node.Span.End) - node.Span.Start)).Split('\n').Select(l => l.Trim()));

        /// <summary>The mapping one of whose keys starts at <paramref name="start"/>.</summary>
        private static YamlMapping? Containing(YamlNode? node, int start)
        {
            switch (node)
            {
                case YamlMapping map:
                    if (map.Entries.Any(e => e.Key.Span.Start == start))
                    {
                        return map;
                    }

                    return map.Entries.Select(e => Containing(e.Value, start)).FirstOrDefault(m => m != null);
                case YamlSequence sequence:
                    return sequence.Items.Select(i => Containing(i, start)).FirstOrDefault(m => m != null);
                default:
                    return null;
            }
        }
    }
}
