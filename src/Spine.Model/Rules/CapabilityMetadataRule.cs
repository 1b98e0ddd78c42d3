using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE137 (D137): the infra capabilities of the Proxmox-network lane declare <c>plane</c>,
    /// <c>domain</c> and non-empty <c>requires</c> with the expected values.
    /// <para>
    /// Everything comes from data. The D137 entry of the gate registry may carry a <c>rule:</c> block:
    /// <c>capability_prefixes</c>, <c>expected_plane</c>, <c>expected_domain</c>, <c>requires_optional</c>,
    /// <c>scope_domain</c>. Without it the seed's D137 holds: the scope is the capability prefixes of the
    /// <c>proxmox-network</c> domain (topology, else its profile) that lie in the <c>infra.</c> namespace,
    /// the expected values are plane <c>fabric</c> and domain <c>infra</c>, and <c>requires</c> is optional for
    /// <c>infra.proxmox.node_path.migrate</c>.
    /// </para>
    /// </summary>
    internal sealed class CapabilityMetadataRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.CapabilityMetadata;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Capabilities is not { } registry)
            {
                yield break;
            }

            var parameters = workspace.Registry?.Find(Descriptor.GateId!)?.Rule ?? RuleParameters.None;
            var expectedPlane = First(parameters, "expected_plane") ?? "fabric";
            var expectedDomain = First(parameters, "expected_domain") ?? "infra";
            var optional = Names.Set(parameters.Get("requires_optional")?.Select(v => v.Value) ?? new[] { "infra.proxmox.node_path.migrate" });
            var prefixes = Prefixes(workspace, parameters, expectedDomain);
            if (prefixes.Count == 0)
            {
                yield break;
            }

            foreach (var capability in registry.Capabilities)
            {
                var name = capability.Name.Value;
                if (!prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (capability.Plane is not { } plane)
                {
                    yield return Descriptor.At(capability.Span, $"Capability '{name}' declares no 'plane' (expected '{expectedPlane}').");
                }
                else if (plane.Value != expectedPlane)
                {
                    yield return Descriptor.At(plane.Span, $"Capability '{name}' has plane '{plane.Value}'; the lane expects '{expectedPlane}'.");
                }

                if (capability.Domain is not { } domain)
                {
                    yield return Descriptor.At(capability.Span, $"Capability '{name}' declares no 'domain' (expected '{expectedDomain}').");
                }
                else if (domain.Value != expectedDomain)
                {
                    yield return Descriptor.At(domain.Span, $"Capability '{name}' has domain '{domain.Value}'; the lane expects '{expectedDomain}'.");
                }

                if (capability.Requires.IsEmpty && !optional.Contains(name))
                {
                    yield return Descriptor.At(
                        capability.RequiresKey ?? capability.Span,
                        $"Capability '{name}' declares no 'requires' preconditions (at least ssh.target.status for a host action).");
                }
            }
        }

        private static string? First(RuleParameters parameters, string name)
        {
            var values = parameters.Get(name);
            return values is { Count: > 0 } v ? v[0].Value : null;
        }

        private static IReadOnlyList<string> Prefixes(SpineWorkspace workspace, RuleParameters parameters, string expectedDomain)
        {
            var declared = parameters.Get("capability_prefixes");
            if (declared != null)
            {
                return declared.Value.Select(v => v.Value).ToList();
            }

            var scopeDomain = First(parameters, "scope_domain") ?? "proxmox-network";
            var fromTopology = workspace.Topology?.FindDomain(scopeDomain)?.CapabilityPrefixes;
            var fromProfile = workspace.DomainProfiles?.Find(scopeDomain)?.CapabilityPrefixes;
            var prefixes = fromTopology is { IsEmpty: false } t ? t : fromProfile ?? EquatableArray<Located<string>>.Empty;
            var ns = expectedDomain + ".";
            return prefixes.Select(p => p.Value).Where(p => p.StartsWith(ns, StringComparison.Ordinal)).ToList();
        }
    }
}
