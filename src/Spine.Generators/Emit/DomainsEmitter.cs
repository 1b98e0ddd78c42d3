using System.Linq;

namespace Spine.Generators
{
    /// <summary>Domains.g.cs: <c>SpineDomain</c> with dependencies, release position and the resolved gate set.</summary>
    internal static class DomainsEmitter
    {
        public static string Emit(DomainsSpec spec, EmitOptions options)
        {
            var w = new CodeWriter("ops/bindings/gate.execution.topology.yaml and gate.domain.profiles.yaml", options);
            w.Doc("A governance domain of the gate topology.");
            w.Type("sealed class SpineDomain");
            w.Line("public SpineDomain(string id, string? description, string? criticality, string[] dependsOn, int releasePosition, string gateSource, string[] gateIds)");
            w.Open();
            w.Line("Id = id; Description = description; Criticality = criticality; DependsOn = dependsOn; ReleasePosition = releasePosition; GateSource = gateSource; GateIds = gateIds;");
            w.Close();
            w.Line("public string Id { get; }");
            w.Line("public string? Description { get; }");
            w.Line("public string? Criticality { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<string> DependsOn { get; }");
            w.Doc("0-based index in release_sequence, -1 when absent.");
            w.Line("public int ReleasePosition { get; }");
            w.Doc("Topology (gate assignments), Profile (domain profile fallback) or None.");
            w.Line("public string GateSource { get; }");
            w.Doc("The gates verify.domain.run runs for this domain, naturally ordered.");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<string> GateIds { get; }");
            w.Line("public override string ToString() => Id;");
            w.Close();
            w.Line();
            w.Type("static partial class SpineDomains");
            foreach (var d in spec.Domains)
            {
                w.Doc(d.Description);
                w.Line($"public static SpineDomain {d.Identifier} {{ get; }} = new SpineDomain({CodeWriter.Str(d.Id)}, {CodeWriter.Str(d.Description)}, {CodeWriter.Str(d.Criticality)}, {CodeWriter.Strings(d.DependsOn)}, {d.ReleasePosition}, {CodeWriter.Str(d.GateSource)}, {CodeWriter.Strings(d.GateIds)});");
            }

            w.Line();
            w.Doc("core_mode.core_gate_ids: the gates verify.core.run runs.");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> CoreGateIds {{ get; }} = {CodeWriter.Strings(spec.CoreGateIds)};");
            w.Line($"public static int CoreCountLimit => {spec.CoreCountLimit};");
            w.List("public static global::System.Collections.Generic.IReadOnlyList<SpineDomain> All { get; } = new SpineDomain[]", spec.Domains.Select(d => d.Identifier));
            w.Line("public static SpineDomain? Find(string id) => global::System.Linq.Enumerable.FirstOrDefault(All, d => d.Id == id);");
            w.Close();
            return w.ToString();
        }
    }
}
