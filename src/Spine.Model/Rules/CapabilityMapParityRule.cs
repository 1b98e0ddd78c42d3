using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>SPINE067 (D67): capabilities.yaml and capability_map.yaml name the same capabilities.</summary>
    internal sealed class CapabilityMapParityRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.CapabilityMapParity;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Capabilities is not { } registry || workspace.CapabilityMap is not { } map)
            {
                yield break;
            }

            var mapped = Names.Set(map.Entries.Select(e => e.Name));
            var declared = Names.Set(registry.Capabilities.Select(c => c.Name));
            foreach (var capability in registry.Capabilities.Where(c => !mapped.Contains(c.Name.Value)))
            {
                yield return Descriptor.At(capability.Span, $"Capability '{capability.Name.Value}' has no entry in {CapabilityMap.Path}.");
            }

            foreach (var entry in map.Entries.Where(e => !declared.Contains(e.Name.Value)))
            {
                yield return Descriptor.At(entry.Name.Span, $"Capability map entry '{entry.Name.Value}' names no capability of {CapabilityRegistry.Path}.{Names.Hint(entry.Name.Value, declared)}");
            }
        }
    }
}
