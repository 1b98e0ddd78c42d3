using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Execution.Steps;

/// <summary>
/// infra.proxmox.maintenance.shutdown for one guest of shutdown_order: its kind from the host's inventory, its state
/// observed now (so a resume never repeats a shutdown blindly), a graceful shutdown, a forced stop after the timeout.
/// </summary>
internal sealed class ShutdownGuestStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var id = step.GuestId!.Value;
        var session = window.Session(step.HostId!, attempt);
        var kind = window.KindOf(step.Site, id);
        if (!window.Execute)
        {
            if (window.Captures.TryGetValue(step.Site, out var capture))
            {
                var guest = capture.Find(id);
                if (guest is null)
                {
                    return StepResult.Skip($"WARNING: guest {id} is active in the data, but {step.HostId} lists it neither as VM nor as container");
                }

                if (!guest.IsRunning)
                {
                    return StepResult.Skip($"{guest.Label} is {guest.Status}");
                }
            }

            if (kind is { } k)
            {
                session.Run(ProxmoxCommand.Shutdown(k, id, window.Request.ShutdownTimeoutSec), TimeSpan.Zero);
                return StepResult.Dry($"{Kinds.Word(k)} {id} would be shut down");
            }

            return StepResult.Dry($"guest {id} would be shut down (qm or pct: decided from the host's inventory)");
        }

        if (kind is null)
        {
            // Not in this run's capture: ask again (a resumed window starts without one).
            window.Captures[step.Site] = new HostCapture(session.Guests(), DateTime.UtcNow);
            kind = window.KindOf(step.Site, id);
            if (kind is null)
            {
                return StepResult.Skip($"guest {id} is not on {step.HostId} (the capture was accepted without it)");
            }
        }

        var status = session.Status(kind.Value, id);
        if (status is null)
        {
            return StepResult.Skip($"{Kinds.Word(kind.Value)} {id} does not exist on {step.HostId}");
        }

        if (!GuestStatus.IsUp(status))
        {
            return StepResult.Skip($"{Kinds.Word(kind.Value)} {id} is {status}");
        }

        attempt.GuestsBefore = new List<GuestRecord> { new(id, kind == GuestKind.Vm ? "vm" : "ct", string.Empty, status) };
        var how = GuestControl.Stop(window, session, kind.Value, id);
        attempt.GuestsAfter = new List<GuestRecord> { new(id, kind == GuestKind.Vm ? "vm" : "ct", string.Empty, GuestStatus.Stopped) };
        return StepResult.Ok($"{Kinds.Word(kind.Value)} {id} {how}");
    }
}

/// <summary>The running guests shutdown_order does not name: the other VMs (one step), then the containers (another).</summary>
internal sealed class ShutdownRestStep : IWindowStep
{
    private readonly GuestKind _kind;

    public ShutdownRestStep(GuestKind kind) => _kind = kind;

    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var session = window.Session(step.HostId!, attempt);
        var site = window.Site(step.Site);
        var what = _kind == GuestKind.Vm ? "VMs outside shutdown_order" : "containers outside shutdown_order";
        bool Targeted(Guest g) => g.Kind == _kind && g.IsRunning && !site.ShutdownOrder.Contains(g.Id) && !site.IsUntouchable(g.Id);
        if (!window.Execute)
        {
            if (!window.Captures.TryGetValue(step.Site, out var capture))
            {
                return StepResult.Dry($"the running {what} (known once {step.HostId} answers) would be shut down");
            }

            var would = capture.Guests.Where(Targeted).ToList();
            foreach (var g in would)
            {
                session.Run(ProxmoxCommand.Shutdown(g.Kind, g.Id, window.Request.ShutdownTimeoutSec), TimeSpan.Zero);
            }

            return would.Count == 0 ? StepResult.Skip($"no running {what}") : StepResult.Dry($"{would.Count} would be shut down");
        }

        var running = session.Guests().Where(Targeted).ToList();
        attempt.GuestsBefore = running.Select(GuestRecord.From).ToList();
        var done = new List<string>();
        foreach (var guest in running)
        {
            done.Add($"{guest.Label} {GuestControl.Stop(window, session, guest.Kind, guest.Id)}");
        }

        attempt.GuestsAfter = running.Select(g => GuestRecord.From(g with { Status = GuestStatus.Stopped })).ToList();
        return running.Count == 0 ? StepResult.Skip($"no running {what}") : StepResult.Ok(string.Join("; ", done));
    }
}

/// <summary>infra.proxmox.maintenance.startup for one guest of startup_order, if it is in the restore set and not running now.</summary>
internal sealed class StartGuestStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var id = step.GuestId!.Value;
        var restore = window.RestoreSet(step.Site);
        if (restore is null)
        {
            return window.Execute
                ? StepResult.Fail($"nothing says which guests of {step.Site} to restore (no capture before its shutdown)")
                : StepResult.Dry($"{Planner.Describe(window.Inventory, id)} would be started if it ran before the shutdown (not known: {step.HostId} was not captured)");
        }

        var wanted = restore.FirstOrDefault(g => g.Id == id);
        if (wanted is null)
        {
            return StepResult.Skip($"guest {id} was not running before the shutdown");
        }

        return StartRestStep.StartOne(step, attempt, window, id, wanted.Kind);
    }
}

/// <summary>The guests of the restore set that startup_order does not name: VMs, then containers.</summary>
internal sealed class StartRestStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var restore = window.RestoreSet(step.Site);
        if (restore is null)
        {
            return window.Execute
                ? StepResult.Fail($"nothing says which guests of {step.Site} to restore (no capture before its shutdown)")
                : StepResult.Dry($"the other guests that ran before the shutdown would be started (not known: {step.HostId} was not captured)");
        }

        var site = window.Site(step.Site);
        var others = restore.Where(g => g.Kind == GuestKind.Container || !site.StartupOrder.Contains(g.Id)).OrderBy(g => g.Kind).ThenBy(g => g.Id).ToList();
        if (others.Count == 0)
        {
            return StepResult.Skip("no other guest is to be restored");
        }

        var results = others.Select(g => StartOne(step, attempt, window, g.Id, g.Kind)).ToList();
        if (results.FirstOrDefault(r => r.Outcome == StepOutcome.Failed) is { } failed)
        {
            return failed;
        }

        var detail = string.Join("; ", results.Select(r => r.Detail));
        return window.Execute ? StepResult.Ok(detail) : StepResult.Dry(detail);
    }

    /// <summary>Starts one guest unless it runs already; a guest the host does not have fails the step.</summary>
    public static StepResult StartOne(PlanStep step, StepAttempt attempt, WindowContext window, int id, GuestKind fromCapture)
    {
        var session = window.Session(step.HostId!, attempt);
        var kind = window.Captures.TryGetValue(step.Site, out var capture) && capture.Find(id) is { } seen ? seen.Kind : fromCapture;
        if (!window.Execute)
        {
            session.Run(ProxmoxCommand.Start(kind, id), TimeSpan.Zero);
            return StepResult.Dry($"{Kinds.Word(kind)} {id} would be started");
        }

        var status = session.Status(kind, id);
        if (status is null)
        {
            return StepResult.Fail($"{Kinds.Word(kind)} {id} is to be restored but {step.HostId} does not have it");
        }

        if (status == GuestStatus.Running)
        {
            return StepResult.Skip($"{Kinds.Word(kind)} {id} is already running");
        }

        GuestControl.Start(window, session, kind, id);
        attempt.GuestsAfter ??= new List<GuestRecord>();
        attempt.GuestsAfter.Add(new GuestRecord(id, kind == GuestKind.Vm ? "vm" : "ct", string.Empty, GuestStatus.Running));
        return StepResult.Ok($"{Kinds.Word(kind)} {id} is running");
    }
}
