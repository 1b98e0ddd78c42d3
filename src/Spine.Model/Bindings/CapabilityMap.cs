using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary>
    /// <c>ops/bindings/capability_map.yaml</c>: capability → plugin → script navigation index. D67 reads
    /// only its keys, so an entry's body (plugin, script, safety, …) is not typed.
    /// </summary>
    public sealed record CapabilityMap(SourceSpan Span, SourceSpan? CapabilitiesKey, EquatableArray<CapabilityMapEntry> Entries)
    {
        public const string Path = "ops/bindings/capability_map.yaml";

        internal static CapabilityMap Bind(YamlMapping root, BindingReader read) => new CapabilityMap(
            root.Span,
            root.Entry("capabilities")?.Key.Span,
            read.Entries(root, "capabilities").Select(e => new CapabilityMapEntry(new Located<string>(e.Key.Value, e.Key.Span), e.Value.Span)).ToEquatableArray());
    }

    /// <summary>One map entry: its key and the span of its body (what a fix removes).</summary>
    public sealed record CapabilityMapEntry(Located<string> Name, SourceSpan BodySpan);
}
