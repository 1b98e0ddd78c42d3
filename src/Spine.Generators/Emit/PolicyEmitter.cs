using System.Linq;

namespace Spine.Generators
{
    /// <summary>
    /// Policy.g.cs: <c>SpineKnobs</c> with one typed property per knob of knob_schema (enums for string
    /// knobs with an enum), one instance per preset, and the tenant profile's preset and overrides.
    /// </summary>
    internal static class PolicyEmitter
    {
        public static string Emit(PolicySpec spec, EmitOptions options)
        {
            var w = new CodeWriter("ops/bindings/policy.presets.yaml and tenant.profile.yaml", options);
            foreach (var k in spec.Knobs.Where(k => k.Enum != null))
            {
                EnumEmitter.Emit(w, k.Enum!, $"The values of knob '{k.Name}' (knob_schema enum); Unknown for any other.");
            }

            w.Doc("Resolved policy knobs, typed by knob_schema.");
            w.Type("sealed partial class SpineKnobs");
            foreach (var k in spec.Knobs)
            {
                w.Doc(k.Description);
                w.Line($"public {TypeOf(k)} {k.Identifier} {{ get; private set; }}" + (TypeOf(k) == "string" ? " = string.Empty;" : string.Empty));
            }

            w.Line();
            w.Doc("The knob names of knob_schema, in declared order.");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> Names {{ get; }} = {CodeWriter.Strings(spec.Knobs.Select(k => k.Name))};");
            w.Line();
            w.Doc("Builds knobs from their text (as in YAML). A missing knob or a value of the wrong type throws FormatException naming it.");
            w.Line("public static SpineKnobs From(global::System.Collections.Generic.IReadOnlyDictionary<string, string> values)");
            w.Open();
            w.Line("var knobs = new SpineKnobs();");
            foreach (var k in spec.Knobs)
            {
                w.Line($"knobs.{k.Identifier} = {Parse(k)};");
            }

            w.Line("return knobs;");
            w.Close();
            w.Line();
            w.Line("private static string Get(global::System.Collections.Generic.IReadOnlyDictionary<string, string> values, string name) =>");
            w.Line("    values.TryGetValue(name, out var value) ? value : throw new global::System.FormatException($\"Knob '{name}' has no value.\");");
            w.Line();
            w.Line("private static T Fail<T>(string name, string value, string expected) => throw new global::System.FormatException($\"Knob '{name}' is '{value}', expected {expected}.\");");
            w.Close();
            w.Line();
            w.Type("static partial class SpinePolicy");
            foreach (var p in spec.Presets)
            {
                w.Doc(p.Description);
                w.List($"public static global::System.Collections.Generic.IReadOnlyDictionary<string, string> {p.Identifier} {{ get; }} = new global::System.Collections.Generic.Dictionary<string, string>", p.Values.Select(v => $"[{CodeWriter.Str(v.Name)}] = {CodeWriter.Str(v.Value)}"));
            }

            w.Line();
            w.Doc("The presets by name, each knob as its YAML text.");
            w.List("public static global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Collections.Generic.IReadOnlyDictionary<string, string>> All { get; } = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.IReadOnlyDictionary<string, string>>", spec.Presets.Select(p => $"[{CodeWriter.Str(p.Name)}] = {p.Identifier}"));
            w.Doc("tenant.profile.yaml: identity.tenant_id.");
            w.Line($"public static string? TenantId => {CodeWriter.Str(spec.TenantId)};");
            w.Doc("tenant.profile.yaml: policy.preset.");
            w.Line($"public static string? TenantPreset => {CodeWriter.Str(spec.TenantPreset)};");
            w.Doc("tenant.profile.yaml: policy.overrides, each as its YAML text.");
            w.List("public static global::System.Collections.Generic.IReadOnlyDictionary<string, string> TenantOverrides { get; } = new global::System.Collections.Generic.Dictionary<string, string>", spec.TenantOverrides.Select(v => $"[{CodeWriter.Str(v.Name)}] = {CodeWriter.Str(v.Value)}"));
            w.Close();
            return w.ToString();
        }

        private static string TypeOf(KnobSpec k) => k.Enum is { } e ? e.TypeName : k.Type switch
        {
            "integer" => "int",
            "boolean" => "bool",
            _ => "string",
        };

        private static string Parse(KnobSpec k)
        {
            var get = $"Get(values, {CodeWriter.Str(k.Name)})";
            if (k.Enum is { } e)
            {
                var cases = string.Join(" ", e.Values.Select((v, i) => $"{CodeWriter.Str(v)} => {e.TypeName}.{e.Members[i]},"));
                return $"{get} switch {{ {cases} var v => Fail<{e.TypeName}>({CodeWriter.Str(k.Name)}, v, {CodeWriter.Str("one of " + string.Join(", ", e.Values))}) }}";
            }

            return k.Type switch
            {
                "integer" => $"int.TryParse({get}, global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var {k.Identifier}Value) ? {k.Identifier}Value : Fail<int>({CodeWriter.Str(k.Name)}, {get}, \"an integer\")",
                "boolean" => $"{get} switch {{ \"true\" or \"True\" or \"TRUE\" => true, \"false\" or \"False\" or \"FALSE\" => false, var v => Fail<bool>({CodeWriter.Str(k.Name)}, v, \"true or false\") }}",
                _ => get,
            };
        }
    }
}
