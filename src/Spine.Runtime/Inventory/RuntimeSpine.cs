using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Generated;
using Spine.Model;
using Spine.Model.Bindings;
using Spine.Model.Checking;
using Spine.Model.Loading;
using Spine.Model.Policy;
using Spine.Runtime.Planning;

namespace Spine.Runtime.Inventory;

/// <summary>
/// The spine a window runs against: its inventory, its resolved policy, and its check (rules, policy, baseline) — loaded
/// from a folder, or compiled in. Drift blocks a window only where the window reads (<see cref="Gate"/>).
/// </summary>
internal sealed record RuntimeSpine(MaintenanceInventory Inventory, ResolvedPolicy Policy, SpineWorkspace? Workspace, CheckReport? Check)
{
    /// <summary>The bindings the maintenance runtime reads as a whole.</summary>
    private static readonly string[] ReadFiles =
    {
        StartupSequencing.Path, SshTargets.Path, VmLifecycle.Path, NetworkCutoverPolicy.Path, PolicyPresets.Path, TenantProfile.DefaultPath,
    };

    /// <summary>Throws <see cref="PolicyException"/> for an unknown preset, <see cref="IOException"/> for an unreadable folder.</summary>
    public static RuntimeSpine Load(string? root)
    {
        if (root is null)
        {
            var tenant = SpinePolicy.TenantPreset is null && SpinePolicy.TenantOverrides.Count == 0
                ? null
                : new TenantChoice("ops/bindings/tenant.profile.yaml (compiled in)", SpinePolicy.TenantPreset, SpinePolicy.TenantOverrides.ToList());
            var presets = SpinePolicy.All.ToDictionary(p => p.Key, p => (IReadOnlyList<KeyValuePair<string, string>>)p.Value.ToList());
            return new RuntimeSpine(GeneratedInventory.Load(), PolicyResolver.Resolve(presets, PolicyEnvironment.Sources(tenant)), null, null);
        }

        var workspace = SpineDirectory.Load(root);
        var check = SpineCheck.Run(workspace, PolicyEnvironment.Sources(workspace), SpineDirectory.Documents(root), CheckScope.Rules);
        if (check.PolicyError is { } error)
        {
            throw new PolicyException(error);
        }

        return new RuntimeSpine(WorkspaceInventory.Load(workspace, root), check.Policy!, workspace, check);
    }

    /// <summary>
    /// The spine's error findings in what this plan reads — the capabilities it runs or requires, startup sequencing, SSH
    /// targets, the VM lifecycle, the cutover and policy bindings, the compose targets when it recovers stacks — which
    /// stop an executed window; and how many findings there are elsewhere (never blocking). Baselined findings are not
    /// there at all; under drift_gate_mode=warn drift is a warning and blocks nothing.
    /// </summary>
    public (IReadOnlyList<Finding> Blocking, IReadOnlyList<Finding> Warnings, int Elsewhere) Gate(Plan plan)
    {
        if (Check is null || Workspace is null)
        {
            return (Array.Empty<Finding>(), Array.Empty<Finding>(), 0);
        }

        var capabilities = new HashSet<string>(plan.Capabilities.SelectMany(c => Inventory.Preconditions(c).Append(c)), StringComparer.Ordinal);
        var spans = (Workspace.Capabilities?.Capabilities ?? EquatableArray<Capability>.Empty).Where(c => capabilities.Contains(c.Name.Value))
            .Select(c => (Start: c.Name.Span.Start, End: Math.Max(c.Name.Span.End, c.BodySpan.End))).ToList();
        var files = new HashSet<string>(ReadFiles, StringComparer.Ordinal);
        if (plan.Steps.Any(s => s.Kind == StepKind.RecoverPhase))
        {
            files.Add(ComposeTargets.Path);
        }

        bool Reads(Finding f) =>
            files.Contains(f.Span.File)
            || (f.Span.File == CapabilityRegistry.Path && (f.RuleId is "SPINE001" or "SPINE004" || spans.Any(s => f.Span.Start >= s.Start && f.Span.Start <= s.End)))
            || (!f.HasLocation && f.RuleId == "SPINE504");
        var read = Check.Findings.Where(Reads).ToList();
        var elsewhere = Check.Findings.Count(f => !Reads(f) && f.Severity != Severity.Info);
        return (read.Where(f => f.Severity == Severity.Error).ToList(), read.Where(f => f.Severity == Severity.Warning).ToList(), elsewhere);
    }
}
