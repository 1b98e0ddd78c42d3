using System.Linq;
using Spine.Generated;

namespace Spine.Runtime.Inventory;

/// <summary>
/// The compiled-in spine, from the generated types. The runtime names the capabilities it executes
/// (<see cref="SpineCapabilities"/>), so removing one from the YAML is a compile error, not a runtime surprise.
/// </summary>
internal static class GeneratedInventory
{
    /// <summary>The capabilities a maintenance window executes or checks.</summary>
    public static readonly SpineCapability[] Used =
    {
        SpineCapabilities.SshTargetStatus,
        SpineCapabilities.NetworkOobGuardStatus,
        SpineCapabilities.InfraProxmoxMaintenancePrecheck,
        SpineCapabilities.InfraProxmoxMaintenanceShutdown,
        SpineCapabilities.InfraProxmoxMaintenanceStartup,
        SpineCapabilities.InfraPostPowerRecovery,
        SpineCapabilities.InfraPostPowerRecoveryStatus,
        SpineCapabilities.InfraMaintenanceWindow,
    };

    public static MaintenanceInventory Load()
    {
        var guests = SpineMaintenance.Guests.GroupBy(g => g.Id).ToDictionary(g => g.Key, g => g.First() is var x ? new KnownGuest(x.Id, x.Name, x.ProxmoxHost, x.SshTarget, x.Status, x.IsContainer) : null!);
        var phases = SpineMaintenance.Phases.Select(p => new RecoveryPhase(p.Number, p.Site, p.Label, p.Hosts.Select(h => new RecoveryHost(h.Target, h.Stacks, h.VmIds, h.WaitAfterSec, h.HealthProbes)).ToList())).ToList();
        return new MaintenanceInventory(
            "compiled in",
            null,
            SpineMaintenance.Sites.Select(s =>
            {
                var host = SiteHosts.Resolve(s.Name, s.HostId, phases, guests);
                return s.HasLifecycle
                    ? new SiteInfo(s.Name, host, true, s.ActiveVmIds, s.DestroyedVmIds, s.TemplateVmIds, s.StartupOrder, s.ShutdownOrder)
                    : new SiteInfo(s.Name, host, false, SiteHosts.ActiveOn(host, guests), s.DestroyedVmIds, s.TemplateVmIds, s.StartupOrder, s.ShutdownOrder);
            }).ToList(),
            SpineSshTargets.All.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First() is var t ? new HostInfo(t.Id, t.Host, t.User, t.Port, t.ConnectTimeoutSec, t.HostKey) : null!),
            phases,
            SpineMaintenance.CrossSiteShutdown,
            SpineMaintenance.CrossSiteStartup,
            SpineMaintenance.OobGuardSites.Count > 0 || SpineMaintenance.OobGuardEndpoints.Count > 0,
            SpineMaintenance.OobGuardSites,
            SpineMaintenance.OobGuardTimeoutSec,
            SpineMaintenance.OobGuardEndpoints.Select(e => new OobEndpointInfo(e.Id, e.Host, e.Port)).ToList(),
            SpineMaintenance.ComposeStacks.Select(c => new ComposeStackInfo(c.Target, c.SshTarget, c.Name, c.Path)).ToList(),
            SpineCapabilities.All.ToDictionary(c => c.Name, c => new CapabilityInfo(c.Name, c.Approval, c.Safety, c.RequiresNames, c.Command, null)),
            guests,
            SpineSshTargets.DefaultIdentityFile,
            SpineSshTargets.DefaultKnownHostsFile);
    }
}
