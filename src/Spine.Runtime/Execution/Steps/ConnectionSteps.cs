using System;
using System.Diagnostics;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution.Steps;

/// <summary>ssh.target.status: connect and verify the host key (pinned, else known_hosts). A refused key is a stop in every mode.</summary>
internal sealed class ConnectStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var host = window.HostOf(step.HostId!);
        window.Connected(host.Id, window.Options.Connect(host, window.Options.Signals.Abort));
        var how = host.HostKey is null ? "known_hosts" : "pinned " + host.HostKey;
        return StepResult.Ok($"connected to {host.User}@{host.Address}:{host.Port}; host key verified ({how})");
    }
}

/// <summary>
/// After --poweroff: wait until the host answers again with its verified key (the PowerOff step already saw it go down),
/// then take its host-side lock again. Until then nothing starts on it.
/// </summary>
internal sealed class ReconnectStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var limit = TimeSpan.FromSeconds(window.Request.HostWaitSec);
        if (!window.Execute)
        {
            return StepResult.Dry($"would wait up to {limit.TotalSeconds:0}s for {step.HostId} to answer with its verified key");
        }

        var host = window.HostOf(step.HostId!);
        var watch = Stopwatch.StartNew();
        HostUnavailableException? last = null;
        var connected = WaitProgress.Until(window.Out, $"waiting for {host.Id} to answer again", limit, window.Options.PollInterval, () =>
        {
            try
            {
                window.Connected(host.Id, window.Options.Connect(host, window.Options.Signals.Abort));
                return true;
            }
            catch (HostUnavailableException ex) when (!ex.HostKeyRefused)
            {
                last = ex;
                return false;
            }
        }, window.Options.Signals.Abort);
        window.Options.Signals.Abort.ThrowIfCancellationRequested();
        if (!connected)
        {
            return StepResult.Fail($"{host.Id} did not answer within {limit.TotalSeconds:0}s after its poweroff ({last?.Reason ?? "no answer"}); nothing was started on it");
        }

        window.Down.Remove(host.Id);
        if (window.Locks.TakeRemote(step.Site, window.Shell(host.Id)!) is { } busy)
        {
            return StepResult.Stop(busy);
        }

        return StepResult.Ok($"{host.Id} answers again after {watch.Elapsed.TotalSeconds:0}s; host key verified; lock taken again");
    }
}

/// <summary>
/// --poweroff: power the host off, then wait until it really stops answering (SSH refused or timing out) — a host that is
/// still going down must never get a startup step.
/// </summary>
internal sealed class PowerOffStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var session = window.Session(step.HostId!, attempt);
        if (!window.Execute)
        {
            session.Run(ProxmoxCommand.PowerOff(), TimeSpan.Zero);
            return StepResult.Dry($"{step.HostId} would be powered off; the window would wait until it stops answering");
        }

        try
        {
            session.Run(ProxmoxCommand.PowerOff(), TimeSpan.FromSeconds(30));
        }
        catch (ConnectionLostException)
        {
            // The host went down under us, as asked.
        }

        // The host-side lock goes down with the host; start watching at once.
        window.Locks.Lost(step.Site);
        window.Disconnect(step.HostId!);
        window.Down.Add(step.HostId!);
        var host = window.HostOf(step.HostId!);
        var limit = TimeSpan.FromSeconds(window.Request.HostWaitSec);
        var watch = Stopwatch.StartNew();
        var probe = TimeSpan.FromSeconds(Math.Clamp(host.ConnectTimeoutSec, 1, 5));
        var down = WaitProgress.Until(window.Out, $"waiting for {host.Id} to stop answering", limit, window.Options.PollInterval, () => !Probes.TcpAccepts(host.Address, host.Port, probe), window.Options.Signals.Abort);
        window.Options.Signals.Abort.ThrowIfCancellationRequested();
        attempt.Commands.Add(new JournalCommand(DateTime.UtcNow, "local", $"tcp probe {host.Address}:{host.Port} until it stops answering", false, true, down ? 0 : 1, down ? $"down after {watch.Elapsed.TotalSeconds:0.0}s" : "still answering", null));
        return down
            ? StepResult.Ok($"{host.Id} is powered off (stopped answering after {watch.Elapsed.TotalSeconds:0.0}s)")
            : StepResult.Fail($"{host.Id} still answers {limit.TotalSeconds:0}s after poweroff; nothing will be started on it");
    }
}
