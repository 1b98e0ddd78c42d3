namespace Spine.Generators
{
    /// <summary>
    /// <c>Find(key)</c> over a generated <c>All</c> list: a dictionary built on first use, not a switch. A string switch
    /// over every key costs the compiler more than the rest of the generated code together (docs/benchmarks.md), and
    /// every C#-only edit pays it again. The first of two equal keys wins, as the generated members do.
    /// </summary>
    internal static class LookupEmitter
    {
        public static void Emit(CodeWriter w, string type, string keyProperty, string parameter)
        {
            var field = "_by" + keyProperty;
            var local = "by" + keyProperty;
            w.Line($"private static global::System.Collections.Generic.Dictionary<string, {type}>? {field};");
            w.Doc($"The {type.Substring("Spine".Length).ToLowerInvariant()} of that {parameter}, or null.");
            w.Line($"public static {type}? Find(string {parameter})");
            w.Open();
            w.Line($"var {local} = {field};");
            w.Line($"if ({local} == null)");
            w.Open();
            w.Line($"{local} = new global::System.Collections.Generic.Dictionary<string, {type}>(All.Count, global::System.StringComparer.Ordinal);");
            w.Line("foreach (var entry in All)");
            w.Open();
            w.Line($"if (!{local}.ContainsKey(entry.{keyProperty})) {local}.Add(entry.{keyProperty}, entry);");
            w.Close();
            w.Line($"{field} = {local};");
            w.Close();
            w.Line($"return {parameter} != null && {local}.TryGetValue({parameter}, out var found) ? found : null;");
            w.Close();
        }
    }
}
