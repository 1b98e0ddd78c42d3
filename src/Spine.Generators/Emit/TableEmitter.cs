using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Spine.Generators
{
    /// <summary>
    /// The entries of a generated list (capabilities, gates) as data: one string literal per entry, decoded once on
    /// first use, and each member a field <c>= Table.Entries[i]</c>. Hundreds of <c>new T(…)</c> initialisers cost the compiler on
    /// every build — every C#-only edit — several times what string literals do (docs/benchmarks.md), and a
    /// spine's registries only grow. Each field is written as <c>~</c> (null), <c>t</c>/<c>f</c> (a flag), or its
    /// length, <c>:</c> and its characters (a list: its count and <c>*</c>, then each item so), each followed by
    /// <c>|</c> for the reader's eye: the lengths, not the bars, delimit, so any text survives.
    /// </summary>
    internal static class TableEmitter
    {
        /// <summary>The field kinds a row's constructor takes, in order.</summary>
        public enum Field
        {
            Text,
            Flag,
            List,
        }

        public static string Text(string? value) =>
            value is null ? "~|" : value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value + "|";

        public static string Flag(bool value) => value ? "t|" : "f|";

        public static string List(IReadOnlyCollection<string> values)
        {
            var row = new StringBuilder().Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append("*|");
            foreach (var value in values)
            {
                row.Append(Text(value));
            }

            return row.ToString();
        }

        /// <summary>
        /// One <c>static readonly</c> field per entry (fields, not properties: a field costs the compiler no method
        /// body, and there are hundreds), <c>All</c>, and the nested class <c>Table</c> that holds the encoded rows
        /// (see <see cref="Text"/>) and reads each back into <c>new <paramref name="type"/>(…)</c> in the order of
        /// <paramref name="fields"/>. <c>Table</c> is the only name this adds to the class (GeneratedNames reserves it).
        /// </summary>
        public static void Emit(CodeWriter w, string type, IReadOnlyList<Field> fields, IReadOnlyList<(string Identifier, string? Doc, string Row)> entries)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                w.Doc(entries[i].Doc);
                w.Line($"public static readonly {type} {entries[i].Identifier} = Table.Entries[{i}];");
            }

            w.Line();
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{type}> All => Table.Entries;");
            w.Line();
            w.Doc("The entries as data, one string each in the order of the fields above (the format: Spine.Generators' TableEmitter).");
            w.Open("private static class Table");
            w.List("private static readonly string[] Rows = new string[]", entries.Select(e => CodeWriter.Str(e.Row)));
            w.Line($"public static readonly {type}[] Entries = Decode();");
            w.Line();
            w.Line($"private static {type}[] Decode()");
            w.Open();
            w.Line($"var entries = new {type}[Rows.Length];");
            w.Line("for (var i = 0; i < Rows.Length; i++)");
            w.Open();
            w.Line("var at = 0;");
            var arguments = fields.Select((f, i) => f switch
            {
                Field.Flag => "ReadFlag(Rows[i], ref at)",
                Field.List => "ReadList(Rows[i], ref at)",
                _ => i == 0 ? "ReadText(Rows[i], ref at)!" : "ReadText(Rows[i], ref at)",
            });
            w.Line($"entries[i] = new {type}({string.Join(", ", arguments)});");
            w.Close();
            w.Line("return entries;");
            w.Close();
            w.Line();
            w.Line("private static string? ReadText(string row, ref int at)");
            w.Open();
            w.Line("if (row[at] == '~') { at += 2; return null; }");
            w.Line("var colon = row.IndexOf(':', at);");
            w.Line("var length = int.Parse(row.Substring(at, colon - at), global::System.Globalization.CultureInfo.InvariantCulture);");
            w.Line("at = colon + 1 + length + 1;");
            w.Line("return row.Substring(colon + 1, length);");
            w.Close();
            w.Line();
            w.Line("private static bool ReadFlag(string row, ref int at) { at += 2; return row[at - 2] == 't'; }");
            w.Line();
            w.Line("private static string[] ReadList(string row, ref int at)");
            w.Open();
            w.Line("var star = row.IndexOf('*', at);");
            w.Line("var items = new string[int.Parse(row.Substring(at, star - at), global::System.Globalization.CultureInfo.InvariantCulture)];");
            w.Line("at = star + 2;");
            w.Line("for (var i = 0; i < items.Length; i++) items[i] = ReadText(row, ref at)!;");
            w.Line("return items;");
            w.Close();
            w.Close();
        }
    }
}
