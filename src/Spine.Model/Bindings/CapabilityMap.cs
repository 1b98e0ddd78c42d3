using System.Collections.Generic;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/capability_map.yaml</c>: capability → plugin → script navigation index (D67).</summary>
    public sealed record CapabilityMap(SourceSpan Span, EquatableArray<CapabilityMapEntry> Entries)
    {
        public const string Path = "ops/bindings/capability_map.yaml";

        internal static CapabilityMap Bind(YamlMapping root, BindingReader read)
        {
            var entries = new List<CapabilityMapEntry>();
            foreach (var entry in read.Map(root, "capabilities")?.Entries ?? new List<YamlEntry>())
            {
                var map = read.Map(entry.Value, $"capability map entry '{entry.Key.Value}'");
                entries.Add(new CapabilityMapEntry(
                    new Located<string>(entry.Key.Value, entry.Key.Span),
                    read.Str(map, "plugin"),
                    read.Str(map, "script"),
                    read.Str(map, "safety"),
                    read.Str(map, "note")));
            }

            return new CapabilityMap(root.Span, entries.ToEquatableArray());
        }
    }

    public sealed record CapabilityMapEntry(
        Located<string> Name,
        Located<string>? Plugin,
        Located<string>? Script,
        Located<string>? Safety,
        Located<string>? Note);
}
