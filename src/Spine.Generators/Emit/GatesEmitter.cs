using System.Linq;
namespace Spine.Generators
{
    /// <summary>Gates.g.cs: <c>SpineGate</c> with its registry metadata and topology assignment.</summary>
    internal static class GatesEmitter
    {
        /// <summary>The constructor's parameters, as the table holds them.</summary>
        private static readonly TableEmitter.Field[] Fields =
        {
            TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.Text, TableEmitter.Field.Text,
            TableEmitter.Field.Text, TableEmitter.Field.Flag, TableEmitter.Field.Flag, TableEmitter.Field.Text, TableEmitter.Field.Text,
            TableEmitter.Field.List,
        };

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
            TableEmitter.Emit(w, "SpineGate", Fields, spec.Gates.Select(g => (g.Identifier, g.Description, string.Concat(
                TableEmitter.Text(g.Id), TableEmitter.Text(g.Name), TableEmitter.Text(g.Category), TableEmitter.Text(g.Description), TableEmitter.Text(g.Severity),
                TableEmitter.Text(g.CheckScript), TableEmitter.Flag(g.Inline), TableEmitter.Flag(g.Retired), TableEmitter.Text(g.EnforcedBy), TableEmitter.Text(g.PrimaryDomain),
                TableEmitter.List(g.SecondaryDomains)))).ToList());
            w.Line();
            LookupEmitter.Emit(w, "SpineGate", "Id", "id");
            w.Close();
            return w.ToString();
        }
    }
}
