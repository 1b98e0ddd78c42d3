using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/gate.agent.profiles.yaml</c>: verify packs per agent.</summary>
    public sealed record AgentProfiles(SourceSpan Span, Located<string>? DefaultPack, EquatableArray<AgentProfile> Profiles)
    {
        public const string Path = "ops/bindings/gate.agent.profiles.yaml";

        internal static AgentProfiles Bind(YamlMapping root, BindingReader read)
        {
            var profiles = read.Maps(root, "profiles")
                .Select(p => new AgentProfile(
                    p.Span,
                    read.Required(p, "agent_id", "An agent profile"),
                    read.StrList(p, "domains"),
                    read.StrList(p, "gate_ids"),
                    read.StrList(p, "capability_prefixes"),
                    read.Bool(p, "default_pack")?.Value ?? false))
                .ToEquatableArray();
            return new AgentProfiles(root.Span, read.Str(read.Map(root, "defaults"), "default_pack"), profiles);
        }
    }

    public sealed record AgentProfile(
        SourceSpan Span,
        Located<string>? AgentId,
        EquatableArray<Located<string>> Domains,
        EquatableArray<Located<string>> GateIds,
        EquatableArray<Located<string>> CapabilityPrefixes,
        bool DefaultPack);
}
