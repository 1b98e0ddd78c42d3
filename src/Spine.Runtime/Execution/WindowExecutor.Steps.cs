using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>What each kind of step does.</summary>
public sealed partial class WindowExecutor
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);

    private StepResult Connect(PlanStep step)
    {
        var host = HostOf(step.HostId!);
        if (_shells.TryGetValue(host.Id, out var old))
        {
            old.Dispose();
            _shells.Remove(host.Id);
        }

        _shells[host.Id] = _options.Connect(host);
        var how = host.HostKey is null ? "known_hosts" : "pinned " + host.HostKey;
        return StepResult.Ok($"connected to {host.User}@{host.Address}:{host.Port}; host key verified ({how})");
    }

    private StepResult Reconnect(PlanStep step)
    {
        if (!Execute)
        {
            return StepResult.Dry($"would wait up to {_options.HostWait.TotalSeconds:0}s for {step.HostId} to answer");
        }

        var deadline = Stopwatch.StartNew();
        HostUnavailableException? last = null;
        while (deadline.Elapsed < _options.HostWait)
        {
            try
            {
                return Connect(step);
            }
            catch (HostUnavailableException ex) when (!ex.HostKeyRefused)
            {
                last = ex;
                Thread.Sleep(_options.PollInterval);
            }
        }

        throw last ?? new HostUnavailableException(step.HostId!, "did not answer in time", false);
    }

    private StepResult Capture(PlanStep step, JournalStep record)
    {
        var session = Session(step.HostId!, record);
        if (!session.Connected)
        {
            return StepResult.Skip($"{step.HostId} is not connected");
        }

        var guests = session.Guests()!;
        _lastSeen[step.Site] = guests;
        record.GuestsAfter = guests.Select(GuestRecord.From).ToList();
        if (step.Id.EndsWith("/before-shutdown", StringComparison.Ordinal) && !_journal.Before.ContainsKey(step.Site))
        {
            _journal.Before[step.Site] = record.GuestsAfter;
        }

        var running = guests.Where(g => g.IsRunning).ToList();
        return StepResult.Ok($"{running.Count} running ({string.Join(", ", running.Select(g => $"{(g.Kind == GuestKind.Vm ? "VM" : "CT")} {g.Id}"))}), {guests.Count - running.Count} not running");
    }

    private StepResult Guard(PlanStep step)
    {
        var timeout = TimeSpan.FromSeconds(Math.Max(1, _inventory.OobGuardTimeoutSec));
        var failed = _inventory.OobEndpoints.Where(e => !Probes.TcpAccepts(e.Host, e.Port, timeout)).ToList();
        if (failed.Count == 0)
        {
            return StepResult.Ok($"{_inventory.OobEndpoints.Count} out-of-band endpoint(s) answer");
        }

        var what = $"OOB guard failed: {string.Join(", ", failed.Select(e => $"{e.Id} {e.Host}:{e.Port}"))} did not answer";
        if (_options.DriftWarnOnly)
        {
            return StepResult.Ok($"ADVISORY (drift_gate_mode=warn): {what}; continuing");
        }

        return Execute
            ? StepResult.Stop($"{what}; drift_gate_mode=fail stops the window before {step.Site} shuts down (--skip-oob-guard overrides)")
            : StepResult.Dry($"{what}; under drift_gate_mode=fail an executed window would stop here");
    }

    private StepResult ShutdownGuest(PlanStep step, JournalStep record)
    {
        var session = Session(step.HostId!, record);
        var guest = new Guest(step.GuestId!.Value, GuestKind.Vm, string.Empty, "unknown");
        if (!Execute)
        {
            if (_lastSeen.TryGetValue(step.Site, out var seen) && !seen.Any(g => g.Id == guest.Id && g.IsRunning))
            {
                return StepResult.Skip($"VM {guest.Id} is not running");
            }

            session.Run(ProxmoxCommand.Shutdown(guest, _plan.Request.ShutdownTimeoutSec), TimeSpan.Zero);
            return StepResult.Dry($"VM {guest.Id} would be shut down");
        }

        var status = StatusOrAbsent(session, guest);
        if (status != "running")
        {
            return StepResult.Skip(status is null ? $"VM {guest.Id} does not exist on {step.HostId}" : $"VM {guest.Id} is {status}");
        }

        record.GuestsBefore = new List<GuestRecord> { GuestRecord.From(guest with { Status = status }) };
        var how = StopGuest(session, guest);
        record.GuestsAfter = new List<GuestRecord> { GuestRecord.From(guest with { Status = "stopped" }) };
        return StepResult.Ok($"VM {guest.Id} {how}");
    }

    private StepResult ShutdownRemaining(PlanStep step, JournalStep record, GuestKind kind)
    {
        var session = Session(step.HostId!, record);
        var site = _inventory.Site(step.Site)!;
        var what = kind == GuestKind.Vm ? "VMs outside shutdown_order" : "containers";
        if (!Execute)
        {
            if (!_lastSeen.TryGetValue(step.Site, out var seen))
            {
                return StepResult.Dry($"the running {what} (known once {step.HostId} is reachable) would be shut down");
            }

            var would = seen.Where(g => g.Kind == kind && g.IsRunning && (kind == GuestKind.Container || !site.ShutdownOrder.Contains(g.Id))).ToList();
            foreach (var g in would)
            {
                session.Run(ProxmoxCommand.Shutdown(g, _plan.Request.ShutdownTimeoutSec), TimeSpan.Zero);
            }

            return would.Count == 0 ? StepResult.Skip($"no running {what}") : StepResult.Dry($"{would.Count} would be shut down");
        }

        var guests = session.Guests()!;
        var running = guests.Where(g => g.Kind == kind && g.IsRunning && (kind == GuestKind.Container || !site.ShutdownOrder.Contains(g.Id))).ToList();
        record.GuestsBefore = running.Select(GuestRecord.From).ToList();
        var done = new List<string>();
        foreach (var guest in running)
        {
            done.Add($"{guest.Id} {StopGuest(session, guest)}");
        }

        record.GuestsAfter = running.Select(g => GuestRecord.From(g with { Status = "stopped" })).ToList();
        return running.Count == 0 ? StepResult.Skip($"no running {what}") : StepResult.Ok(string.Join("; ", done));
    }

    private StepResult PowerOff(PlanStep step, JournalStep record)
    {
        var session = Session(step.HostId!, record);
        if (!Execute)
        {
            session.Run(ProxmoxCommand.PowerOff(), TimeSpan.Zero);
            return StepResult.Dry($"{step.HostId} would be powered off");
        }

        try
        {
            session.Run(ProxmoxCommand.PowerOff(), TimeSpan.FromSeconds(30));
        }
        catch (ConnectionLostException)
        {
            // The host went down under us, as asked.
        }

        if (_shells.Remove(step.HostId!, out var shell))
        {
            shell.Dispose();
        }

        return StepResult.Ok($"{step.HostId} is powering off");
    }

    private StepResult StartGuest(PlanStep step, JournalStep record)
    {
        var session = Session(step.HostId!, record);
        var guest = new Guest(step.GuestId!.Value, GuestKind.Vm, string.Empty, "unknown");
        var restore = RestoreSet(step.Site);
        if (restore != null && !restore.Contains((GuestKind.Vm, guest.Id)))
        {
            return StepResult.Skip($"VM {guest.Id} was not running before the shutdown");
        }

        if (!Execute)
        {
            session.Run(ProxmoxCommand.Start(guest), TimeSpan.Zero);
            return StepResult.Dry($"VM {guest.Id} would be started");
        }

        var status = StatusOrAbsent(session, guest);
        if (status is null)
        {
            return StepResult.Fail($"VM {guest.Id} does not exist on {step.HostId}");
        }

        if (status == "running")
        {
            return StepResult.Skip($"VM {guest.Id} is already running");
        }

        StartAndWait(session, guest);
        record.GuestsAfter = new List<GuestRecord> { GuestRecord.From(guest with { Status = "running" }) };
        return StepResult.Ok($"VM {guest.Id} is running");
    }

    private StepResult StartRemaining(PlanStep step, JournalStep record)
    {
        var restore = RestoreSet(step.Site);
        if (restore is null)
        {
            return StepResult.Skip("no state captured before a shutdown: only startup_order is started");
        }

        var site = _inventory.Site(step.Site)!;
        var before = _journal.Before[step.Site].Select(r => r.ToGuest()).Where(g => g.IsRunning).ToList();
        var others = before.Where(g => g.Kind == GuestKind.Container || !site.StartupOrder.Contains(g.Id)).OrderBy(g => g.Kind).ThenBy(g => g.Id).ToList();
        if (others.Count == 0)
        {
            return StepResult.Skip("no other guest was running before");
        }

        var session = Session(step.HostId!, record);
        if (!Execute)
        {
            foreach (var g in others)
            {
                session.Run(ProxmoxCommand.Start(g), TimeSpan.Zero);
            }

            return StepResult.Dry($"{others.Count} would be started");
        }

        var started = new List<string>();
        foreach (var guest in others)
        {
            if (StatusOrAbsent(session, guest) == "running")
            {
                continue;
            }

            StartAndWait(session, guest);
            started.Add($"{(guest.Kind == GuestKind.Vm ? "VM" : "CT")} {guest.Id}");
        }

        return started.Count == 0 ? StepResult.Skip("all were already running") : StepResult.Ok("started " + string.Join(", ", started));
    }

    private StepResult Verify(PlanStep step, JournalStep record)
    {
        var session = Session(step.HostId!, record);
        if (!session.Connected)
        {
            return Execute ? StepResult.Fail($"{step.HostId} is not connected") : StepResult.Skip($"{step.HostId} is not connected");
        }

        var guests = session.Guests()!;
        _lastSeen[step.Site] = guests;
        record.GuestsAfter = guests.Select(GuestRecord.From).ToList();
        var site = _inventory.Site(step.Site)!;
        var restore = RestoreSet(step.Site);
        var expected = restore?.ToList() ?? site.StartupOrder.Select(id => (GuestKind.Vm, id)).ToList();
        var down = expected.Where(e => !guests.Any(g => g.Kind == e.Item1 && g.Id == e.Item2 && g.IsRunning)).ToList();
        if (down.Count == 0)
        {
            return StepResult.Ok($"all {expected.Count} expected guest(s) run");
        }

        var what = "not running: " + string.Join(", ", down.Select(d => $"{(d.Item1 == GuestKind.Vm ? "VM" : "CT")} {d.Item2}"));
        return Execute ? StepResult.Fail(what) : StepResult.Dry(what);
    }

    /// <summary>Guests (kind, id) running before this window's first shutdown, or null when none was captured.</summary>
    private HashSet<(GuestKind, int)>? RestoreSet(string site) =>
        _journal.Before.TryGetValue(site, out var before)
            ? before.Select(r => r.ToGuest()).Where(g => g.IsRunning).Select(g => (g.Kind, g.Id)).ToHashSet()
            : null;

    /// <summary>The guest's status, or null when Proxmox has no such guest.</summary>
    private static string? StatusOrAbsent(HostSession session, Guest guest)
    {
        try
        {
            return session.Status(guest);
        }
        catch (StepFailedException ex) when (ex.Message.Contains("does not exist", StringComparison.Ordinal) || ex.Message.Contains("no such", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    /// <summary>
    /// Graceful shutdown with the window's timeout, then — when the guest is still up (it ignored the
    /// request, or HA only queued it) — poll, and force-stop after the timeout.
    /// </summary>
    private string StopGuest(HostSession session, Guest guest)
    {
        var timeout = _plan.Request.ShutdownTimeoutSec;
        var graceful = RunWaiting(session, ProxmoxCommand.Shutdown(guest, timeout), TimeSpan.FromSeconds(timeout) + StopGrace, $"graceful shutdown of {(guest.Kind == GuestKind.Vm ? "VM" : "CT")} {guest.Id}");
        if (graceful.Ok && WaitFor(session, guest, "stopped", TimeSpan.FromSeconds(timeout)))
        {
            return "shut down gracefully";
        }

        var reason = graceful.Ok ? $"still running {timeout}s after the shutdown request" : $"graceful shutdown failed (exit {graceful.ExitCode}: {graceful.Error.Trim()})";
        var forced = session.Run(ProxmoxCommand.Stop(guest), StopGrace)!;
        if (!forced.Ok && StatusOrAbsent(session, guest) != "stopped")
        {
            throw new StepFailedException($"{guest.Kind} {guest.Id}: {reason}; forced stop failed too (exit {forced.ExitCode}: {forced.Error.Trim()})");
        }

        if (!WaitFor(session, guest, "stopped", StopGrace))
        {
            throw new StepFailedException($"{guest.Kind} {guest.Id}: {reason}; still running after a forced stop");
        }

        return $"force-stopped ({reason})";
    }

    private void StartAndWait(HostSession session, Guest guest)
    {
        var result = session.Run(ProxmoxCommand.Start(guest), StopGrace)!;
        if (!result.Ok && StatusOrAbsent(session, guest) != "running")
        {
            throw new StepFailedException($"{(guest.Kind == GuestKind.Vm ? "qm" : "pct")} start {guest.Id} failed (exit {result.ExitCode}): {result.Error.Trim()}");
        }

        if (!WaitFor(session, guest, "running", StopGrace))
        {
            throw new StepFailedException($"{guest.Kind} {guest.Id} is not running {StopGrace.TotalSeconds:0}s after start");
        }
    }

    /// <summary>A long blocking command (a graceful shutdown waits up to its timeout) with the progress display meanwhile.</summary>
    private RemoteResult RunWaiting(HostSession session, ProxmoxCommand command, TimeSpan timeout, string what)
    {
        var running = System.Threading.Tasks.Task.Run(() => session.Run(command, timeout));
        WaitProgress.Until(Out, what, timeout, TimeSpan.FromMilliseconds(200), () => running.IsCompleted);
        return running.GetAwaiter().GetResult()!;
    }

    /// <summary>Polls the guest's status until it is <paramref name="wanted"/> or the time is up.</summary>
    private bool WaitFor(HostSession session, Guest guest, string wanted, TimeSpan limit) =>
        WaitProgress.Until(Out, $"waiting for {(guest.Kind == GuestKind.Vm ? "VM" : "CT")} {guest.Id} to be {wanted}", limit, _options.PollInterval, () => StatusOrAbsent(session, guest) == wanted);
}
