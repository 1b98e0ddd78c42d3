using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Model;
using Spine.Model.Bindings;

namespace Spine.Runtime.Inventory;

/// <summary>A spine loaded at run time: the inventory from the bindings.</summary>
public static class WorkspaceInventory
{
    public static MaintenanceInventory Load(SpineWorkspace ws, string source)
    {
        static List<int> Ints(EquatableArray<Located<int>> v) => v.Select(x => x.Value).ToList();
        var seq = ws.Sequencing;
        var guests = (ws.Guests?.Guests ?? EquatableArray<TrackedGuest>.Empty)
            .GroupBy(g => g.Id.Value)
            .ToDictionary(g => g.Key, g => g.First() is var t ? new KnownGuest(t.Id.Value, t.Hostname?.Value, t.ProxmoxHost?.Value, t.SshTarget?.Value, t.Status?.Value, t.IsContainer) : null!);

        var phases = (seq?.Phases ?? EquatableArray<Phase>.Empty)
            .Where(p => p.Number != null && p.Site != null)
            .Select(p => new RecoveryPhase(p.Number!.Value.Value, p.Site!.Value.Value, p.Label?.Value, p.Hosts.Where(h => h.Target != null)
                .Select(h => new RecoveryHost(h.Target!.Value.Value, h.Stacks.Select(s => s.Value).ToList(), Ints(h.VmIds), h.WaitAfterSec?.Value ?? 0, h.HealthProbes.Select(x => x.Value).ToList())).ToList()))
            .ToList();

        var sites = (seq?.KnownSites ?? StartupSequencing.DefaultSites).Select(name =>
        {
            var l = seq?.Lifecycle(name);
            var host = SiteHosts.Resolve(name, l?.HostId?.Value, phases, guests);
            return l is null
                ? new SiteInfo(name, host, false, SiteHosts.ActiveOn(host, guests), Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>())
                : new SiteInfo(name, host, true, Ints(l.ActiveVmIds), Ints(l.DestroyedVmIds), Ints(l.TemplateVmIds), Ints(l.StartupOrder), Ints(l.ShutdownOrder));
        }).ToList();

        var d = ws.SshTargets?.Defaults;
        var hosts = (ws.SshTargets?.Targets ?? EquatableArray<SshTarget>.Empty)
            .GroupBy(t => t.Id.Value)
            .ToDictionary(g => g.Key, g =>
            {
                var t = g.First();
                return new HostInfo(t.Id.Value, t.Host?.Value ?? string.Empty, ws.SshTargets!.UserOf(t), ws.SshTargets.PortOf(t), ws.SshTargets.ConnectTimeoutOf(t), t.HostKey?.Value);
            });

        var guard = ws.NetworkCutover?.OobGuard;
        return new MaintenanceInventory(
            source,
            ws.Root,
            sites,
            hosts,
            phases,
            seq?.ShutdownSiteOrder ?? StartupSequencing.DefaultShutdownSiteOrder,
            seq?.StartupSiteOrder ?? StartupSequencing.DefaultStartupSiteOrder,
            guard != null,
            guard?.Sites.Select(s => s.Value).ToList() ?? new List<string>(),
            guard?.TimeoutSec?.Value ?? NetworkCutoverPolicy.DefaultTimeoutSec,
            (guard?.Endpoints ?? EquatableArray<OobEndpoint>.Empty).Where(e => e.Id != null && e.Host != null && e.Port != null)
                .Select(e => new OobEndpointInfo(e.Id!.Value.Value, e.Host!.Value.Value, e.Port!.Value.Value)).ToList(),
            (ws.ComposeTargets?.Targets ?? EquatableArray<ComposeTarget>.Empty).Where(t => t.Enabled)
                .SelectMany(t => t.Stacks.Where(s => s.Name != null && s.Path != null).Select(s => new ComposeStackInfo(t.Id.Value, t.SshTarget?.Value ?? t.Id.Value, s.Name!.Value.Value, s.Path!.Value.Value))).ToList(),
            (ws.Capabilities?.Capabilities ?? EquatableArray<Capability>.Empty)
                .GroupBy(c => c.Name.Value)
                .ToDictionary(g => g.Key, g =>
                {
                    var c = g.First();
                    return new CapabilityInfo(g.Key, c.Approval?.Value, c.Safety?.Value, c.Requires.Select(r => r.Value).ToList(), c.Command?.Value, c.Cwd?.Value);
                }),
            guests,
            d?.IdentityFile?.Value,
            d?.KnownHostsFile?.Value);
    }
}
