using System;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>Where things are in a YAML file's text: line starts and ends, an entry's lines, the indentation in use.</summary>
    internal static class YamlText
    {
        public static int LineStart(string text, int index) => index <= 0 ? 0 : text.LastIndexOf('\n', Math.Min(index, text.Length) - 1) + 1;

        /// <summary>The index just after the line that holds <paramref name="index"/> (after its newline, or the end of the text).</summary>
        public static int AfterLine(string text, int index)
        {
            var newline = text.IndexOf('\n', Math.Min(Math.Max(index, 0), text.Length));
            return newline < 0 ? text.Length : newline + 1;
        }

        /// <summary>The whole lines of a mapping entry, from its key's line to the line where its value ends.</summary>
        public static (int Start, int End) Lines(string text, YamlEntry entry)
        {
            var last = Math.Max(entry.Key.Span.End, entry.Value.Span.End);
            // A block scalar's span ends at the start of the next line: that line is not the entry's.
            if (last > 0 && last <= text.Length && text[last - 1] == '\n')
            {
                last--;
            }

            return (LineStart(text, entry.Key.Span.Start), AfterLine(text, Math.Max(entry.Key.Span.Start, last - 1)));
        }

        /// <summary>The whole lines of a sequence item, from its dash to its end.</summary>
        public static (int Start, int End) Lines(string text, YamlNode item)
        {
            var last = item.Span.End;
            if (last > 0 && last <= text.Length && text[last - 1] == '\n')
            {
                last--;
            }

            return (LineStart(text, item.Span.Start), AfterLine(text, Math.Max(item.Span.Start, last - 1)));
        }

        public static string Indent(int column) => new string(' ', Math.Max(0, column - 1));

        /// <summary>The leading whitespace of the line holding <paramref name="index"/>.</summary>
        public static string LeadingWhitespace(string text, int index)
        {
            var start = LineStart(text, index);
            var end = start;
            while (end < text.Length && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            return text.Substring(start, end - start);
        }

        /// <summary>Text to insert at <paramref name="at"/> as whole lines (a newline first when the file ends mid-line).</summary>
        public static string AsLines(string text, int at, string lines) => at > 0 && at == text.Length && text[at - 1] != '\n' ? "\n" + lines : lines;

        public static YamlMapping? Mapping(YamlNode? node, string key) =>
            node is YamlMapping map ? map.UniqueEntries.FirstOrDefault(e => e.Key.Value == key)?.Value as YamlMapping : null;

        public static YamlEntry? Entry(YamlNode? node, string key) =>
            node is YamlMapping map ? map.UniqueEntries.FirstOrDefault(e => e.Key.Value == key) : null;

        /// <summary>A scalar as it was written (keeping its quotes) replaced by <paramref name="value"/>.</summary>
        public static string LikeWritten(string original, string value) =>
            original.StartsWith("\"", StringComparison.Ordinal) ? "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
            : original.StartsWith("'", StringComparison.Ordinal) ? "'" + value.Replace("'", "''") + "'"
            : value;
    }
}
