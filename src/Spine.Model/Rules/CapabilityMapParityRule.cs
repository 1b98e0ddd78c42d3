using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE067 (D67, script <c>d67-capability-map-lock.sh</c> at 0d71a402): the capability registry and
    /// capability_map.yaml name the same capabilities. Conditions: the registry holds capabilities; the map
    /// holds entries; every capability has a map entry (MISSING); every map entry names a capability
    /// (PHANTOM). A missing file is SPINE004 and fails the compiled gate. Like the script, an empty side is the one
    /// finding (the script stops there): an empty map does not also make every capability "missing".
    /// </summary>
    internal sealed class CapabilityMapParityRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.CapabilityMapParity;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Capabilities is not { } registry || workspace.CapabilityMap is not { } map)
            {
                yield break;
            }

            if (registry.Capabilities.IsEmpty)
            {
                yield return Descriptor.At(registry.CapabilitiesKey ?? registry.Span, $"{CapabilityRegistry.Path} declares no capabilities.");
            }

            if (map.Entries.IsEmpty)
            {
                yield return Descriptor.At(map.CapabilitiesKey ?? map.Span, $"{CapabilityMap.Path} has no capability entries.");
            }

            if (registry.Capabilities.IsEmpty || map.Entries.IsEmpty)
            {
                yield break;
            }

            var mapped = Names.Set(map.Entries.Select(e => e.Name));
            var declared = Names.Set(registry.Capabilities.Select(c => c.Name));
            foreach (var capability in registry.Capabilities.Where(c => !mapped.Contains(c.Name.Value)))
            {
                yield return Descriptor.At(capability.Span, $"Capability '{capability.Name.Value}' is missing from {CapabilityMap.Path}.").About(capability.Name.Value)
                    .Repairable(new Fixes.Repair(Fixes.RepairKind.AddMapEntry, capability.Name.Value));
            }

            foreach (var entry in map.Entries.Where(e => !declared.Contains(e.Name.Value)))
            {
                yield return Descriptor.At(entry.Name.Span, $"Capability map entry '{entry.Name.Value}' is a phantom: no capability of {CapabilityRegistry.Path} has that name.{Names.Hint(entry.Name.Value, declared)}").About(entry.Name.Value)
                    .Repairable(new Fixes.Repair(Fixes.RepairKind.RemoveMapEntry, entry.Name.Value));
            }
        }
    }
}
