using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/gate.execution.topology.yaml</c>: domains, gate routing and release order.</summary>
    public sealed record GateTopology(
        SourceSpan Span,
        CoreMode? CoreMode,
        EquatableArray<DomainMetadata> Domains,
        EquatableArray<GateAssignment> Assignments,
        SourceSpan? ReleaseSequenceKey,
        EquatableArray<Located<string>> ReleaseSequence,
        ValidationRules Rules,
        EquatableArray<DomainAlias> Aliases)
    {
        public const string Path = "ops/bindings/gate.execution.topology.yaml";

        public DomainMetadata? FindDomain(string id) => Domains.FirstOrDefault(d => d.Id.Value == id);

        internal static GateTopology Bind(YamlMapping root, BindingReader read)
        {
            var coreMap = read.Map(root, "core_mode");
            var core = coreMap is null
                ? null
                : new CoreMode(BindingReader.KeySpan(root, "core_mode"), read.StrList(coreMap, "core_gate_ids"), read.Int(coreMap, "core_count_limit"));

            var domains = new List<DomainMetadata>();
            foreach (var d in read.Maps(root, "domain_metadata"))
            {
                var id = read.Required(d, "domain_id", "A domain_metadata entry");
                if (id is null)
                {
                    continue;
                }

                domains.Add(new DomainMetadata(
                    id.Value,
                    read.Str(d, "description"),
                    read.Str(d, "criticality"),
                    read.StrList(d, "depends_on"),
                    read.StrList(d, "capability_prefixes"),
                    read.StrList(d, "path_triggers")));
            }

            var assignments = new List<GateAssignment>();
            foreach (var a in read.Maps(root, "gate_assignments"))
            {
                var gate = read.Required(a, "gate_id", "A gate_assignments entry");
                if (gate is null)
                {
                    continue;
                }

                assignments.Add(new GateAssignment(gate.Value, read.Str(a, "primary_domain"), read.StrList(a, "secondary_domains")));
            }

            var rulesMap = read.Map(root, "validation_rules");
            var rules = new ValidationRules(
                read.Bool(rulesMap, "require_primary_domain_for_all_active_gates")?.Value ?? false,
                read.Bool(rulesMap, "reject_undefined_domain_refs")?.Value ?? false,
                read.Bool(rulesMap, "require_release_sequence_coverage")?.Value ?? false);

            var aliases = read.Entries(root, "domain_aliases")
                .Select(e => new DomainAlias(new Located<string>(e.Key.Value, e.Key.Span), read.Str(e.Value, $"domain alias '{e.Key.Value}'")))
                .ToEquatableArray();

            return new GateTopology(
                root.Span,
                core,
                domains.ToEquatableArray(),
                assignments.ToEquatableArray(),
                root.Entry("release_sequence")?.Key.Span,
                read.StrList(root, "release_sequence"),
                rules,
                aliases);
        }
    }

    public sealed record CoreMode(SourceSpan Span, EquatableArray<Located<string>> CoreGateIds, Located<int>? CoreCountLimit);

    public sealed record DomainMetadata(
        Located<string> Id,
        Located<string>? Description,
        Located<string>? Criticality,
        EquatableArray<Located<string>> DependsOn,
        EquatableArray<Located<string>> CapabilityPrefixes,
        EquatableArray<Located<string>> PathTriggers)
    {
        public SourceSpan Span => Id.Span;
    }

    public sealed record GateAssignment(
        Located<string> GateId,
        Located<string>? PrimaryDomain,
        EquatableArray<Located<string>> SecondaryDomains)
    {
        public SourceSpan Span => GateId.Span;
    }

    /// <summary>The topology's switches: each turns one family of topology checks on.</summary>
    public sealed record ValidationRules(bool RequirePrimaryDomainForAllActiveGates, bool RejectUndefinedDomainRefs, bool RequireReleaseSequenceCoverage);

    /// <summary>A Spine extension, <c>domain_aliases: {loop-gap: loop_gap}</c>: another name for a domain.</summary>
    public sealed record DomainAlias(Located<string> Alias, Located<string>? Domain);
}
