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

    public static MaintenanceInventory Load() => new(
        "compiled-in spine",
        SpineMaintenance.Sites.Select(s => new SiteInfo(s.Name, s.HostId, s.HasLifecycle, s.ActiveVmIds, s.DestroyedVmIds, s.TemplateVmIds, s.StartupOrder, s.ShutdownOrder)).ToList(),
        SpineSshTargets.All.ToDictionary(t => t.Id, t => new HostInfo(t.Id, t.Host, t.User, t.Port, t.ConnectTimeoutSec, t.HostKey)),
        SpineMaintenance.Phases.Select(p => new RecoveryPhase(p.Number, p.Site, p.Label, p.Hosts.Select(h => new RecoveryHost(h.Target, h.Stacks, h.VmIds, h.WaitAfterSec, h.HealthProbes)).ToList())).ToList(),
        SpineMaintenance.CrossSiteShutdown,
        SpineMaintenance.CrossSiteStartup,
        SpineMaintenance.OobGuardSites,
        SpineMaintenance.OobGuardTimeoutSec,
        SpineMaintenance.OobGuardEndpoints.Select(e => new OobEndpointInfo(e.Id, e.Host, e.Port)).ToList(),
        SpineMaintenance.ComposeStacks.Select(c => new ComposeStackInfo(c.Target, c.SshTarget, c.Name, c.Path)).ToList(),
        SpineCapabilities.All.ToDictionary(c => c.Name, c => new CapabilityInfo(c.Name, c.Approval, c.Safety, c.RequiresNames)),
        SpineSshTargets.DefaultIdentityFile,
        SpineSshTargets.DefaultKnownHostsFile);
}
