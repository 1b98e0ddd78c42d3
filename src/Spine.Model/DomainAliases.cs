using System.Collections.Generic;
using Spine.Model.Bindings;

namespace Spine.Model
{
    /// <summary>
    /// Other names for domains, as verify-topology normalizes them. A topology's <c>domain_aliases</c>
    /// (a Spine extension) replaces the seed's defaults when present.
    /// </summary>
    public sealed class DomainAliases
    {
        /// <summary>The seed's <c>normalize_domain</c> table.</summary>
        public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["loop-gap"] = "loop_gap",
            ["home-automation"] = "home",
            ["finance-ops"] = "finance",
            ["automation"] = "n8n",
            ["photos"] = "immich",
            ["identity"] = "microsoft",
            ["email"] = "microsoft",
            ["calendar"] = "microsoft",
        };

        private readonly IReadOnlyDictionary<string, string> _map;

        private DomainAliases(IReadOnlyDictionary<string, string> map) => _map = map;

        public static DomainAliases For(GateTopology? topology)
        {
            if (topology is null || topology.Aliases.IsEmpty)
            {
                return new DomainAliases(Defaults);
            }

            var map = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var alias in topology.Aliases)
            {
                if (alias.Domain is { } target)
                {
                    map[alias.Alias.Value] = target.Value;
                }
            }

            return new DomainAliases(map);
        }

        public string Resolve(string name) => _map.TryGetValue(name, out var target) ? target : name;
    }
}
