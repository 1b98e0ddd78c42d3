using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Execution.Steps;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>
/// Walks a plan, step by step, journaling every attempt. The same code prints a dry run and executes a real window: in a
/// dry run only read-only commands are sent and every mutating one is printed instead. Before an executed window's first
/// mutation it takes the sites' locks. A failed step stops the window (exit 1); an unchecked precondition, a refused
/// host key, a held lock or a capture that does not match the data stops it before anything else changes (exit 2); a
/// signal stops it after the current step (a second one cancels the current wait). Either way the state of each guest
/// is printed — fresh where the host still answers, else "last known at …" — and the journal is left whole for --resume.
/// </summary>
public sealed class WindowExecutor
{
    /// <summary>Checks a resumed window runs again: a connection, a lock or a guard is only as good as now.</summary>
    private static readonly HashSet<StepKind> AlwaysRerun = new() { StepKind.Connect, StepKind.Reconnect, StepKind.Capture, StepKind.OobGuard, StepKind.Precondition };

    private static readonly Dictionary<StepKind, IWindowStep> Kinds = new()
    {
        [StepKind.Connect] = new ConnectStep(),
        [StepKind.Reconnect] = new ReconnectStep(),
        [StepKind.PowerOff] = new PowerOffStep(),
        [StepKind.Capture] = new CaptureStep(),
        [StepKind.OobGuard] = new OobGuardStep(),
        [StepKind.Precondition] = new PreconditionStep(),
        [StepKind.ShutdownGuest] = new ShutdownGuestStep(),
        [StepKind.ShutdownRemaining] = new ShutdownRestStep(GuestKind.Vm),
        [StepKind.ShutdownContainers] = new ShutdownRestStep(GuestKind.Container),
        [StepKind.VerifyDown] = new VerifyDownStep(),
        [StepKind.StartGuest] = new StartGuestStep(),
        [StepKind.StartRemaining] = new StartRestStep(),
        [StepKind.RecoverPhase] = new RecoverPhaseStep(),
        [StepKind.Verify] = new VerifyStep(),
    };

    private readonly WindowContext _window;
    private bool _locked;

    public WindowExecutor(MaintenanceInventory inventory, Plan plan, Journal journal, ExecutionOptions options) =>
        _window = new WindowContext(inventory, plan, journal, options);

    private System.IO.TextWriter Out => _window.Out;

    private Plan Plan => _window.Plan;

    private Journal Journal => _window.Journal;

    public WindowOutcome Run()
    {
        try
        {
            return Walk();
        }
        finally
        {
            _window.Locks.Dispose();
            _window.DisposeConnections();
        }
    }

    private WindowOutcome Walk()
    {
        if (_window.Execute && Refusal() is { } refusal)
        {
            Out.WriteLine($"stop: {refusal} Nothing was changed.");
            return Finish("stopped", WindowOutcome.Stopped);
        }

        var total = Plan.Steps.Count;
        for (var i = 0; i < total; i++)
        {
            var step = Plan.Steps[i];
            var record = Journal.Step(step.Id);
            if (_window.Options.Signals.Stop.IsCancellationRequested)
            {
                Out.WriteLine($"interrupted ({_window.Options.Signals.First}) before {step.Id}: the journal is consistent; continue with --resume {Journal.Path}");
                Journal.Note("interrupted", $"{_window.Options.Signals.First} before {step.Id}");
                ReportStates();
                return Finish("interrupted", WindowOutcome.Failed);
            }

            var label = $"[{(i + 1).ToString().PadLeft(total.ToString().Length)}/{total}] {step.Id}";
            if (record.Finished && !AlwaysRerun.Contains(step.Kind))
            {
                Out.WriteLine($"{label}  done earlier ({record.Outcome}): {record.Detail}");
                continue;
            }

            var mark = step.Mutating ? (_window.Execute ? "CHANGE" : "would change") : "read-only";
            Out.WriteLine($"{label}  {step.Summary}  ({mark}{(step.NeedsApproval ? ", manual approval" : string.Empty)})");
            if (_window.Execute && step.Mutating && !_locked && TakeLocks() is { } busy)
            {
                Out.WriteLine($"stop: {busy}. Nothing was changed; wait for that window to end.");
                Journal.Note("lock-refused", busy);
                ReportStates();
                return Finish("stopped", WindowOutcome.Stopped);
            }

            var attempt = new StepAttempt { Started = DateTime.UtcNow };
            record.Attempts.Add(attempt);
            Journal.Save();
            var result = Guarded(step, attempt);
            attempt.Outcome = result.Word;
            attempt.Detail = result.Detail;
            attempt.Ended = DateTime.UtcNow;
            Journal.Save();
            Out.WriteLine($"        -> {result.Word}: {result.Detail}");

            switch (result.Outcome)
            {
                case StepOutcome.Failed:
                    Out.WriteLine($"failed: {step.Id}. The window stopped here; fix the cause and continue with --resume {Journal.Path}");
                    ReportStates();
                    return Finish("failed", WindowOutcome.Failed);
                case StepOutcome.Stopped:
                    Out.WriteLine($"stop: {step.Id}: {result.Detail}");
                    ReportStates();
                    return Finish("stopped", WindowOutcome.Stopped);
                case StepOutcome.Interrupted:
                    Out.WriteLine($"interrupted during {step.Id}: resume re-checks its guest; continue with --resume {Journal.Path}");
                    ReportStates();
                    return Finish("interrupted", WindowOutcome.Failed);
            }
        }

        return Summarize();
    }

    /// <summary>What stops an executed window before it connects: an unchecked precondition nobody assumed met, a missing approval.</summary>
    private string? Refusal()
    {
        var unchecked_ = Plan.Unchecked.Where(u => !Plan.Request.AssumeMet.Contains(u.Capability)).ToList();
        if (unchecked_.Count > 0)
        {
            return "these preconditions cannot be checked: " + string.Join("; ", unchecked_.Select(u => $"{u.Capability} ({u.Reason}; required by {string.Join(", ", u.RequiredBy)})"))
                + ". Check them yourself, then name each with --assume-met CAPABILITY.";
        }

        foreach (var assumed in Plan.Request.AssumeMet)
        {
            Journal.Note("assumed-met", $"{assumed}: the operator assumed it met (--assume-met)");
        }

        if (!Plan.Request.Approve && Plan.Steps.FirstOrDefault(s => s.NeedsApproval) is { } manual)
        {
            return $"capability '{manual.Capability}' needs manual approval (approval: {_window.Inventory.Capability(manual.Capability)?.Approval}); rerun with --approve.";
        }

        return null;
    }

    /// <summary>Both locks of every site of the plan, over the connections the Connect steps opened; null when all are held.</summary>
    private string? TakeLocks()
    {
        foreach (var site in Plan.Request.Sites)
        {
            var host = _window.Site(site).HostId!;
            var shell = _window.Shell(host);
            if (shell is null)
            {
                return $"{host} is not connected, so site {site} cannot be locked";
            }

            try
            {
                if (_window.Locks.Take(site, shell) is { } busy)
                {
                    return busy;
                }
            }
            catch (ConnectionLostException ex)
            {
                return $"cannot lock site {site}: {ex.Message}";
            }

            Journal.Note("locked", $"site {site}: {System.IO.Path.Combine(_window.Options.LockDirectory, $"site-{site}.lock")} and {ProxmoxCommand.LockFile(site)} on {host}");
        }

        _locked = true;
        return null;
    }

    private StepResult Guarded(PlanStep step, StepAttempt attempt)
    {
        var unmet = step.Preconditions.Select(Journal.Step).Where(p => p.Outcome is not ("ok" or "dry-run")).ToList();
        if (unmet.Count > 0)
        {
            var why = string.Join(", ", unmet.Select(p => $"{p.Id} {p.Outcome}"));
            if (_window.Execute)
            {
                return StepResult.Stop($"precondition not met: {why}");
            }

            if (!step.Mutating)
            {
                return StepResult.Skip($"precondition not met ({why}); not checked");
            }
        }

        if (_window.Execute && step.HostId is { } host && _window.Down.Contains(host) && step.Kind != StepKind.Reconnect)
        {
            return StepResult.Stop($"{host} was powered off and has not answered again; nothing runs on it");
        }

        try
        {
            return Kinds[step.Kind].Run(step, attempt, _window);
        }
        catch (HostUnavailableException ex) when (ex.HostKeyRefused)
        {
            return StepResult.Stop(ex.Reason);
        }
        catch (HostUnavailableException ex)
        {
            return _window.Execute ? StepResult.Stop(ex.Reason) : new StepResult(StepOutcome.Unreachable, ex.Reason);
        }
        catch (ConnectionLostException ex)
        {
            _window.Disconnect(ex.HostId);
            return StepResult.Fail(ex.Message);
        }
        catch (StepFailedException ex)
        {
            return StepResult.Fail(ex.Message);
        }
        catch (StepStoppedException ex)
        {
            return StepResult.Stop(ex.Message);
        }
        catch (FormatException ex)
        {
            return StepResult.Fail("unexpected Proxmox output: " + ex.Message);
        }
        catch (OperationCanceledException) when (_window.Options.Signals.Abort.IsCancellationRequested)
        {
            return new StepResult(StepOutcome.Interrupted, "cancelled by the operator during the step's wait; its guest is re-checked on resume");
        }
    }

    private WindowOutcome Summarize()
    {
        var unreachable = Journal.Steps.Where(s => s.Outcome == "unreachable").ToList();
        var checkFailed = Journal.Steps.Where(s => s.Outcome == "check-failed").ToList();
        var problems = unreachable.Select(s => $"{s.Host} unreachable ({s.Detail})").Concat(checkFailed.Select(s => $"{s.Id}: {s.Detail}")).ToList();
        foreach (var u in Plan.Unchecked)
        {
            Out.WriteLine(Plan.Request.AssumeMet.Contains(u.Capability)
                ? $"assumed met (--assume-met): {u.Capability}"
                : $"unchecked precondition: {u.Capability} — {u.Reason} (required by {string.Join(", ", u.RequiredBy)}); an executed window needs --assume-met {u.Capability}");
        }

        if (Plan.Request.Mode == WindowMode.Precheck && problems.Count > 0)
        {
            Out.WriteLine($"precheck failed: {string.Join("; ", problems)}.");
            return Finish("failed", WindowOutcome.Failed);
        }

        if (!_window.Execute)
        {
            Out.WriteLine(problems.Count == 0
                ? "dry run complete: nothing was changed. Run again with --execute to apply."
                : $"dry run complete: nothing was changed. Read-only prechecks could not pass: {string.Join("; ", problems)}.");
        }

        return Finish("completed", WindowOutcome.Completed);
    }

    private WindowOutcome Finish(string status, WindowOutcome outcome)
    {
        Journal.Status = status;
        Journal.Note("ended", status);
        Journal.Save();
        Out.WriteLine($"journal: {Journal.Path}");
        return outcome;
    }

    /// <summary>Says what state each guest is in: fresh where the host still answers, else as last seen, with the time.</summary>
    private void ReportStates()
    {
        foreach (var site in Plan.Request.Sites)
        {
            var hostId = _window.Inventory.Site(site)?.HostId;
            if (hostId is null)
            {
                continue;
            }

            if (_window.IsConnected(hostId))
            {
                try
                {
                    var fresh = _window.Session(hostId, new StepAttempt()).Guests();
                    _window.Captures[site] = new HostCapture(fresh, DateTime.UtcNow);
                    Out.WriteLine($"state of {site} ({hostId}) now: {Describe(fresh)}");
                    continue;
                }
                catch (Exception ex) when (ex is ConnectionLostException or StepFailedException or FormatException or OperationCanceledException)
                {
                    // Fall back to what was last seen.
                }
            }

            Out.WriteLine(_window.Captures.TryGetValue(site, out var last)
                ? $"state of {site} ({hostId}), last known at {last.At.ToLocalTime():HH:mm:ss}: {Describe(last.Guests)}"
                : $"state of {site} ({hostId}): unknown (never captured in this run)");
        }
    }

    private static string Describe(IEnumerable<Guest> guests)
    {
        var list = guests.ToList();
        return list.Count == 0 ? "no guests" : string.Join("; ", list.Select(g => g.ToString()));
    }
}
