using System.Linq;
namespace Spine.Generators
{
    /// <summary>Gates.g.cs: <c>SpineGate</c> with its registry metadata and topology assignment.</summary>
    internal static class GatesEmitter
    {
        public static string Emit(GatesSpec spec, EmitOptions options)
        {
            var w = new CodeWriter("ops/bindings/gate.registry.yaml and gate.execution.topology.yaml", options);
            w.Doc("A drift gate: registry metadata and its topology assignment.");
            w.Type("sealed class SpineGate");
            w.Line("public SpineGate(string id, string? name, string? category, string? description, string? severity, string? checkScript, bool inline, bool retired, string? enforcedBy, string? primaryDomain, string[] secondaryDomains)");
            w.Open();
            w.Line("Id = id; Name = name; Category = category; Description = description; Severity = severity; CheckScript = checkScript; Inline = inline; Retired = retired; EnforcedBy = enforcedBy; PrimaryDomain = primaryDomain; SecondaryDomains = secondaryDomains;");
            w.Close();
            w.Line("public string Id { get; }");
            w.Line("public string? Name { get; }");
            w.Line("public string? Category { get; }");
            w.Line("public string? Description { get; }");
            w.Line("public string? Severity { get; }");
            w.Line("public string? CheckScript { get; }");
            w.Line("public bool Inline { get; }");
            w.Line("public bool Retired { get; }");
            w.Doc("The SPINE rule that enforces this gate in the compiler (registry: enforced_by), if any.");
            w.Line("public string? EnforcedBy { get; }");
            w.Line("public string? PrimaryDomain { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<string> SecondaryDomains { get; }");
            w.Line("public override string ToString() => Id;");
            w.Close();
            w.Line();
            w.Type("static partial class SpineGates");
            foreach (var g in spec.Gates)
            {
                w.Doc(g.Description);
                w.Line($"public static SpineGate {g.Identifier} {{ get; }} = new SpineGate({CodeWriter.Str(g.Id)}, {CodeWriter.Str(g.Name)}, {CodeWriter.Str(g.Category)}, {CodeWriter.Str(g.Description)}, {CodeWriter.Str(g.Severity)}, {CodeWriter.Str(g.CheckScript)}, {CodeWriter.Bool(g.Inline)}, {CodeWriter.Bool(g.Retired)}, {CodeWriter.Str(g.EnforcedBy)}, {CodeWriter.Str(g.PrimaryDomain)}, {CodeWriter.Strings(g.SecondaryDomains)});");
            }

            w.Line();
            w.List("public static global::System.Collections.Generic.IReadOnlyList<SpineGate> All { get; } = new SpineGate[]", spec.Gates.Select(g => g.Identifier));
            w.Line();
            LookupEmitter.Emit(w, "SpineGate", "Id", "id");
            w.Close();
            return w.ToString();
        }
    }
}
