using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Spine.Generators
{
    /// <summary>
    /// The one rule that turns a YAML name into a C# identifier: split at every character that is not
    /// a letter or digit, capitalize the first letter of each part, join (<c>infra.proxmox.maintenance.shutdown</c>
    /// → <c>InfraProxmoxMaintenanceShutdown</c>, <c>proxmox-network</c> → <c>ProxmoxNetwork</c>, <c>D67</c> → <c>D67</c>);
    /// a leading digit gets an underscore (<c>100</c> → <c>_100</c>); an empty result is <c>_</c>.
    /// Two names with the same identifier collide: the first keeps it, later ones get <c>_2</c>, <c>_3</c>…
    /// so the generated code still compiles, and SPINE005 reports the collision.
    /// </summary>
    internal static class Identifiers
    {
        public static string From(string name)
        {
            var builder = new StringBuilder(name.Length);
            var upper = true;
            foreach (var c in name)
            {
                if (char.IsLetterOrDigit(c) && c < 128)
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

        /// <summary>Names no generated member may take: object's members (they would hide them).</summary>
        private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };

        /// <summary>
        /// Identifiers for <paramref name="names"/> in order, unique, plus the collisions found.
        /// <paramref name="reserved"/> are the class's own member names and the class name itself
        /// (C# forbids a member named like its type); object's members are always reserved.
        /// </summary>
        public static (List<string> Identifiers, List<(string First, string Second, string Identifier)> Collisions) Assign(IEnumerable<string> names, params string[] reserved)
        {
            var taken = new Dictionary<string, string>();
            foreach (var r in reserved.Concat(ObjectMembers))
            {
                taken[r] = r;
            }

            var result = new List<string>();
            var collisions = new List<(string, string, string)>();
            foreach (var name in names)
            {
                var id = From(name);
                if (taken.TryGetValue(id, out var first))
                {
                    collisions.Add((first, name, id));
                    var n = 2;
                    while (taken.ContainsKey(id + "_" + n))
                    {
                        n++;
                    }

                    id = id + "_" + n;
                }

                taken[id] = name;
                result.Add(id);
            }

            return (result, collisions);
        }
    }
}
