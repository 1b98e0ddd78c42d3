using System;
using System.Collections.Generic;
using System.Linq;

namespace Spine.Runtime.Inventory;

/// <summary>A Proxmox site: its host and, when declared, its guests and orders.</summary>
public sealed record SiteInfo(string Name, string? HostId, bool HasLifecycle, IReadOnlyList<int> Active, IReadOnlyList<int> Destroyed, IReadOnlyList<int> Templates, IReadOnlyList<int> StartupOrder, IReadOnlyList<int> ShutdownOrder);

/// <summary>An SSH target with the binding's defaults applied.</summary>
public sealed record HostInfo(string Id, string Address, string User, int Port, int ConnectTimeoutSec, string? HostKey);

public sealed record RecoveryHost(string Target, IReadOnlyList<string> Stacks, IReadOnlyList<int> VmIds, int WaitAfterSec, IReadOnlyList<string> HealthProbes);

public sealed record RecoveryPhase(int Number, string Site, string? Label, IReadOnlyList<RecoveryHost> Hosts);

public sealed record OobEndpointInfo(string Id, string Host, int Port);

public sealed record ComposeStackInfo(string Target, string SshTarget, string Name, string Path);

public sealed record CapabilityInfo(string Name, string? Approval, string? Safety, IReadOnlyList<string> Requires)
{
    public bool NeedsApproval => Approval != "auto";
}

/// <summary>
/// What a maintenance window needs to know about a spine. By default it is the compiled-in spine
/// (the generated Spine.Generated types, see <see cref="GeneratedInventory"/>); <c>--root DIR</c>
/// loads another spine at run time (<see cref="WorkspaceInventory"/>).
/// </summary>
public sealed record MaintenanceInventory(
    string Source,
    IReadOnlyList<SiteInfo> Sites,
    IReadOnlyDictionary<string, HostInfo> Hosts,
    IReadOnlyList<RecoveryPhase> Phases,
    IReadOnlyList<string> CrossSiteShutdown,
    IReadOnlyList<string> CrossSiteStartup,
    IReadOnlyList<string> OobGuardSites,
    int OobGuardTimeoutSec,
    IReadOnlyList<OobEndpointInfo> OobEndpoints,
    IReadOnlyList<ComposeStackInfo> ComposeStacks,
    IReadOnlyDictionary<string, CapabilityInfo> Capabilities,
    string? DefaultIdentityFile,
    string? DefaultKnownHostsFile)
{
    public SiteInfo? Site(string name) => Sites.FirstOrDefault(s => s.Name == name);

    public HostInfo? Host(string id) => Hosts.TryGetValue(id, out var host) ? host : null;

    public CapabilityInfo? Capability(string name) => Capabilities.TryGetValue(name, out var c) ? c : null;

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
