using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Execution;

/// <summary>Post-power recovery: a phase's VMs and compose stacks, then readiness probes with a deadline (wait_after_sec is the minimum).</summary>
public sealed partial class WindowExecutor
{
    private StepResult Recover(PlanStep step, JournalStep record)
    {
        var phase = _inventory.Phases.First(p => p.Site == step.Site && p.Number == step.Phase);
        var deadline = TimeSpan.FromSeconds(Math.Max(1, _plan.Request.ProbeDeadlineSec));
        var done = new System.Collections.Generic.List<string>();
        foreach (var host in phase.Hosts)
        {
            var watch = Stopwatch.StartNew();
            if (host.VmIds.Count > 0)
            {
                var proxmox = Session(step.HostId!, record);
                foreach (var vm in host.VmIds)
                {
                    var guest = new Guest(vm, GuestKind.Vm, string.Empty, "unknown");
                    if (!Execute)
                    {
                        proxmox.Run(ProxmoxCommand.Start(guest), TimeSpan.Zero);
                    }
                    else if (StatusOrAbsent(proxmox, guest) != "running")
                    {
                        StartAndWait(proxmox, guest);
                    }
                }
            }

            if (host.Stacks.Count > 0)
            {
                var target = TargetSession(host.Target, record);
                foreach (var stack in host.Stacks)
                {
                    var compose = _inventory.ComposeStacks.FirstOrDefault(c => (c.Target == host.Target || c.SshTarget == host.Target) && c.Name == stack)
                        ?? throw new StepFailedException($"stack '{stack}' on {host.Target} has no path in docker.compose.targets.yaml");
                    var result = target.Run(ProxmoxCommand.ComposeUp(compose.Path), TimeSpan.FromMinutes(10));
                    if (result is { Ok: false })
                    {
                        throw new StepFailedException($"docker compose up -d for '{stack}' on {host.Target} failed (exit {result.ExitCode}): {result.Error.Trim()}");
                    }
                }
            }

            if (!Execute)
            {
                done.Add($"{host.Target}: would wait ≥{host.WaitAfterSec}s" + (host.HealthProbes.Count > 0 ? $" then probe {string.Join(", ", host.HealthProbes)} (deadline {deadline.TotalSeconds:0}s)" : string.Empty));
                continue;
            }

            var minimum = TimeSpan.FromSeconds(host.WaitAfterSec);
            WaitProgress.Until(Out, $"waiting {host.WaitAfterSec}s after {host.Target}", minimum, TimeSpan.FromMilliseconds(Math.Min(200, _options.PollInterval.TotalMilliseconds)), () => watch.Elapsed >= minimum);

            foreach (var url in host.HealthProbes)
            {
                done.Add($"{host.Target}: {Probe(url, minimum + deadline, watch)}");
            }

            if (host.HealthProbes.Count == 0)
            {
                done.Add($"{host.Target}: up (waited {watch.Elapsed.TotalSeconds:0}s)");
            }
        }

        return Execute ? StepResult.Ok(string.Join("; ", done)) : StepResult.Dry(string.Join("; ", done));
    }

    private string Probe(string url, TimeSpan limit, Stopwatch watch)
    {
        var last = string.Empty;
        var alive = WaitProgress.Until(Out, $"probing {url}", limit - watch.Elapsed, _options.PollInterval, () =>
        {
            var (ok, detail) = Probes.HttpAlive(url, _options.Cancellation);
            last = detail;
            return ok;
        });
        return alive
            ? $"{url} alive ({last}) after {watch.Elapsed.TotalSeconds:0}s"
            : throw new StepFailedException($"{url} not ready within {limit.TotalSeconds:0}s ({last})");
    }

    /// <summary>A recovery target (a VM with compose stacks): connected when its phase runs, since it is down before.</summary>
    private HostSession TargetSession(string target, JournalStep record)
    {
        if (Execute && !_shells.ContainsKey(target))
        {
            _shells[target] = _options.Connect(HostOf(target));
        }

        return Session(target, record);
    }
}
