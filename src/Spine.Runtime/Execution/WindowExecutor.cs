using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Cli;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>
/// Walks a plan, step by step, journaling each. The same code prints a dry run and executes a real
/// window: in a dry run only read-only commands are sent and every mutating one is printed instead.
/// A failed step stops the window (exit 1); a failed precondition, policy stop or refused host stops
/// it before anything else changes (exit 2); Ctrl-C stops between steps. Either way the last known
/// state of each guest is printed and the journal stays consistent for --resume.
/// </summary>
public sealed partial class WindowExecutor
{
    private readonly MaintenanceInventory _inventory;
    private readonly Plan _plan;
    private readonly Journal _journal;
    private readonly ExecutionOptions _options;
    private readonly Dictionary<string, IRemoteShell> _shells = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Guest>> _lastSeen = new(StringComparer.Ordinal);

    public WindowExecutor(MaintenanceInventory inventory, Plan plan, Journal journal, ExecutionOptions options)
    {
        _inventory = inventory;
        _plan = plan;
        _journal = journal;
        _options = options;
    }

    private System.IO.TextWriter Out => _options.Output;

    private bool Execute => _options.Execute;

    public int Run()
    {
        try
        {
            return Walk();
        }
        finally
        {
            foreach (var shell in _shells.Values)
            {
                shell.Dispose();
            }
        }
    }

    private int Walk()
    {
        if (Execute && !_plan.Request.Approve && _plan.Steps.FirstOrDefault(s => s.NeedsApproval) is { } manual)
        {
            Out.WriteLine($"stop: capability '{manual.Capability}' needs manual approval (approval: {_inventory.Capability(manual.Capability)?.Approval}); rerun with --approve. Nothing was changed.");
            return Finish("stopped", ExitCodes.Stop);
        }

        var total = _plan.Steps.Count;
        for (var i = 0; i < total; i++)
        {
            var step = _plan.Steps[i];
            var record = _journal.Step(step.Id);
            if (_options.Cancellation.IsCancellationRequested)
            {
                Out.WriteLine($"interrupted before {step.Id}: the journal is consistent; continue with --resume {_journal.Path}");
                ReportStates();
                return Finish("interrupted", ExitCodes.Failed);
            }

            var label = $"[{(i + 1).ToString().PadLeft(total.ToString().Length)}/{total}] {step.Id}";
            if (record.Finished && step.Kind is not (StepKind.Connect or StepKind.Reconnect))
            {
                Out.WriteLine($"{label}  done earlier ({record.Outcome}): {record.Detail}");
                continue;
            }

            var mark = step.Mutating ? (Execute ? "CHANGE" : "would change") : "read-only";
            var approval = step.NeedsApproval ? " [manual approval]" : string.Empty;
            Out.WriteLine($"{label}  {step.Summary}  ({mark}{approval})");

            record.Started = DateTime.UtcNow;
            record.Commands.Clear();
            var result = Guarded(step, record);
            record.Outcome = result.Word;
            record.Detail = result.Detail;
            record.Ended = DateTime.UtcNow;
            _journal.Save();
            Out.WriteLine($"        -> {result.Word}: {result.Detail}");

            if (result.Outcome == StepOutcome.Failed)
            {
                Out.WriteLine($"failed: {step.Id}. The window stopped here; fix the cause and continue with --resume {_journal.Path}");
                ReportStates();
                return Finish("failed", ExitCodes.Failed);
            }

            if (result.Outcome == StepOutcome.Stopped)
            {
                Out.WriteLine($"stop: {step.Id}: {result.Detail}");
                ReportStates();
                return Finish("stopped", ExitCodes.Stop);
            }
        }

        var unreachable = _journal.Steps.Where(s => s.Outcome == "unreachable").ToList();
        if (!Execute)
        {
            Out.WriteLine(unreachable.Count == 0
                ? "dry run complete: nothing was changed. Run again with --execute to apply."
                : $"dry run complete: nothing was changed. Read-only prechecks could not reach: {string.Join(", ", unreachable.Select(s => $"{s.Host} ({s.Detail})"))}.");
        }

        return Finish("completed", ExitCodes.Ok);
    }

    private StepResult Guarded(PlanStep step, JournalStep record)
    {
        var unmet = step.Preconditions.Select(_journal.Step).Where(p => p.Outcome is not ("ok" or "dry-run")).ToList();
        if (unmet.Count > 0)
        {
            var why = string.Join(", ", unmet.Select(p => $"{p.Id} {p.Outcome}"));
            if (Execute)
            {
                return StepResult.Stop($"precondition not met: {why}");
            }

            if (!step.Mutating)
            {
                return StepResult.Skip($"precondition not met ({why}); not checked");
            }
        }

        try
        {
            return Run(step, record);
        }
        catch (HostUnavailableException ex)
        {
            return Execute ? StepResult.Stop(ex.Reason) : new StepResult(StepOutcome.Unreachable, ex.Reason);
        }
        catch (ConnectionLostException ex)
        {
            _shells.Remove(ex.HostId, out var lost);
            lost?.Dispose();
            return StepResult.Fail(ex.Message);
        }
        catch (StepFailedException ex)
        {
            return StepResult.Fail(ex.Message);
        }
        catch (FormatException ex)
        {
            return StepResult.Fail("unexpected Proxmox output: " + ex.Message);
        }
    }

    private StepResult Run(PlanStep step, JournalStep record) => step.Kind switch
    {
        StepKind.Connect => Connect(step),
        StepKind.Reconnect => Reconnect(step),
        StepKind.Capture => Capture(step, record),
        StepKind.OobGuard => Guard(step),
        StepKind.ShutdownGuest => ShutdownGuest(step, record),
        StepKind.ShutdownRemaining => ShutdownRemaining(step, record, GuestKind.Vm),
        StepKind.ShutdownContainers => ShutdownRemaining(step, record, GuestKind.Container),
        StepKind.PowerOff => PowerOff(step, record),
        StepKind.StartGuest => StartGuest(step, record),
        StepKind.StartRemaining => StartRemaining(step, record),
        StepKind.RecoverPhase => Recover(step, record),
        StepKind.Verify => Verify(step, record),
        _ => StepResult.Fail($"no executor for {step.Kind}"),
    };

    private HostSession Session(string hostId, JournalStep record) =>
        new(hostId, _shells.TryGetValue(hostId, out var shell) ? shell : null, Execute, record, Out);

    private HostInfo HostOf(string hostId) => _inventory.Host(hostId) ?? throw new StepFailedException($"'{hostId}' is not an SSH target");

    private int Finish(string status, int code)
    {
        _journal.Status = status;
        _journal.Save();
        Out.WriteLine($"journal: {_journal.Path}");
        return code;
    }

    /// <summary>Says what state each guest is in, as last seen (refreshed where a connection is still up).</summary>
    private void ReportStates()
    {
        foreach (var site in _plan.Request.Sites)
        {
            var hostId = _inventory.Site(site)?.HostId;
            if (hostId is null)
            {
                continue;
            }

            var scratch = new JournalStep { Id = "report" };
            try
            {
                if (_shells.ContainsKey(hostId) && Session(hostId, scratch).Guests() is { } fresh)
                {
                    _lastSeen[site] = fresh;
                }
            }
            catch (Exception ex) when (ex is ConnectionLostException or StepFailedException or FormatException)
            {
                // Keep what was last seen.
            }

            Out.WriteLine(_lastSeen.TryGetValue(site, out var guests)
                ? $"state of {site} ({hostId}): {Describe(guests)}"
                : $"state of {site} ({hostId}): unknown (never captured in this run)");
        }
    }

    private static string Describe(IEnumerable<Guest> guests)
    {
        var list = guests.ToList();
        return list.Count == 0 ? "no guests" : string.Join("; ", list.Select(g => g.ToString()));
    }
}
