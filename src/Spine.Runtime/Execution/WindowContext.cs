using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>What a site's host listed, and when: the window's source for each guest's kind and last known state.</summary>
internal sealed record HostCapture(IReadOnlyList<Guest> Guests, DateTime At)
{
    public Guest? Find(int id) => Guests.FirstOrDefault(g => g.Id == id);
}

/// <summary>The state a window's steps share: connections, the latest capture per site, the restore sets, the locks.</summary>
internal sealed class WindowContext
{
    private readonly Dictionary<string, IRemoteShell> _shells = new(StringComparer.Ordinal);

    public WindowContext(MaintenanceInventory inventory, Plan plan, Journal journal, ExecutionOptions options)
    {
        Inventory = inventory;
        Plan = plan;
        Journal = journal;
        Options = options;
        Locks = new WindowLocks(options.LockDirectory, $"{journal.Id}/{Sanitize(journal.Operator)}/{journal.Started:yyyy-MM-ddTHH:mm:ssZ}");
    }

    public MaintenanceInventory Inventory { get; }

    public Plan Plan { get; }

    public Journal Journal { get; }

    public ExecutionOptions Options { get; }

    public WindowLocks Locks { get; }

    public bool Execute => Options.Execute;

    public WindowRequest Request => Plan.Request;

    public System.IO.TextWriter Out => Options.Output;

    /// <summary>The latest capture of each site (this run's; a resumed window captures again).</summary>
    public Dictionary<string, HostCapture> Captures { get; } = new(StringComparer.Ordinal);

    /// <summary>Hosts powered off by this window that have not answered again yet: nothing starts on them.</summary>
    public HashSet<string> Down { get; } = new(StringComparer.Ordinal);

    public SiteInfo Site(string name) => Inventory.Site(name)!;

    public HostInfo HostOf(string hostId) => Inventory.Host(hostId) ?? throw new StepFailedException($"'{hostId}' is not an SSH target");

    public bool IsConnected(string hostId) => _shells.ContainsKey(hostId);

    public IRemoteShell? Shell(string hostId) => _shells.TryGetValue(hostId, out var shell) ? shell : null;

    public void Connected(string hostId, IRemoteShell shell)
    {
        Disconnect(hostId);
        _shells[hostId] = shell;
    }

    public void Disconnect(string hostId)
    {
        if (_shells.Remove(hostId, out var old))
        {
            old.Dispose();
        }
    }

    public HostSession Session(string hostId, StepAttempt attempt) =>
        new(hostId, Shell(hostId), Execute, attempt, Out, Options.Signals.Abort);

    /// <summary>
    /// A guest's kind: from the host's own inventory as captured in this run; in a dry run without a host, from the data
    /// (vm.lifecycle.yaml); null when nobody knows (the plan says "VM or container").
    /// </summary>
    public GuestKind? KindOf(string site, int id)
    {
        if (Captures.TryGetValue(site, out var capture))
        {
            return capture.Find(id)?.Kind;
        }

        if (Journal.Before.TryGetValue(site, out var before) && before.Guests.FirstOrDefault(g => g.Id == id) is { } known)
        {
            return known.ToGuest().Kind;
        }

        return Inventory.Guest(id) is { } g ? (g.IsContainer ? GuestKind.Container : GuestKind.Vm) : null;
    }

    /// <summary>
    /// The guests a startup brings back on a site: those running in the capture before the shutdown (this window's, or
    /// the restored journal's), or — when the operator said so — startup_order. Null: nothing says what to restore.
    /// </summary>
    public IReadOnlyList<Guest>? RestoreSet(string siteName)
    {
        var site = Site(siteName);
        if (Request.Restore == RestoreSource.StartupOrder)
        {
            return site.StartupOrder.Where(id => !site.IsUntouchable(id))
                .Select(id => new Guest(id, KindOf(siteName, id) ?? GuestKind.Vm, string.Empty, GuestStatus.Running)).ToList();
        }

        return Journal.Before.TryGetValue(siteName, out var before)
            ? before.Guests.Select(r => r.ToGuest()).Where(g => g.IsRunning && !site.IsUntouchable(g.Id)).ToList()
            : null;
    }

    public void DisposeConnections()
    {
        foreach (var shell in _shells.Values)
        {
            shell.Dispose();
        }

        _shells.Clear();
    }

    private static string Sanitize(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_').ToArray());
}

/// <summary>One kind of step: observe the current state, compare with what the step wants, act on the difference, verify.</summary>
internal interface IWindowStep
{
    StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window);
}
