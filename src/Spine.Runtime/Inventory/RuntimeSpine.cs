using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Build.Verification;
using Spine.Generated;
using Spine.Model;
using Spine.Model.Loading;
using Spine.Model.Policy;

namespace Spine.Runtime.Inventory;

/// <summary>The spine a window runs against, with its resolved policy: compiled-in by default, or loaded from --root.</summary>
public sealed record RuntimeSpine(MaintenanceInventory Inventory, ResolvedPolicy Policy, IReadOnlyList<Finding> Warnings)
{
    /// <summary>Throws <see cref="PolicyException"/> for an unknown preset and <see cref="InvalidDataException"/> for a spine with errors.</summary>
    public static RuntimeSpine Load(string? root)
    {
        if (root is null)
        {
            var tenant = SpinePolicy.TenantPreset is null && SpinePolicy.TenantOverrides.Count == 0
                ? null
                : new TenantChoice("ops/bindings/tenant.profile.yaml (compiled in)", SpinePolicy.TenantPreset, SpinePolicy.TenantOverrides.ToList());
            var presets = SpinePolicy.All.ToDictionary(p => p.Key, p => (IReadOnlyList<KeyValuePair<string, string>>)p.Value.ToList());
            return new RuntimeSpine(GeneratedInventory.Load(), PolicyResolver.Resolve(presets, PolicyEnvironment.Sources(tenant)), Array.Empty<Finding>());
        }

        var workspace = SpineDirectory.Load(root);
        var policy = PolicyEnvironment.Resolve(workspace);
        var findings = RuleEngine.Check(workspace).Where(f => f.Severity == Severity.Error).ToList();
        var unreadable = findings.Where(f => f.RuleId is "SPINE001" or "SPINE004").ToList();
        if (unreadable.Count > 0 || (findings.Count > 0 && !policy.DriftWarnOnly))
        {
            throw new InvalidDataException($"the spine at {root} has {findings.Count} error(s) (run 'spine check --root {root}'); first: {findings[0]}");
        }

        return new RuntimeSpine(WorkspaceInventory.Load(workspace), policy, findings);
    }
}
