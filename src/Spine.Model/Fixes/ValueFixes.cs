using System.Collections.Generic;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>A scalar value replaced in place, keeping how it was quoted: an expected value, a count, a "did you mean".</summary>
    internal static class ValueFixes
    {
        public static IEnumerable<SpineFix> Replace(Finding finding, string value, FixContext context, string title, string key)
        {
            var text = context.Text(finding.Span.File);
            var node = Find(context.Document(finding.Span.File)?.Root, finding.Span.Start);
            if (text is null || node is not YamlScalar scalar || scalar.Value == value || scalar.Span.End > text.Length)
            {
                yield break;
            }

            var original = text.Substring(scalar.Span.Start, scalar.Span.End - scalar.Span.Start);
            yield return new SpineFix(title, key, finding, new[] { new TextChange(finding.Span.File, scalar.Span.Start, original.Length, YamlText.LikeWritten(original, value)) });
        }

        /// <summary>The scalar that starts at <paramref name="start"/> (a value or a key).</summary>
        private static YamlNode? Find(YamlNode? node, int start)
        {
            switch (node)
            {
                case YamlScalar scalar when scalar.Span.Start == start:
                    return scalar;
                case YamlMapping map:
                    foreach (var entry in map.Entries)
                    {
                        if (entry.Key.Span.Start == start)
                        {
                            return entry.Key;
                        }

                        if (entry.Value.Span.Start <= start && start <= entry.Value.Span.End && Find(entry.Value, start) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item.Span.Start <= start && start <= item.Span.End && Find(item, start) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
    }
}
