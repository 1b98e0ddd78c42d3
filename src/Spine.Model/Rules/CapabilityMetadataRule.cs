using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE137 (D137, script <c>d137-infra-capability-metadata-parity.sh</c> at 0d71a402). Two contracts:
    /// <list type="number">
    /// <item>The strict capabilities exist (with a description, which is how the script tests existence),
    /// declare <c>plane</c> = expected_plane and <c>domain</c> = expected_domain, and a non-empty <c>requires</c>
    /// unless listed in requires_optional.</item>
    /// <item>Every capability whose name matches the infra-core adjacent pattern declares a non-empty
    /// <c>plane</c> and <c>domain</c>, and at least one capability matches it.</item>
    /// </list>
    /// Parameters (the D137 registry entry's <c>rule:</c> block), with the script's values as defaults:
    /// <c>capabilities</c> (the strict list), <c>capability_prefixes</c> (more strict capabilities, by prefix),
    /// <c>expected_plane</c> (fabric), <c>expected_domain</c> (infra), <c>requires_optional</c>
    /// (infra.proxmox.node_path.migrate), <c>adjacent_pattern</c> (<see cref="CapabilityMetadataDefaults.AdjacentPattern"/>; an empty
    /// list turns the second contract off). The second contract holds by default only for a registry updated on or after
    /// <see cref="CapabilityMetadataDefaults.AdjacentSince"/>, the day the spine's script gained it.
    /// </summary>
    internal sealed class CapabilityMetadataRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.CapabilityMetadata;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Capabilities is not { } registry)
            {
                return Enumerable.Empty<Finding>();
            }

            var parameters = workspace.Registry?.Find(Descriptor.GateId!)?.Rule ?? RuleParameters.None;
            var findings = new List<Finding>();
            var strict = CheckStrict(registry, parameters, findings);
            var adjacentInForce = parameters.Get("adjacent_pattern") != null || workspace.Registry?.UpdatedOnOrAfter(CapabilityMetadataDefaults.AdjacentSince) != false;
            if (adjacentInForce)
            {
                CheckAdjacent(registry, parameters, strict, findings);
            }
            return findings;
        }

        /// <summary>The first contract; returns the names it checked (the second contract does not report them again).</summary>
        private HashSet<string> CheckStrict(CapabilityRegistry registry, RuleParameters parameters, List<Finding> findings)
        {
            var expectedPlane = parameters.First("expected_plane") ?? "fabric";
            var expectedDomain = parameters.First("expected_domain") ?? "infra";
            var optional = Names.Set(parameters.Get("requires_optional")?.Select(v => v.Value) ?? new[] { "infra.proxmox.node_path.migrate" });
            var named = parameters.Get("capabilities")?.Select(v => v.Value).ToList() ?? CapabilityMetadataDefaults.Strict.ToList();
            var prefixes = parameters.Get("capability_prefixes")?.Select(v => v.Value).ToList() ?? new List<string>();

            var checkedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in named.Distinct(StringComparer.Ordinal))
            {
                var capability = registry.Find(name);
                if (capability is null)
                {
                    findings.Add(Descriptor.At(registry.CapabilitiesKey ?? registry.Span, $"Capability '{name}' not found in {CapabilityRegistry.Path} (D137 requires it).").About(name));
                    continue;
                }

                if (capability.Description is null)
                {
                    findings.Add(Descriptor.At(capability.Span, $"Capability '{name}' has no 'description'; D137 reads a capability without one as not found.").About(name));
                    continue;
                }

                checkedNames.Add(name);
            }

            foreach (var capability in registry.Capabilities.Where(c => prefixes.Any(p => c.Name.Value.StartsWith(p, StringComparison.Ordinal))))
            {
                checkedNames.Add(capability.Name.Value);
            }

            foreach (var capability in registry.Capabilities.Where(c => checkedNames.Contains(c.Name.Value)))
            {
                var name = capability.Name.Value;
                Expect(capability, "plane", capability.Plane, expectedPlane, findings);
                Expect(capability, "domain", capability.Domain, expectedDomain, findings);
                if (capability.Requires.IsEmpty && !optional.Contains(name))
                {
                    findings.Add(Descriptor.At(capability.RequiresKey ?? capability.Span, $"Capability '{name}' is missing 'requires' preconditions (at least ssh.target.status for a host action).").About(name)
                        .Repairable(new Fixes.Repair(Fixes.RepairKind.AddCapabilityList, name, "requires", "ssh.target.status")));
                }
            }

            return checkedNames;
        }

        private void CheckAdjacent(CapabilityRegistry registry, RuleParameters parameters, HashSet<string> alreadyChecked, List<Finding> findings)
        {
            var declared = parameters.Get("adjacent_pattern");
            var pattern = declared is { } d ? (d.Count > 0 ? d[0] : (Located<string>?)null) : new Located<string>(CapabilityMetadataDefaults.AdjacentPattern, registry.Span);
            if (pattern is not { } p)
            {
                return;
            }

            Regex regex;
            try
            {
                regex = new Regex(p.Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                findings.Add(Descriptor.At(p.Span, $"D137's adjacent_pattern '{p.Value}' is not a valid regular expression: {ex.Message}"));
                return;
            }

            var matched = registry.Capabilities.Where(c => regex.IsMatch(c.Name.Value)).ToList();
            if (matched.Count == 0)
            {
                findings.Add(Descriptor.At(declared is null ? registry.CapabilitiesKey ?? registry.Span : p.Span, $"No infra-core adjacent capability matches {p.Value}; D137 expects at least one."));
            }

            foreach (var capability in matched.Where(c => !alreadyChecked.Contains(c.Name.Value)))
            {
                if (string.IsNullOrEmpty(capability.Plane?.Value))
                {
                    findings.Add(Descriptor.At(capability.Span, $"Capability '{capability.Name.Value}' is missing 'plane' (infra-core adjacent capabilities declare plane and domain).").About(capability.Name.Value));
                }

                if (string.IsNullOrEmpty(capability.Domain?.Value))
                {
                    findings.Add(Descriptor.At(capability.Span, $"Capability '{capability.Name.Value}' is missing 'domain' (infra-core adjacent capabilities declare plane and domain).").About(capability.Name.Value));
                }
            }
        }

        private void Expect(Capability capability, string field, Located<string>? value, string expected, List<Finding> findings)
        {
            if (string.IsNullOrEmpty(value?.Value))
            {
                findings.Add(Descriptor.At(capability.Span, $"Capability '{capability.Name.Value}' is missing '{field}' (expected '{expected}').").About(capability.Name.Value)
                    .Repairable(new Fixes.Repair(Fixes.RepairKind.AddCapabilityField, capability.Name.Value, field, expected)));
            }
            else if (value!.Value.Value != expected)
            {
                findings.Add(Descriptor.At(value.Value.Span, $"Capability '{capability.Name.Value}' has {field} '{value.Value.Value}' (expected '{expected}').").About(capability.Name.Value)
                    .Repairable(new Fixes.Repair(Fixes.RepairKind.ReplaceValue, capability.Name.Value, field, expected)));
            }
        }
    }

    /// <summary>D137's values as the spine's own script hard-codes them (0d71a402); a gate's rule: block overrides them.</summary>
    public static class CapabilityMetadataDefaults
    {
        public static readonly IReadOnlyList<string> Strict = new[]
        {
            "infra.proxmox.maintenance.precheck",
            "infra.proxmox.maintenance.shutdown",
            "infra.proxmox.maintenance.startup",
            "infra.post_power.recovery.status",
            "infra.post_power.recovery",
            "infra.maintenance.window",
            "infra.proxmox.node_path.migrate",
        };

        public const string AdjacentPattern = @"^(infra|caddy|auth|secrets|cloudflared|pihole|vaultwarden)\.";

        /// <summary>
        /// The day the spine's D137 script gained the infra-core adjacent contract (GAP-OP-753, fixed in 4f4b7bc). A gate
        /// registry last updated before it is held to the seed's contract (the strict list only), unless its D137 entry
        /// names an <c>adjacent_pattern</c>.
        /// </summary>
        public const string AdjacentSince = "2026-02-21";
    }
}
