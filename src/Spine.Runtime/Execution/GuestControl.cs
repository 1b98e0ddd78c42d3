using System;
using System.Threading;
using System.Threading.Tasks;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Execution;

/// <summary>Stopping and starting one guest, each verified by polling its status (HA-managed guests only queue the request).</summary>
internal static class GuestControl
{
    /// <summary>How long a forced stop or a start may take to show.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Graceful shutdown with the window's timeout, then — when the guest is still up (it ignored the request, or HA only
    /// queued it) — poll, and force-stop after the timeout. Returns how it went down.
    /// </summary>
    public static string Stop(WindowContext window, HostSession session, GuestKind kind, int id)
    {
        var label = $"{Kinds.Word(kind)} {id}";
        var timeout = window.Request.ShutdownTimeoutSec;
        var graceful = RunWaiting(window, session, ProxmoxCommand.Shutdown(kind, id, timeout), TimeSpan.FromSeconds(timeout) + Grace, $"graceful shutdown of {label}");
        if (graceful.Ok && WaitFor(window, session, kind, id, GuestStatus.Stopped, TimeSpan.FromSeconds(timeout)))
        {
            return "shut down gracefully";
        }

        var reason = graceful.Ok ? $"still running {timeout}s after the shutdown request" : $"graceful shutdown failed (exit {graceful.ExitCode}: {graceful.Error.Trim()})";
        var forced = session.Run(ProxmoxCommand.Stop(kind, id), Grace)!;
        if (!forced.Ok && session.Status(kind, id) != GuestStatus.Stopped)
        {
            throw new StepFailedException($"{label}: {reason}; forced stop failed too (exit {forced.ExitCode}: {forced.Error.Trim()})");
        }

        if (!WaitFor(window, session, kind, id, GuestStatus.Stopped, Grace))
        {
            throw new StepFailedException($"{label}: {reason}; still running after a forced stop");
        }

        return $"force-stopped ({reason})";
    }

    public static void Start(WindowContext window, HostSession session, GuestKind kind, int id)
    {
        var label = $"{Kinds.Word(kind)} {id}";
        var result = session.Run(ProxmoxCommand.Start(kind, id), Grace)!;
        if (!result.Ok && session.Status(kind, id) != GuestStatus.Running)
        {
            throw new StepFailedException($"{Kinds.Tool(kind)} start {id} failed (exit {result.ExitCode}): {result.Error.Trim()}");
        }

        if (!WaitFor(window, session, kind, id, GuestStatus.Running, Grace))
        {
            throw new StepFailedException($"{label} is not running {Grace.TotalSeconds:0}s after start");
        }
    }

    /// <summary>A long blocking command (a graceful shutdown waits up to its timeout) with the progress display meanwhile.</summary>
    private static Ssh.RemoteResult RunWaiting(WindowContext window, HostSession session, ProxmoxCommand command, TimeSpan timeout, string what)
    {
        var running = Task.Run(() => session.Run(command, timeout));
        WaitProgress.Until(window.Out, what, timeout + TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200), () => running.IsCompleted, window.Options.Signals.Abort);
        window.Options.Signals.Abort.ThrowIfCancellationRequested();
        return running.GetAwaiter().GetResult()!;
    }

    /// <summary>Polls the guest's status until it is <paramref name="wanted"/> or the time is up.</summary>
    private static bool WaitFor(WindowContext window, HostSession session, GuestKind kind, int id, string wanted, TimeSpan limit)
    {
        var reached = WaitProgress.Until(window.Out, $"waiting for {Kinds.Word(kind)} {id} to be {wanted}", limit, window.Options.PollInterval, () => session.Status(kind, id) == wanted, window.Options.Signals.Abort);
        window.Options.Signals.Abort.ThrowIfCancellationRequested();
        return reached;
    }
}
