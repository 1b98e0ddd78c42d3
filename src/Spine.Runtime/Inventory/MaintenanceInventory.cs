using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Spine.Runtime.Inventory;

/// <summary>A Proxmox site: its host and, when declared, its guests and orders (v3 lifecycle; a v2 spine has none).</summary>
public sealed record SiteInfo(string Name, string? HostId, bool HasLifecycle, IReadOnlyList<int> Active, IReadOnlyList<int> Destroyed, IReadOnlyList<int> Templates, IReadOnlyList<int> StartupOrder, IReadOnlyList<int> ShutdownOrder)
{
    /// <summary>Destroyed and template ids: never started, stopped or counted as missing.</summary>
    public bool IsUntouchable(int id) => Destroyed.Contains(id) || Templates.Contains(id);
}

/// <summary>An SSH target with the binding's defaults applied.</summary>
public sealed record HostInfo(string Id, string Address, string User, int Port, int ConnectTimeoutSec, string? HostKey);

public sealed record RecoveryHost(string Target, IReadOnlyList<string> Stacks, IReadOnlyList<int> VmIds, int WaitAfterSec, IReadOnlyList<string> HealthProbes);

public sealed record RecoveryPhase(int Number, string Site, string? Label, IReadOnlyList<RecoveryHost> Hosts);

public sealed record OobEndpointInfo(string Id, string Host, int Port);

public sealed record ComposeStackInfo(string Target, string SshTarget, string Name, string Path);

/// <summary>A capability as the runtime needs it: approval, safety, preconditions, and the command it can run locally.</summary>
public sealed record CapabilityInfo(string Name, string? Approval, string? Safety, IReadOnlyList<string> Requires, string? Command, string? Cwd)
{
    public bool NeedsApproval => Approval != "auto";

    public bool IsReadOnly => Safety == "read-only";
}

/// <summary>A guest the spine tracks (vm.lifecycle.yaml): its kind is what a dry run knows without asking a host.</summary>
public sealed record KnownGuest(int Id, string? Name, string? ProxmoxHost, string? SshTarget, string? Status, bool IsContainer);

/// <summary>
/// What a maintenance window needs to know about a spine, from the bindings loaded at run time
/// (<see cref="WorkspaceInventory"/>) or compiled in (<see cref="GeneratedInventory"/>). <see cref="Root"/> is the spine
/// folder (null when compiled in): preconditions run their commands there.
/// </summary>
public sealed record MaintenanceInventory(
    string Source,
    string? Root,
    IReadOnlyList<SiteInfo> Sites,
    IReadOnlyDictionary<string, HostInfo> Hosts,
    IReadOnlyList<RecoveryPhase> Phases,
    IReadOnlyList<string> CrossSiteShutdown,
    IReadOnlyList<string> CrossSiteStartup,
    bool OobGuardDeclared,
    IReadOnlyList<string> OobGuardSites,
    int OobGuardTimeoutSec,
    IReadOnlyList<OobEndpointInfo> OobEndpoints,
    IReadOnlyList<ComposeStackInfo> ComposeStacks,
    IReadOnlyDictionary<string, CapabilityInfo> Capabilities,
    IReadOnlyDictionary<int, KnownGuest> Guests,
    string? DefaultIdentityFile,
    string? DefaultKnownHostsFile)
{
    public SiteInfo? Site(string name) => Sites.FirstOrDefault(s => s.Name == name);

    public HostInfo? Host(string id) => Hosts.TryGetValue(id, out var host) ? host : null;

    public CapabilityInfo? Capability(string name) => Capabilities.TryGetValue(name, out var c) ? c : null;

    public KnownGuest? Guest(int id) => Guests.TryGetValue(id, out var g) ? g : null;

    /// <summary>
    /// A fingerprint of what the window reads (sites, orders, hosts, guests, phases): a shutdown journal restores a
    /// startup only for the same maintenance data.
    /// </summary>
    public string Digest
    {
        get
        {
            var text = new StringBuilder();
            foreach (var s in Sites)
            {
                text.Append("site ").Append(s.Name).Append(' ').Append(s.HostId).Append(' ').Append(string.Join(',', s.Active)).Append('|').Append(string.Join(',', s.Destroyed))
                    .Append('|').Append(string.Join(',', s.Templates)).Append('|').Append(string.Join(',', s.StartupOrder)).Append('|').Append(string.Join(',', s.ShutdownOrder)).Append('\n');
            }

            foreach (var h in Hosts.Values.OrderBy(h => h.Id, StringComparer.Ordinal))
            {
                text.Append("host ").Append(h.Id).Append(' ').Append(h.Address).Append(':').Append(h.Port).Append('\n');
            }

            foreach (var g in Guests.Values.OrderBy(g => g.Id))
            {
                text.Append("guest ").Append(g.Id).Append(' ').Append(g.IsContainer ? "ct" : "vm").Append('\n');
            }

            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
        }
    }

    /// <summary>The capability's requires, transitively, in dependency order (a precondition before what needs it).</summary>
    public IReadOnlyList<string> Preconditions(string capability)
    {
        var result = new List<string>();
        void Visit(string name, HashSet<string> path)
        {
            if (!Capabilities.TryGetValue(name, out var cap) || !path.Add(name))
            {
                return;
            }

            foreach (var required in cap.Requires)
            {
                Visit(required, path);
                if (!result.Contains(required, StringComparer.Ordinal))
                {
                    result.Add(required);
                }
            }

            path.Remove(name);
        }

        Visit(capability, new HashSet<string>(StringComparer.Ordinal));
        return result;
    }
}

/// <summary>
/// Which Proxmox host serves a site, from the data alone: the site's <c>host_id</c> (v3 lifecycle); else the host a
/// phase of the site starts VMs on (a phase host with <c>vm_ids</c>); else the one Proxmox host of the guests that the
/// site's phases bring up (vm.lifecycle.yaml's <c>proxmox_host</c> of the guest named by each phase host).
/// </summary>
public static class SiteHosts
{
    public static string? Resolve(string site, string? lifecycleHost, IReadOnlyList<RecoveryPhase> phases, IReadOnlyDictionary<int, KnownGuest> guests)
    {
        if (lifecycleHost != null)
        {
            return lifecycleHost;
        }

        var hosts = phases.Where(p => p.Site == site).SelectMany(p => p.Hosts).ToList();
        var starters = hosts.Where(h => h.VmIds.Count > 0).Select(h => h.Target).Distinct(StringComparer.Ordinal).ToList();
        if (starters.Count == 1)
        {
            return starters[0];
        }

        var fromGuests = hosts
            .Select(h => guests.Values.FirstOrDefault(g => g.Name == h.Target || g.SshTarget == h.Target)?.ProxmoxHost)
            .Where(h => h != null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return fromGuests.Count == 1 ? fromGuests[0] : null;
    }

    /// <summary>A v2 site's active guests: vm.lifecycle.yaml's active guests on its host.</summary>
    public static IReadOnlyList<int> ActiveOn(string? host, IReadOnlyDictionary<int, KnownGuest> guests) =>
        host is null ? Array.Empty<int>() : guests.Values.Where(g => g.ProxmoxHost == host && g.Status == "active").Select(g => g.Id).OrderBy(i => i).ToList();
}
