using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Build.Verification;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Execution.Steps;

/// <summary>
/// infra.proxmox.maintenance.precheck: the host's own inventory (qm list, pct list) — the source of every guest's kind
/// and state in this window. Before a shutdown it is compared with the data: an active guest the host does not list,
/// or an empty list where the data expects guests, stops an executed window before anything changes (--accept-capture
/// goes on anyway). The first capture before a shutdown is what a later startup restores.
/// </summary>
internal sealed class CaptureStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var session = window.Session(step.HostId!, attempt);
        if (!session.Connected)
        {
            return window.Execute ? StepResult.Fail($"{step.HostId} is not connected") : StepResult.Skip($"{step.HostId} is not connected");
        }

        var guests = session.Guests();
        var now = DateTime.UtcNow;
        window.Captures[step.Site] = new HostCapture(guests, now);
        attempt.GuestsAfter = guests.Select(GuestRecord.From).ToList();
        var running = guests.Where(g => g.IsRunning).ToList();
        var summary = $"{running.Count} running ({string.Join(", ", running.Select(g => g.Label))}), {guests.Count - running.Count} not running";
        if (!step.Id.EndsWith("/before-shutdown", StringComparison.Ordinal))
        {
            return StepResult.Ok(summary + KindNotes(step.Site, guests, window));
        }

        if (!window.Journal.Before.ContainsKey(step.Site))
        {
            window.Journal.Before[step.Site] = new SiteCapture(step.HostId!, now, attempt.GuestsAfter);
        }

        var site = window.Site(step.Site);
        var expected = site.Active.Where(id => !site.IsUntouchable(id)).ToList();
        var listed = guests.Select(g => g.Id).ToHashSet();
        var missing = expected.Where(id => !listed.Contains(id)).ToList();
        if (missing.Count == 0)
        {
            return StepResult.Ok(summary + KindNotes(step.Site, guests, window));
        }

        var what = guests.Count == 0
            ? $"{step.HostId} lists no guest at all, where the data expects {expected.Count} ({string.Join(", ", expected)})"
            : $"{step.HostId} lists neither as VM nor as container the active guest(s) {string.Join(", ", missing)} of {step.Site}";
        if (!window.Execute)
        {
            return StepResult.Ok($"{summary}; WARNING: {what}; an executed window would stop here (--accept-capture goes on)");
        }

        return window.Request.AcceptCapture
            ? StepResult.Ok($"{summary}; {what}; accepted (--accept-capture)")
            : StepResult.Stop($"{what}. The capture does not match the data, so nothing was changed: check the host, or pass --accept-capture to go on with what the host lists");
    }

    /// <summary>Where the data says another kind than the host lists: the host decides, and the note says so.</summary>
    private static string KindNotes(string site, IReadOnlyList<Guest> guests, WindowContext window)
    {
        var notes = guests
            .Where(g => window.Inventory.Guest(g.Id) is { } known && known.IsContainer != (g.Kind == GuestKind.Container))
            .Select(g => $"{g.Id} is a {(g.Kind == GuestKind.Vm ? "VM" : "container")} on the host, a {(g.Kind == GuestKind.Vm ? "container" : "VM")} in vm.lifecycle.yaml")
            .ToList();
        return notes.Count == 0 ? string.Empty : $"; the host decides: {string.Join("; ", notes)}";
    }
}

/// <summary>network.oob.guard.status as the spine's cutover policy declares it: the out-of-band endpoints accept a TCP connection.</summary>
internal sealed class OobGuardStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var inventory = window.Inventory;
        var timeout = TimeSpan.FromSeconds(Math.Max(1, inventory.OobGuardTimeoutSec));
        var failed = new List<string>();
        foreach (var e in inventory.OobEndpoints)
        {
            var ok = Probes.TcpAccepts(e.Host, e.Port, timeout);
            attempt.Commands.Add(new JournalCommand(DateTime.UtcNow, "local", $"tcp probe {e.Id} {e.Host}:{e.Port}", false, true, ok ? 0 : 1, ok ? "accepts" : "no answer", null));
            if (!ok)
            {
                failed.Add($"{e.Id} {e.Host}:{e.Port}");
            }
        }

        if (failed.Count == 0)
        {
            return StepResult.Ok($"{inventory.OobEndpoints.Count} out-of-band endpoint(s) answer");
        }

        var what = $"OOB guard failed: {string.Join(", ", failed)} did not answer";
        if (step.Id.EndsWith("/precheck", StringComparison.Ordinal))
        {
            return StepResult.CheckFailed(what);
        }

        if (window.Options.DriftWarnOnly)
        {
            return StepResult.Ok($"ADVISORY (drift_gate_mode=warn): {what}; continuing");
        }

        return window.Execute
            ? StepResult.Stop($"{what}; drift_gate_mode=fail stops the window before {step.Site} shuts down (--skip-oob-guard overrides)")
            : StepResult.CheckFailed($"{what}; under drift_gate_mode=fail an executed window would stop here");
    }
}

/// <summary>
/// A required capability Spine does not check natively, whose command is read-only and present under the spine root:
/// run it from there (its cwd, with SPINE_ROOT and SPINE_CODE set to the root), with a timeout; exit 0 means met. Its
/// output goes into the journal. A mutating capability is never run as a precondition (the planner never plans one).
/// </summary>
internal sealed class PreconditionStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var capability = window.Inventory.Capability(step.Capability)!;
        var command = PreconditionCommand.Parse(window.Inventory.Root!, capability)!;
        var run = ScriptProcess.Run(window.Inventory.Root!, command.Program, command.Arguments, command.WorkingDirectory, ExecutionOptions.PreconditionTimeout, window.Options.Signals.Abort);
        var output = run.Output.Trim();
        attempt.Commands.Add(new JournalCommand(DateTime.UtcNow, "local", capability.Command!, false, true, run.ExitCode, output.Length > 4000 ? output[..4000] : output, null));
        window.Options.Signals.Abort.ThrowIfCancellationRequested();
        var tail = output.Length == 0 ? string.Empty : ": " + string.Join(" | ", output.Split('\n').TakeLast(3).Select(l => l.Trim()));
        if (run.Ending == ScriptEnding.Exited && run.ExitCode == 0)
        {
            return StepResult.Ok($"{step.Capability} is met (exit 0){tail}");
        }

        var why = run.Ending == ScriptEnding.TimedOut ? $"timed out after {ExecutionOptions.PreconditionTimeout.TotalSeconds:0}s" : $"exit {run.ExitCode}";
        return window.Execute
            ? StepResult.Stop($"precondition {step.Capability} is not met ({why}){tail}")
            : StepResult.CheckFailed($"precondition {step.Capability} is not met ({why}){tail}");
    }
}

/// <summary>A precondition's command split into a program under the spine root and plain arguments, or why it cannot run.</summary>
public sealed record PreconditionCommand(string Program, string[] Arguments, string WorkingDirectory)
{
    private static readonly System.Text.RegularExpressions.Regex PlainArgument = new("^[A-Za-z0-9_./=:,@+-]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Null when the command cannot be run here; see <see cref="Why"/>.</summary>
    public static PreconditionCommand? Parse(string root, Inventory.CapabilityInfo capability) => Try(root, capability, out _);

    /// <summary>Why the capability's command cannot be run as a precondition, or null when it can.</summary>
    public static string? Why(string root, Inventory.CapabilityInfo capability)
    {
        Try(root, capability, out var why);
        return why;
    }

    private static PreconditionCommand? Try(string root, Inventory.CapabilityInfo capability, out string? why)
    {
        var words = (capability.Command ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            why = "it declares no command";
            return null;
        }

        if (!words[0].StartsWith("./", StringComparison.Ordinal))
        {
            why = $"its command '{words[0]}' is not a program under the spine root (./…)";
            return null;
        }

        var program = Path.GetFullPath(Path.Combine(root, words[0][2..]));
        if (!program.StartsWith(Path.GetFullPath(root).TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            why = $"its command {words[0]} points outside the spine root";
            return null;
        }

        if (!File.Exists(program))
        {
            why = $"its command {words[0]} is not under the spine root";
            return null;
        }

        if (words.Skip(1).FirstOrDefault(a => !PlainArgument.IsMatch(a)) is { } odd)
        {
            why = $"its command has the argument '{odd}', which needs a shell; Spine runs no shell string";
            return null;
        }

        var cwd = (capability.Cwd ?? "$SPINE_CODE").Replace("$SPINE_CODE", root, StringComparison.Ordinal).Replace("$SPINE_ROOT", root, StringComparison.Ordinal).Trim('"');
        var workingDirectory = Directory.Exists(cwd) ? cwd : root;
        why = null;
        return new PreconditionCommand(program, words.Skip(1).ToArray(), workingDirectory);
    }
}

/// <summary>infra.post_power.recovery.status: the guests that should run do.</summary>
internal sealed class VerifyStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var session = window.Session(step.HostId!, attempt);
        if (!session.Connected)
        {
            return window.Execute ? StepResult.Fail($"{step.HostId} is not connected") : StepResult.Skip($"{step.HostId} is not connected");
        }

        var guests = session.Guests();
        window.Captures[step.Site] = new HostCapture(guests, DateTime.UtcNow);
        attempt.GuestsAfter = guests.Select(GuestRecord.From).ToList();
        var expected = window.RestoreSet(step.Site) ?? Array.Empty<Guest>();
        var down = expected.Where(e => !guests.Any(g => g.Id == e.Id && g.IsRunning)).ToList();
        if (down.Count == 0)
        {
            return StepResult.Ok($"all {expected.Count} guest(s) to be running run");
        }

        var what = "not running: " + string.Join(", ", down.Select(d => guests.FirstOrDefault(g => g.Id == d.Id)?.Label ?? $"guest {d.Id} (not on the host)"));
        return window.Execute ? StepResult.Fail(what) : StepResult.Dry(what);
    }
}

/// <summary>The end of a site's shutdown: every guest it planned to stop (running at the capture) is down now.</summary>
internal sealed class VerifyDownStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var session = window.Session(step.HostId!, attempt);
        var planned = window.Journal.Before.TryGetValue(step.Site, out var before)
            ? before.Guests.Select(g => g.ToGuest()).Where(g => g.IsRunning && !window.Site(step.Site).IsUntouchable(g.Id)).ToList()
            : new List<Guest>();
        if (!window.Execute)
        {
            return StepResult.Dry($"would check that {planned.Count} guest(s) are down");
        }

        var guests = session.Guests();
        window.Captures[step.Site] = new HostCapture(guests, DateTime.UtcNow);
        attempt.GuestsAfter = guests.Select(GuestRecord.From).ToList();
        var up = guests.Where(g => g.IsRunning && !window.Site(step.Site).IsUntouchable(g.Id)).ToList();
        return up.Count == 0
            ? StepResult.Ok($"all {planned.Count} guest(s) that ran are down")
            : StepResult.Fail($"still up after the shutdown: {string.Join(", ", up.Select(g => g.Label))}");
    }
}
