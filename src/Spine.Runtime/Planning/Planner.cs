using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Inventory;

namespace Spine.Runtime.Planning;

/// <summary>
/// Builds the plan of a maintenance window from the spine's data, with the seed's semantics: sites shut down in
/// cross_site_order.shutdown (shop → home) and start in cross_site_order.startup (home → shop); per site the state is
/// captured, the OOB guard runs before a guarded site's shutdown, guests stop in shutdown_order, then the other running
/// VMs, then containers, and a check that all are down; optional poweroff; guests start in startup_order, then the other
/// guests of the restore set; recovery phases in order; verify. Destroyed and template ids are never planned.
/// The capabilities' requires become preconditions: natively checked (SSH, the OOB guard), run as the spine's own
/// read-only command, or unchecked. Pure: no I/O (the caller says which capabilities can be run).
/// </summary>
public static class Planner
{
    public const string Precheck = "infra.proxmox.maintenance.precheck";
    public const string Shutdown = "infra.proxmox.maintenance.shutdown";
    public const string Startup = "infra.proxmox.maintenance.startup";
    public const string Recovery = "infra.post_power.recovery";
    public const string RecoveryStatus = "infra.post_power.recovery.status";
    public const string SshStatus = "ssh.target.status";
    public const string OobGuard = "network.oob.guard.status";

    /// <summary>Whether a capability's command can run here, and if not, why (null: it can).</summary>
    public delegate string? RunnableCheck(CapabilityInfo capability);

    public static Plan Build(MaintenanceInventory inventory, WindowRequest request, RunnableCheck? runnable = null)
    {
        runnable ??= _ => "the spine is compiled in, so its commands are not here to run";
        var problems = new List<string>();
        var sites = new List<SiteInfo>();
        foreach (var name in request.Sites)
        {
            var site = inventory.Site(name);
            if (site is null)
            {
                problems.Add($"unknown site '{name}' (the spine declares {string.Join(", ", inventory.Sites.Select(s => s.Name))})");
            }
            else if (site.HostId is null)
            {
                problems.Add($"site '{name}' has no Proxmox host: startup.sequencing.yaml needs {name}_vm_lifecycle.host_id, or a phase of the site that starts vm_ids on its host");
            }
            else if (inventory.Host(site.HostId) is null)
            {
                problems.Add($"site '{name}''s host '{site.HostId}' is not an SSH target of ssh.targets.yaml");
            }
            else
            {
                sites.Add(site);
            }
        }

        if (problems.Count > 0)
        {
            return new Plan(request, Array.Empty<PlanStep>(), problems, Array.Empty<UncheckedPrecondition>());
        }

        var builder = new StepList(inventory, request);
        builder.Build(sites);
        return builder.Finish(runnable);
    }

    /// <summary>Guest words for a plan made without a host: the data's kind, or the host decides.</summary>
    public static string Describe(MaintenanceInventory inventory, int id) => inventory.Guest(id) switch
    {
        { IsContainer: true } => $"CT {id}",
        { IsContainer: false } => $"VM {id}",
        _ => $"guest {id} (VM or container: decided from the host's inventory)",
    };

    /// <summary>The steps in order; preconditions are worked out at the end, once every capability the window runs is known.</summary>
    private sealed class StepList
    {
        private readonly MaintenanceInventory _inventory;
        private readonly WindowRequest _request;
        private readonly List<PlanStep> _steps = new();

        public StepList(MaintenanceInventory inventory, WindowRequest request)
        {
            _inventory = inventory;
            _request = request;
        }

        private bool GuardApplies(SiteInfo site) => _inventory.OobGuardDeclared && _inventory.OobGuardSites.Contains(site.Name);

        public void Build(List<SiteInfo> sites)
        {
            var mode = _request.Mode;
            var doPrecheck = mode is WindowMode.Precheck or WindowMode.Full;
            var doShutdown = mode is WindowMode.Shutdown or WindowMode.Full;
            var doStartup = mode is WindowMode.Startup or WindowMode.Full;
            var doVerify = mode is WindowMode.Verify or WindowMode.Startup or WindowMode.Full;
            var shutdownOrder = Ordered(sites, _inventory.CrossSiteShutdown);
            var startupOrder = Ordered(sites, _inventory.CrossSiteStartup);
            var timeout = _request.ShutdownTimeoutSec;

            foreach (var site in sites)
            {
                Add(StepKind.Connect, site, SshStatus, $"connect to {site.HostId} ({Address(site.HostId!)}) and verify its host key");
            }

            foreach (var site in doPrecheck ? shutdownOrder : new List<SiteInfo>())
            {
                Add(StepKind.Capture, site, Precheck, $"capture the guests on {site.HostId} (qm list, pct list)", suffix: "precheck");
                if (GuardApplies(site))
                {
                    Add(StepKind.OobGuard, site, OobGuard, GuardSummary(), suffix: "precheck");
                }
            }

            foreach (var site in doShutdown ? shutdownOrder : new List<SiteInfo>())
            {
                Add(StepKind.Capture, site, Precheck, $"capture the guests on {site.HostId} before the shutdown and compare them with active_vm_ids", suffix: "before-shutdown");
                if (GuardApplies(site) && !_request.SkipOobGuard)
                {
                    Add(StepKind.OobGuard, site, OobGuard, GuardSummary());
                }

                foreach (var id in site.ShutdownOrder.Where(i => !site.IsUntouchable(i)))
                {
                    Add(StepKind.ShutdownGuest, site, Shutdown, $"shut down {Planner.Describe(_inventory, id)} if it runs (shutdown --timeout {timeout}, stop after the timeout)", guest: id);
                }

                Add(StepKind.ShutdownRemaining, site, Shutdown, "shut down the running VMs that shutdown_order does not name");
                Add(StepKind.ShutdownContainers, site, Shutdown, "shut down the running LXC containers (pct shutdown; pct stop after the timeout)");
                Add(StepKind.VerifyDown, site, Shutdown, $"check that every guest the shutdown stopped on {site.HostId} is down");
                if (_request.PowerOff)
                {
                    Add(StepKind.PowerOff, site, Shutdown, $"power {site.HostId} off and wait until it stops answering (up to {_request.HostWaitSec}s)");
                }
            }

            foreach (var site in doStartup ? startupOrder : new List<SiteInfo>())
            {
                if (_request.PowerOff && doShutdown)
                {
                    Add(StepKind.Reconnect, site, SshStatus, $"wait for {site.HostId} to answer again with its verified key (up to {_request.HostWaitSec}s)");
                }

                if (!doShutdown)
                {
                    Add(StepKind.Capture, site, Precheck, $"capture the guests on {site.HostId} before the startup", suffix: "before-startup");
                }

                foreach (var id in site.StartupOrder.Where(i => !site.IsUntouchable(i)))
                {
                    Add(StepKind.StartGuest, site, Startup, $"start {Planner.Describe(_inventory, id)} if it is to be restored", guest: id);
                }

                Add(StepKind.StartRemaining, site, Startup, "start the other guests to be restored (VMs, then containers)");
                foreach (var phase in _inventory.Phases.Where(p => p.Site == site.Name).OrderBy(p => p.Number))
                {
                    var hosts = string.Join("; ", phase.Hosts.Select(h => $"{h.Target}: {Describe(h)}"));
                    Add(StepKind.RecoverPhase, site, Recovery, $"recovery phase {phase.Number} '{phase.Label}': {hosts}", phase: phase.Number);
                }
            }

            foreach (var site in doVerify ? startupOrder : new List<SiteInfo>())
            {
                Add(StepKind.Verify, site, RecoveryStatus, $"verify that the guests to be running on {site.HostId} run");
            }
        }

        /// <summary>Preconditions: native checks become step dependencies, the rest run once as the spine's own command, or stay unchecked.</summary>
        public Plan Finish(RunnableCheck runnable)
        {
            var needs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var capability in _steps.Select(s => s.Capability).Distinct())
            {
                foreach (var required in _inventory.Preconditions(capability))
                {
                    if (!needs.TryGetValue(required, out var by))
                    {
                        needs[required] = by = new List<string>();
                    }

                    by.Add(capability);
                }
            }

            var unchecked_ = new List<UncheckedPrecondition>();
            var preconditionSteps = new List<PlanStep>();
            foreach (var (required, by) in needs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (required == SshStatus || (required == OobGuard && _inventory.OobGuardDeclared))
                {
                    continue;
                }

                var capability = _inventory.Capability(required);
                var reason = capability is null ? "no such capability" : !capability.IsReadOnly ? $"it is {capability.Safety ?? "not declared read-only"}, and a precondition is never run unless read-only" : runnable(capability);
                if (reason is null)
                {
                    preconditionSteps.Add(new PlanStep($"precondition/{required}", StepKind.Precondition, string.Empty, null, null, null, required, false, false, $"run {required} ({capability!.Command}) from the spine root; exit 0 means met", Array.Empty<string>()));
                }
                else
                {
                    unchecked_.Add(new UncheckedPrecondition(required, reason, by.Distinct().ToList()));
                }
            }

            var connects = _steps.TakeWhile(s => s.Kind == StepKind.Connect).Count();
            var ordered = _steps.Take(connects).Concat(preconditionSteps).Concat(_steps.Skip(connects)).ToList();
            var withPreconditions = ordered.Select(s => s with { Preconditions = PreconditionsOf(s, ordered, needs) }).ToList();
            return new Plan(_request, withPreconditions, Array.Empty<string>(), unchecked_);
        }

        private IReadOnlyList<string> PreconditionsOf(PlanStep step, List<PlanStep> steps, Dictionary<string, List<string>> needs)
        {
            if (step.Kind is StepKind.Connect or StepKind.Precondition)
            {
                return Array.Empty<string>();
            }

            var result = new List<string>();
            foreach (var required in _inventory.Preconditions(step.Capability))
            {
                var at = steps.IndexOf(step);
                var check = required switch
                {
                    SshStatus => steps.Take(at).LastOrDefault(s => s.Kind is StepKind.Connect or StepKind.Reconnect && s.Site == step.Site),
                    OobGuard when _inventory.OobGuardDeclared => steps.Take(at).LastOrDefault(s => s.Kind == StepKind.OobGuard && s.Site == step.Site),
                    _ => steps.FirstOrDefault(s => s.Kind == StepKind.Precondition && s.Capability == required),
                };
                if (check != null && !result.Contains(check.Id))
                {
                    result.Add(check.Id);
                }
            }

            return result;
        }

        private void Add(StepKind kind, SiteInfo site, string capability, string summary, int? guest = null, int? phase = null, string? suffix = null)
        {
            var id = $"{site.Name}/{kind.ToString().ToLowerInvariant()}" + (guest is { } g ? "/" + g : phase is { } p ? "/" + p : suffix is null ? string.Empty : "/" + suffix);
            var cap = _inventory.Capability(capability);
            var mutating = kind is StepKind.ShutdownGuest or StepKind.ShutdownRemaining or StepKind.ShutdownContainers or StepKind.PowerOff or StepKind.StartGuest or StepKind.StartRemaining or StepKind.RecoverPhase;
            if (_steps.Any(s => s.Id == id))
            {
                id += "#" + _steps.Count(s => s.Id.StartsWith(id, StringComparison.Ordinal));
            }

            _steps.Add(new PlanStep(id, kind, site.Name, site.HostId, guest, phase, capability, mutating, cap?.NeedsApproval == true && mutating, summary, Array.Empty<string>()));
        }

        private string Address(string hostId) => _inventory.Host(hostId) is { } h ? $"{h.User}@{h.Address}:{h.Port}" : "unknown";

        private string GuardSummary() =>
            $"OOB guard: {string.Join(", ", _inventory.OobEndpoints.Select(e => $"{e.Id} {e.Host}:{e.Port}"))} must answer within {_inventory.OobGuardTimeoutSec}s";

        private static List<SiteInfo> Ordered(List<SiteInfo> selected, IReadOnlyList<string> order) =>
            selected.OrderBy(s => order.ToList().IndexOf(s.Name) is var i && i >= 0 ? i : int.MaxValue).ToList();

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
}
