using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/gate.domain.profiles.yaml</c>: per-domain gate packs (the transition fallback of routing).</summary>
    public sealed record DomainProfiles(SourceSpan Span, Located<string>? CoreDomain, EquatableArray<DomainProfile> Domains)
    {
        public const string Path = "ops/bindings/gate.domain.profiles.yaml";

        public DomainProfile? Find(string id) => Domains.FirstOrDefault(d => d.Id.Value == id);

        internal static DomainProfiles Bind(YamlMapping root, BindingReader read)
        {
            var domains = new List<DomainProfile>();
            foreach (var entry in read.Entries(root, "domains"))
            {
                var d = read.Map(entry.Value, $"domain profile '{entry.Key.Value}'");
                domains.Add(new DomainProfile(
                    new Located<string>(entry.Key.Value, entry.Key.Span),
                    read.Str(d, "description"),
                    read.StrList(d, "gate_ids"),
                    read.StrList(d, "capability_prefixes"),
                    read.StrList(d, "path_triggers")));
            }

            return new DomainProfiles(root.Span, read.Str(read.Map(root, "defaults"), "core_domain"), domains.ToEquatableArray());
        }
    }

    public sealed record DomainProfile(
        Located<string> Id,
        Located<string>? Description,
        EquatableArray<Located<string>> GateIds,
        EquatableArray<Located<string>> CapabilityPrefixes,
        EquatableArray<Located<string>> PathTriggers)
    {
        public SourceSpan Span => Id.Span;
    }
}
