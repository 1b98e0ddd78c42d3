using System;
using System.Collections.Generic;
using System.Linq;

namespace Spine.Model
{
    /// <summary>Where a domain's gate set came from: topology assignments, or the domain profile (transition fallback).</summary>
    public enum GateSetSource
    {
        Topology,
        Profile,
        None,
    }

    /// <summary>A domain's resolved gates, naturally ordered (D2 before D10).</summary>
    public sealed record GateSet(string Domain, GateSetSource Source, EquatableArray<string> Gates);

    /// <summary>
    /// Resolves gate sets exactly as the seed's verify-topology does: the gates whose assignment names
    /// the (alias-normalized) domain as primary or secondary; when there are none, the domain profile's
    /// gate_ids under the name as given and, if different, under its normalized name.
    /// </summary>
    public static class DomainRouting
    {
        public static GateSet Resolve(SpineWorkspace workspace, string domain)
        {
            var normalized = DomainAliases.For(workspace.Topology).Resolve(domain);
            var fromTopology = (workspace.Topology?.Assignments ?? EquatableArray<Bindings.GateAssignment>.Empty)
                .Where(a => a.PrimaryDomain?.Value == normalized || a.SecondaryDomains.Any(s => s.Value == normalized))
                .Select(a => a.GateId.Value)
                .ToList();
            if (fromTopology.Count > 0)
            {
                return new GateSet(normalized, GateSetSource.Topology, NaturalOrder(fromTopology));
            }

            var profiles = workspace.DomainProfiles;
            var fromProfile = (profiles?.Find(domain)?.GateIds ?? EquatableArray<Located<string>>.Empty).Select(g => g.Value).ToList();
            if (normalized != domain)
            {
                fromProfile.AddRange((profiles?.Find(normalized)?.GateIds ?? EquatableArray<Located<string>>.Empty).Select(g => g.Value));
            }

            return fromProfile.Count > 0
                ? new GateSet(normalized, GateSetSource.Profile, NaturalOrder(fromProfile))
                : new GateSet(normalized, GateSetSource.None, EquatableArray<string>.Empty);
        }

        /// <summary>Core mode: <c>core_mode.core_gate_ids</c>, in their declared order, without repeats.</summary>
        public static GateSet Core(SpineWorkspace workspace) => new GateSet(
            "core",
            GateSetSource.Topology,
            (workspace.Topology?.CoreMode?.CoreGateIds ?? EquatableArray<Located<string>>.Empty).Select(g => g.Value).Distinct().ToEquatableArray());

        /// <summary>Whether the name (or its alias) is a domain the spine knows.</summary>
        public static bool IsKnown(SpineWorkspace workspace, string domain)
        {
            var normalized = DomainAliases.For(workspace.Topology).Resolve(domain);
            return workspace.Topology?.FindDomain(normalized) != null
                || workspace.DomainProfiles?.Find(domain) != null
                || workspace.DomainProfiles?.Find(normalized) != null;
        }

        /// <summary><c>sort -V</c> on gate ids: unique, letters then numbers compared as numbers.</summary>
        public static EquatableArray<string> NaturalOrder(IEnumerable<string> ids) =>
            ids.Distinct(StringComparer.Ordinal).OrderBy(id => id, NaturalComparer.Instance).ToEquatableArray();

        private sealed class NaturalComparer : IComparer<string>
        {
            public static readonly NaturalComparer Instance = new NaturalComparer();

            public int Compare(string? x, string? y)
            {
                var (px, nx) = Split(x ?? string.Empty);
                var (py, ny) = Split(y ?? string.Empty);
                var c = string.CompareOrdinal(px, py);
                if (c != 0)
                {
                    return c;
                }

                c = nx.CompareTo(ny);
                return c != 0 ? c : string.CompareOrdinal(x, y);
            }

            private static (string Prefix, long Number) Split(string id)
            {
                var i = id.Length;
                while (i > 0 && char.IsDigit(id[i - 1]))
                {
                    i--;
                }

                return i < id.Length && long.TryParse(id.Substring(i), out var n) ? (id.Substring(0, i), n) : (id, -1);
            }
        }
    }
}
