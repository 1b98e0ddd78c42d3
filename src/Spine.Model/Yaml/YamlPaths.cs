using System.Collections.Generic;
using System.Text;

namespace Spine.Model.Yaml
{
    /// <summary>
    /// The path of the node at a text offset, stable across edits elsewhere in the file: mapping keys by name
    /// (<c>/capabilities/infra.proxmox.maintenance.shutdown/plane</c>), sequence items by what they are rather
    /// than where (<c>[ssh.target.status]</c> for a scalar, <c>[id=D137]</c> for a mapping with an identifying
    /// key, <c>[#3]</c> only when nothing else identifies them).
    /// </summary>
    public static class YamlPaths
    {
        private static readonly string[] IdentifyingKeys = { "id", "gate_id", "domain_id", "agent_id", "name", "target", "phase", "rule" };

        /// <summary>The path and the value (scalar text, or empty) of the innermost node that holds <paramref name="offset"/>.</summary>
        public static (string Path, string Value) At(YamlDocument document, int offset)
        {
            var path = new StringBuilder();
            var node = document.Root;
            var value = string.Empty;
            while (node != null)
            {
                YamlNode? next = null;
                switch (node)
                {
                    case YamlScalar scalar:
                        value = scalar.Value;
                        break;
                    case YamlMapping map:
                        foreach (var entry in map.Entries)
                        {
                            if (Holds(entry.Key.Span, offset))
                            {
                                path.Append('/').Append(Escape(entry.Key.Value));
                                value = entry.Key.Value;
                                return (path.ToString(), value);
                            }

                            if (Holds(entry.Value.Span, offset))
                            {
                                path.Append('/').Append(Escape(entry.Key.Value));
                                next = entry.Value;
                                break;
                            }
                        }

                        break;
                    case YamlSequence seq:
                        for (var i = 0; i < seq.Items.Count; i++)
                        {
                            if (Holds(seq.Items[i].Span, offset))
                            {
                                path.Append('/').Append(ItemSegment(seq.Items[i], i));
                                next = seq.Items[i];
                                break;
                            }
                        }

                        break;
                }

                node = next;
            }

            return (path.ToString(), value);
        }

        private static bool Holds(SourceSpan span, int offset) => offset >= span.Start && (offset < span.End || (offset == span.Start && span.End == span.Start));

        private static string ItemSegment(YamlNode item, int index)
        {
            if (item is YamlScalar scalar)
            {
                return "[" + Escape(scalar.Value) + "]";
            }

            if (item is YamlMapping map)
            {
                foreach (var key in IdentifyingKeys)
                {
                    if (map[key] is YamlScalar { IsNull: false } id)
                    {
                        return "[" + key + "=" + Escape(id.Value) + "]";
                    }
                }
            }

            return "[#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
        }

        private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");
    }
}
