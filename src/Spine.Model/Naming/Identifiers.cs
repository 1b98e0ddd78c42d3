using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Spine.Model.Naming
{
    /// <summary>
    /// The one rule that turns a YAML name into a C# identifier: split at every character that is not
    /// an ASCII letter or digit, capitalize the first letter of each part, join (<c>infra.proxmox.maintenance.shutdown</c>
    /// → <c>InfraProxmoxMaintenanceShutdown</c>, <c>proxmox-network</c> → <c>ProxmoxNetwork</c>, <c>D67</c> → <c>D67</c>);
    /// a leading digit gets an underscore (<c>100</c> → <c>_100</c>); an empty result is <c>_</c>. The result is
    /// PascalCase, so it is never a C# keyword (they are all lower case).
    /// Two different names with the same identifier collide: the first keeps it, later ones get <c>_2</c>, <c>_3</c>…
    /// so the generated code still compiles, and SPINE005 reports the collision. A name given twice is one name
    /// (the duplicate is SPINE002 or SPINE301, not a collision).
    /// </summary>
    public static class Identifiers
    {
        /// <summary>Names no generated member may take: object's members (they would hide them).</summary>
        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };

        public static string From(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (c < 128 && char.IsLetterOrDigit(c))
                {
                    builder.Append(upper ? char.ToUpperInvariant(c) : c);
                    upper = false;
                }
                else
                {
                    upper = true;
                }
            }

            if (builder.Length == 0)
            {
                return "_";
            }

            return char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
        }

        /// <summary>
        /// Identifiers for the distinct <paramref name="names"/> in order, unique, plus the collisions found.
        /// <paramref name="reserved"/> are the class's own member names and the class name itself
        /// (C# forbids a member named like its type); object's members are always reserved.
        /// </summary>
        public static Assignment Assign(IEnumerable<string> names, IEnumerable<string> reserved)
        {
            var taken = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var r in reserved.Concat(ObjectMembers))
            {
                taken[r] = r;
            }

            var byName = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var collisions = new List<Collision>();
            foreach (var name in names)
            {
                if (byName.ContainsKey(name))
                {
                    continue;
                }

                var id = From(name);
                if (taken.TryGetValue(id, out var first))
                {
                    collisions.Add(new Collision(first, name, id));
                    var n = 2;
                    while (taken.ContainsKey(id + "_" + n))
                    {
                        n++;
                    }

                    id = id + "_" + n;
                }

                taken[id] = name;
                byName[name] = id;
            }

            return new Assignment(byName, collisions);
        }

        /// <summary>Each distinct name's identifier, and the collisions.</summary>
        public sealed class Assignment
        {
            private readonly Dictionary<string, string> _byName;

            internal Assignment(Dictionary<string, string> byName, IReadOnlyList<Collision> collisions)
            {
                _byName = byName;
                Collisions = collisions;
            }

            public IReadOnlyList<Collision> Collisions { get; }

            public string this[string name] => _byName[name];
        }

        /// <summary><paramref name="Second"/> would have taken <paramref name="Identifier"/>, which <paramref name="First"/> (a name or a reserved member) has.</summary>
        public sealed record Collision(string First, string Second, string Identifier);
    }

    /// <summary>The generated classes' own names and members: YAML names must not take them (SPINE005 says so).</summary>
    public static class GeneratedNames
    {
        public static readonly string[] Capabilities = { "SpineCapabilities", "All", "Find", "Table" };
        public static readonly string[] Gates = { "SpineGates", "All", "Find", "Table" };
        public static readonly string[] Domains = { "SpineDomains", "All", "Find", "CoreGateIds", "CoreCountLimit" };
        public static readonly string[] Sites = { "SpineMaintenance", "Sites", "Find", "Phases", "CrossSiteShutdown", "CrossSiteStartup", "OobGuardSites", "OobGuardTimeoutSec", "OobGuardEndpoints", "ComposeStacks", "Guests" };
        public static readonly string[] SshTargets = { "SpineSshTargets", "All", "Find", "DefaultIdentityFile", "DefaultKnownHostsFile" };
        public static readonly string[] Knobs = { "SpineKnobs", "From", "Get", "Fail", "Names" };
        public static readonly string[] Presets = { "SpinePolicy", "All", "Find", "TenantId", "TenantPreset", "TenantOverrides" };
    }
}
