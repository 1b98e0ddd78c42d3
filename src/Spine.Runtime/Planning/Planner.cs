using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Inventory;

namespace Spine.Runtime.Planning;

/// <summary>
/// Builds the plan of a maintenance window from the spine's data, with the seed's semantics:
/// sites shut down in cross_site_order.shutdown (shop → home) and start in cross_site_order.startup
/// (home → shop); per site the state is captured, the OOB guard runs before a guarded site's shutdown,
/// guests stop in shutdown_order, then the other running VMs, then containers; optional poweroff;
/// guests start in startup_order, then the other previously running ones; recovery phases in order;
/// verify. Each step's capability requires become preconditions. Pure: no I/O.
/// </summary>
public static class Planner
{
    /// <summary>The capabilities a precondition can name, and the step that checks each.</summary>
    private static readonly Dictionary<string, StepKind> Checks = new(StringComparer.Ordinal)
    {
        ["ssh.target.status"] = StepKind.Connect,
        ["network.oob.guard.status"] = StepKind.OobGuard,
    };

    public const string Precheck = "infra.proxmox.maintenance.precheck";
    public const string Shutdown = "infra.proxmox.maintenance.shutdown";
    public const string Startup = "infra.proxmox.maintenance.startup";
    public const string Recovery = "infra.post_power.recovery";
    public const string RecoveryStatus = "infra.post_power.recovery.status";
    public const string SshStatus = "ssh.target.status";
    public const string OobGuard = "network.oob.guard.status";

    public static Plan Build(MaintenanceInventory inventory, WindowRequest request)
    {
        var problems = new List<string>();
        var steps = new List<PlanStep>();
        var sites = new List<SiteInfo>();
        foreach (var name in request.Sites)
        {
            var site = inventory.Site(name);
            if (site is null)
            {
                problems.Add($"unknown site '{name}' (the spine knows {string.Join(", ", inventory.Sites.Select(s => s.Name))})");
            }
            else if (site.HostId is null || inventory.Host(site.HostId) is null)
            {
                problems.Add($"site '{name}' has no Proxmox host: startup.sequencing.yaml needs {name}_vm_lifecycle.host_id naming an SSH target");
            }
            else
            {
                sites.Add(site);
            }
        }

        if (problems.Count > 0)
        {
            return new Plan(request, steps, problems);
        }

        var mode = request.Mode;
        var doPrecheck = mode is WindowMode.Precheck or WindowMode.Full;
        var doShutdown = mode is WindowMode.Shutdown or WindowMode.Full;
        var doStartup = mode is WindowMode.Startup or WindowMode.Full;
        var doVerify = mode is WindowMode.Verify or WindowMode.Startup or WindowMode.Full;
        var shutdownOrder = Ordered(sites, inventory.CrossSiteShutdown);
        var startupOrder = Ordered(sites, inventory.CrossSiteStartup);

        void Add(StepKind kind, SiteInfo site, string capability, string summary, int? guest = null, int? phase = null, string? host = null, string? suffix = null)
        {
            var id = $"{site.Name}/{kind.ToString().ToLowerInvariant()}" + (guest is { } g ? "/" + g : phase is { } p ? "/" + p : suffix is null ? string.Empty : "/" + suffix);
            var cap = inventory.Capability(capability);
            var mutating = kind is StepKind.ShutdownGuest or StepKind.ShutdownRemaining or StepKind.ShutdownContainers or StepKind.PowerOff or StepKind.StartGuest or StepKind.StartRemaining or StepKind.RecoverPhase;
            var preconditions = new List<string>();
            foreach (var required in inventory.Preconditions(capability))
            {
                if (!Checks.TryGetValue(required, out var check))
                {
                    problems.Add($"capability '{capability}' requires '{required}', which the runtime has no check for");
                    continue;
                }

                var pre = steps.LastOrDefault(s => s.Kind == check && s.Site == site.Name);
                if (pre != null)
                {
                    preconditions.Add(pre.Id);
                }
                else if (check == StepKind.OobGuard && (!inventory.OobGuardSites.Contains(site.Name) || request.SkipOobGuard))
                {
                    // The guard applies only to the sites the cutover policy names, unless skipped.
                }
                else
                {
                    problems.Add($"step {id} needs '{required}' first, and the plan has no such check before it");
                }
            }

            if (steps.Any(s => s.Id == id))
            {
                id += "#" + steps.Count(s => s.Id.StartsWith(id, StringComparison.Ordinal));
            }

            steps.Add(new PlanStep(id, kind, site.Name, host ?? site.HostId, guest, phase, capability, mutating, cap?.NeedsApproval == true && mutating, summary, preconditions));
        }

        foreach (var site in sites)
        {
            Add(StepKind.Connect, site, SshStatus, $"connect to {site.HostId} ({Address(inventory, site.HostId!)}) and verify its host key");
        }

        foreach (var site in doPrecheck ? shutdownOrder : new List<SiteInfo>())
        {
            Add(StepKind.Capture, site, Precheck, $"capture guest state on {site.HostId} (qm list, pct list)", suffix: "precheck");
            if (inventory.OobGuardSites.Contains(site.Name))
            {
                Add(StepKind.OobGuard, site, OobGuard, GuardSummary(inventory, request), suffix: "precheck");
            }
        }

        foreach (var site in doShutdown ? shutdownOrder : new List<SiteInfo>())
        {
            Add(StepKind.Capture, site, Precheck, $"capture guest state on {site.HostId} before shutdown", suffix: "before-shutdown");
            if (inventory.OobGuardSites.Contains(site.Name) && !request.SkipOobGuard)
            {
                Add(StepKind.OobGuard, site, OobGuard, GuardSummary(inventory, request));
            }

            foreach (var vm in site.ShutdownOrder)
            {
                Add(StepKind.ShutdownGuest, site, Shutdown, $"shut down VM {vm} if running (qm shutdown {vm} --timeout {request.ShutdownTimeoutSec}; qm stop {vm} if it ignores that)", guest: vm);
            }

            Add(StepKind.ShutdownRemaining, site, Shutdown, "shut down the running VMs shutdown_order does not name");
            Add(StepKind.ShutdownContainers, site, Shutdown, "shut down the running LXC containers (pct shutdown; pct stop after the timeout)");
            if (request.PowerOff)
            {
                Add(StepKind.PowerOff, site, Shutdown, $"power {site.HostId} off");
            }
        }

        foreach (var site in doStartup ? startupOrder : new List<SiteInfo>())
        {
            if (request.PowerOff && doShutdown)
            {
                Add(StepKind.Reconnect, site, SshStatus, $"wait for {site.HostId} to answer again after the poweroff");
            }

            if (!doShutdown)
            {
                Add(StepKind.Capture, site, Precheck, $"capture guest state on {site.HostId} before startup", suffix: "before-startup");
            }

            foreach (var vm in site.StartupOrder)
            {
                Add(StepKind.StartGuest, site, Startup, $"start VM {vm} if it was running before (qm start {vm})", guest: vm);
            }

            Add(StepKind.StartRemaining, site, Startup, "start the other guests that were running before (VMs, then containers)");
            foreach (var phase in inventory.Phases.Where(p => p.Site == site.Name).OrderBy(p => p.Number))
            {
                var hosts = string.Join("; ", phase.Hosts.Select(h => $"{h.Target}: {Describe(h)}"));
                Add(StepKind.RecoverPhase, site, Recovery, $"recovery phase {phase.Number} '{phase.Label}': {hosts}", phase: phase.Number);
            }
        }

        foreach (var site in doVerify ? startupOrder : new List<SiteInfo>())
        {
            Add(StepKind.Verify, site, RecoveryStatus, $"verify guests on {site.HostId}");
        }

        return new Plan(request, steps, problems);
    }

    private static List<SiteInfo> Ordered(List<SiteInfo> selected, IReadOnlyList<string> order) =>
        selected.OrderBy(s => order.ToList().IndexOf(s.Name) is var i && i >= 0 ? i : int.MaxValue).ToList();

    private static string Address(MaintenanceInventory inventory, string hostId) => inventory.Host(hostId) is { } h ? $"{h.User}@{h.Address}:{h.Port}" : "unknown";

    private static string GuardSummary(MaintenanceInventory inventory, WindowRequest request) =>
        $"OOB guard: {string.Join(", ", inventory.OobEndpoints.Select(e => $"{e.Id} {e.Host}:{e.Port}"))} must answer within {inventory.OobGuardTimeoutSec}s";

    private static string Describe(RecoveryHost h)
    {
        var parts = new List<string>();
        if (h.VmIds.Count > 0)
        {
            parts.Add("start VM " + string.Join(", ", h.VmIds));
        }

        if (h.Stacks.Count > 0)
        {
            parts.Add("compose up " + string.Join(", ", h.Stacks));
        }

        parts.Add($"wait ≥{h.WaitAfterSec}s" + (h.HealthProbes.Count > 0 ? $", probe {string.Join(", ", h.HealthProbes)}" : string.Empty));
        return string.Join(", ", parts);
    }
}
