using System.Linq;

namespace Spine.Generators
{
    /// <summary>
    /// Capabilities.g.cs: <c>SpineCapability</c>, one member per capability of ops/capabilities.yaml, and an enum
    /// per vocabulary that capabilities.yaml's <c>schema.enums</c> declares (the string stays, for values outside it).
    /// </summary>
    internal static class CapabilitiesEmitter
    {
        /// <summary>The constructor's parameters, as the table holds them.</summary>
        private static readonly TableEmitter.Field[] Fields =
        {
            TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.Text,
            TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.List,
        };

        public static string Emit(CapabilitiesSpec spec, EmitOptions options)
        {
            var w = new CodeWriter("ops/capabilities.yaml", options);
            foreach (var e in spec.Enums)
            {
                EnumEmitter.Emit(w, e, $"The values schema.enums.{e.Field} declares for a capability's '{e.Field}'; Unknown for any other.");
            }

            w.Doc("A governed action of ops/capabilities.yaml.");
            w.Type("sealed class SpineCapability");
            w.Line("public SpineCapability(string name, string? description, string? safety, string? approval, string? plane, string? domain, string? command, string? lifecycle, string[] requiresNames)");
            w.Open();
            w.Line("Name = name; Description = description; Safety = safety; Approval = approval; Plane = plane; Domain = domain; Command = command; Lifecycle = lifecycle; RequiresNames = requiresNames;");
            w.Close();
            w.Line("public string Name { get; }");
            w.Line("public string? Description { get; }");
            w.Doc("read-only | mutating | destructive");
            w.Line("public string? Safety { get; }");
            w.Doc("auto, or anything else (manual, operator): then the operator must approve.");
            w.Line("public string? Approval { get; }");
            w.Line("public string? Plane { get; }");
            w.Line("public string? Domain { get; }");
            w.Line("public string? Command { get; }");
            w.Line("public string? Lifecycle { get; }");
            foreach (var e in spec.Enums)
            {
                var property = CodeWriter.Pascal(e.Field);
                w.Doc($"{property} as {e.TypeName} (Unknown when the value is absent or outside schema.enums.{e.Field}).");
                w.Line($"public {e.TypeName} {property}Kind => {EnumEmitter.Parse(e, property)};");
            }

            w.Line("public global::System.Collections.Generic.IReadOnlyList<string> RequiresNames { get; }");
            w.Doc("The required capabilities, resolved to entries (a name that names none is left out; SPINE401 reports it).");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<SpineCapability> Requires => global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.OfType<SpineCapability>(global::System.Linq.Enumerable.Select(RequiresNames, SpineCapabilities.Find)));");
            w.Line("public bool NeedsApproval => Approval != \"auto\";");
            w.Line("public bool IsReadOnly => Safety == \"read-only\";");
            w.Line("public override string ToString() => Name;");
            w.Close();
            w.Line();
            w.Doc("The capabilities of ops/capabilities.yaml, one member each (identifier rule: see Spine.Model.Naming.Identifiers).");
            w.Type("static partial class SpineCapabilities");
            TableEmitter.Emit(w, "SpineCapability", Fields, spec.Capabilities.Select(c => (c.Identifier, c.Description, string.Concat(
                TableEmitter.Text(c.Name), TableEmitter.Text(c.Description), TableEmitter.Text(c.Safety), TableEmitter.Text(c.Approval), TableEmitter.Text(c.Plane),
                TableEmitter.Text(c.Domain), TableEmitter.Text(c.Command), TableEmitter.Text(c.Lifecycle), TableEmitter.List(c.Requires)))).ToList());
            w.Line();
            LookupEmitter.Emit(w, "SpineCapability", "Name", "name");
            w.Close();
            return w.ToString();
        }
    }

    /// <summary>Enums generated from a vocabulary of the data, and the switch that maps a string onto one.</summary>
    internal static class EnumEmitter
    {
        public static void Emit(CodeWriter w, EnumSpec e, string doc)
        {
            w.Doc(doc);
            w.Type($"enum {e.TypeName}");
            w.Doc("Absent, or a value the vocabulary does not declare.");
            w.Line("Unknown,");
            for (var i = 0; i < e.Values.Count; i++)
            {
                w.Doc(e.Values[i]);
                w.Line(e.Members[i] + ",");
            }

            w.Close();
            w.Line();
        }

        /// <summary>A switch expression from the string in <paramref name="source"/> to the enum (Unknown for anything else).</summary>
        public static string Parse(EnumSpec e, string source)
        {
            var cases = string.Join(" ", e.Values.Select((v, i) => $"{CodeWriter.Str(v)} => {e.TypeName}.{e.Members[i]},"));
            return $"{source} switch {{ {cases} _ => {e.TypeName}.Unknown }}";
        }
    }
}
