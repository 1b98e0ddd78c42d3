using System;
using System.Diagnostics;
using System.Linq;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Execution.Steps;

/// <summary>
/// infra.post_power.recovery for one phase: its VMs (those to be restored), its compose stacks, then its readiness
/// probes with a deadline (wait_after_sec is the minimum; HTTP below 500, 401 included, means alive).
/// </summary>
internal sealed class RecoverPhaseStep : IWindowStep
{
    public StepResult Run(PlanStep step, StepAttempt attempt, WindowContext window)
    {
        var phase = window.Inventory.Phases.First(p => p.Site == step.Site && p.Number == step.Phase);
        var deadline = TimeSpan.FromSeconds(window.Request.ProbeDeadlineSec);
        var restore = window.RestoreSet(step.Site);
        var done = new System.Collections.Generic.List<string>();
        foreach (var host in phase.Hosts)
        {
            var watch = Stopwatch.StartNew();
            foreach (var vm in host.VmIds.Where(v => restore?.Any(g => g.Id == v) ?? false))
            {
                var started = StartRestStep.StartOne(step, attempt, window, vm, GuestKind.Vm);
                if (started.Outcome == StepOutcome.Failed)
                {
                    return started;
                }
            }

            if (host.Stacks.Count > 0)
            {
                var target = TargetSession(window, host.Target, attempt);
                foreach (var stack in host.Stacks)
                {
                    var compose = window.Inventory.ComposeStacks.FirstOrDefault(c => (c.Target == host.Target || c.SshTarget == host.Target) && c.Name == stack);
                    if (compose is null)
                    {
                        done.Add($"{host.Target}: stack '{stack}' has no enabled compose target (docker.compose.targets.yaml); not started");
                        continue;
                    }

                    var result = target.Run(ProxmoxCommand.ComposeUp(compose.Path), TimeSpan.FromMinutes(10));
                    if (result is { Ok: false })
                    {
                        throw new StepFailedException($"docker compose up -d for '{stack}' on {host.Target} failed (exit {result.ExitCode}): {result.Error.Trim()}");
                    }
                }
            }

            if (!window.Execute)
            {
                done.Add($"{host.Target}: would wait ≥{host.WaitAfterSec}s" + (host.HealthProbes.Count > 0 ? $" then probe {string.Join(", ", host.HealthProbes)} (deadline {deadline.TotalSeconds:0}s)" : string.Empty));
                continue;
            }

            var minimum = TimeSpan.FromSeconds(host.WaitAfterSec);
            WaitProgress.Until(window.Out, $"waiting {host.WaitAfterSec}s after {host.Target}", minimum, TimeSpan.FromMilliseconds(Math.Min(200, window.Options.PollInterval.TotalMilliseconds)), () => watch.Elapsed >= minimum, window.Options.Signals.Abort);
            window.Options.Signals.Abort.ThrowIfCancellationRequested();
            foreach (var url in host.HealthProbes)
            {
                done.Add($"{host.Target}: {Probe(window, url, minimum + deadline, watch)}");
            }

            if (host.HealthProbes.Count == 0)
            {
                done.Add($"{host.Target}: up (waited {watch.Elapsed.TotalSeconds:0}s)");
            }
        }

        return window.Execute ? StepResult.Ok(string.Join("; ", done)) : StepResult.Dry(string.Join("; ", done));
    }

    private static string Probe(WindowContext window, string url, TimeSpan limit, Stopwatch watch)
    {
        var last = string.Empty;
        var alive = WaitProgress.Until(window.Out, $"probing {url}", limit - watch.Elapsed, window.Options.PollInterval, () =>
        {
            var (ok, detail) = Probes.HttpAlive(url, window.Options.Signals.Abort);
            last = detail;
            return ok;
        }, window.Options.Signals.Abort);
        window.Options.Signals.Abort.ThrowIfCancellationRequested();
        return alive
            ? $"{url} alive ({last}) after {watch.Elapsed.TotalSeconds:0}s"
            : throw new StepFailedException($"{url} not ready within {limit.TotalSeconds:0}s ({last})");
    }

    /// <summary>A recovery target (a VM with compose stacks): connected when its phase runs, since it is down before.</summary>
    private static HostSession TargetSession(WindowContext window, string target, StepAttempt attempt)
    {
        if (window.Execute && !window.IsConnected(target))
        {
            window.Connected(target, window.Options.Connect(window.HostOf(target), window.Options.Signals.Abort));
        }

        return window.Session(target, attempt);
    }
}
