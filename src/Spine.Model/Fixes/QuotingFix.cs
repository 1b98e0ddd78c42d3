using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>
    /// A plain scalar with ": " in it, which YAML reads as a one-entry mapping where text was expected: quote it, as
    /// written, on its line. One fix quotes every such item the finding names (its span and its related spans).
    /// </summary>
    internal static class QuotingFix
    {
        public static IEnumerable<SpineFix> For(Finding finding, FixContext context)
        {
            var file = finding.Span.File;
            var text = context.Text(file);
            var root = context.Document(file)?.Root;
            if (text is null || root is null || !finding.Message.Contains("if it is text, quote it"))
            {
                yield break;
            }

            var changes = new[] { finding.Span }.Concat(finding.Related)
                .Select(span => Find(root, span))
                .Where(node => node is YamlMapping { Entries.Count: 1 } map && map.Entries[0].Key.IsPlain && map.Entries[0].Value is YamlScalar { IsPlain: true, IsNull: false } && map.Span.Line == map.Span.EndLine)
                .Select(node =>
                {
                    var written = text.Substring(node!.Span.Start, node.Span.End - node.Span.Start).TrimEnd();
                    return new TextChange(file, node.Span.Start, written.Length, "\"" + written.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");
                })
                .ToList();
            if (changes.Count > 0)
            {
                yield return new SpineFix(changes.Count == 1 ? "Quote the text" : $"Quote the {changes.Count} texts", finding.RuleId + ".Quote", finding, changes);
            }
        }

        private static YamlNode? Find(YamlNode node, SourceSpan span)
        {
            if (node.Span.Start == span.Start && node.Span.End == span.End)
            {
                return node;
            }

            var children = node switch
            {
                YamlMapping map => map.Entries.SelectMany(e => new[] { e.Key, e.Value }),
                YamlSequence seq => seq.Items,
                _ => Enumerable.Empty<YamlNode>(),
            };
            return children.Where(c => c.Span.Start <= span.Start && span.Start <= c.Span.End).Select(c => Find(c, span)).FirstOrDefault(n => n != null);
        }
    }
}
