using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Spine.Model.Policy;
using Spine.Runtime.Execution;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Cli;

/// <summary>
/// <c>spine maintenance-window</c>: plans a window from the spine's sequences and walks it, as a dry
/// run unless --execute. Exit 0 done, 1 a step failed, 2 stop (usage, precondition, policy, host key).
/// </summary>
internal static class MaintenanceWindowCommand
{
    public sealed record Arguments(
        string Site, string Mode, bool Execute, bool PowerOff, int ShutdownTimeoutSec, bool SkipOobGuard, bool Approve,
        string? Identity, string? KnownHosts, bool Json, string? Resume, string? FromJournal, string? Root, string? JournalDir,
        int ProbeDeadlineSec, int PollIntervalMs, int HostWaitSec);

    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = "shop, home or both.", DefaultValueFactory = _ => "both" };
        site.AcceptOnlyFromAmong("shop", "home", "both");
        var mode = new Option<string>("--mode") { Description = "precheck, shutdown, startup, verify or full.", DefaultValueFactory = _ => "precheck" };
        mode.AcceptOnlyFromAmong("precheck", "shutdown", "startup", "verify", "full");
        var execute = new Option<bool>("--execute") { Description = "Apply the plan. Without it nothing is changed: only read-only commands are sent." };
        var powerOff = new Option<bool>("--poweroff") { Description = "Power the Proxmox hosts off after their guests are down." };
        var timeout = new Option<int>("--shutdown-timeout-sec") { Description = "Graceful shutdown timeout per guest, then a forced stop.", DefaultValueFactory = _ => 180 };
        var skipGuard = new Option<bool>("--skip-oob-guard") { Description = "Shut a guarded site down without checking its out-of-band endpoints." };
        var approve = new Option<bool>("--approve") { Description = "Approve the steps of capabilities with approval: manual (post-power recovery)." };
        var identity = new Option<string?>("--identity") { Description = "SSH private key (default: ssh.defaults.identity_file, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa)." };
        var knownHosts = new Option<string?>("--known-hosts") { Description = "known_hosts for targets without a pinned host_key (default: ssh.defaults.known_hosts_file, else ~/.ssh/known_hosts)." };
        var json = new Option<bool>("--json") { Description = "Print the plan and its outcome as JSON on stdout (progress goes to stderr)." };
        var resume = new Option<string?>("--resume") { Description = "Continue a failed or interrupted window from its journal's first unfinished step." };
        var fromJournal = new Option<string?>("--from-journal") { Description = "For --mode startup: restore the guests that an earlier shutdown's journal found running." };
        var root = CommonOptions.Root();
        root.Description = "Run against the spine at DIR (loaded and checked now) instead of the compiled-in one.";
        var journalDir = new Option<string?>("--journal-dir") { Description = "Where journals are written (default $XDG_STATE_HOME/spine/journals or ~/.local/state/spine/journals)." };
        var probeDeadline = new Option<int>("--probe-deadline-sec") { Description = "How long readiness probes may take after wait_after_sec.", DefaultValueFactory = _ => 120 };
        var poll = new Option<int>("--poll-interval-ms") { Description = "How often guest states and probes are polled.", DefaultValueFactory = _ => 2000, Hidden = true };
        var hostWait = new Option<int>("--host-wait-sec") { Description = "After --poweroff, how long to wait for a host to answer again.", DefaultValueFactory = _ => 900 };

        var command = new Command("maintenance-window", "Plan and run a Proxmox maintenance window across the shop and home sites (dry run unless --execute).")
        {
            site, mode, execute, powerOff, timeout, skipGuard, approve, identity, knownHosts, json, resume, fromJournal, root, journalDir, probeDeadline, poll, hostWait,
        };
        command.SetAction(p => Run(
            new Arguments(
                p.GetValue(site)!, p.GetValue(mode)!, p.GetValue(execute), p.GetValue(powerOff), p.GetValue(timeout), p.GetValue(skipGuard), p.GetValue(approve),
                p.GetValue(identity), p.GetValue(knownHosts), p.GetValue(json), p.GetValue(resume), p.GetValue(fromJournal), p.GetValue(root), p.GetValue(journalDir),
                p.GetValue(probeDeadline), p.GetValue(poll), p.GetValue(hostWait)),
            Console.Out,
            Console.Error));
        return command;
    }

    public static int Run(Arguments a, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var output = a.Json ? stderr : stdout;
        if (a.ShutdownTimeoutSec <= 0 || a.ProbeDeadlineSec <= 0)
        {
            stderr.WriteLine("spine: timeouts must be positive.");
            return ExitCodes.Stop;
        }

        RuntimeSpine spine;
        try
        {
            spine = RuntimeSpine.Load(a.Root is null ? null : Path.GetFullPath(a.Root));
        }
        catch (Exception ex) when (ex is PolicyException or InvalidDataException or IOException)
        {
            stderr.WriteLine("spine: " + ex.Message);
            return ExitCodes.Stop;
        }

        Journal? previous = null;
        WindowRequest request;
        if (a.Resume != null)
        {
            try
            {
                previous = Journal.Load(a.Resume);
            }
            catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException)
            {
                stderr.WriteLine($"spine: cannot read journal {a.Resume}: {ex.Message}");
                return ExitCodes.Stop;
            }

            request = previous.Request;
        }
        else
        {
            var sites = a.Site == "both" ? new[] { "shop", "home" } : new[] { a.Site };
            request = new WindowRequest(sites, Enum.Parse<WindowMode>(a.Mode, ignoreCase: true), a.PowerOff, a.ShutdownTimeoutSec, a.SkipOobGuard, a.Approve, a.ProbeDeadlineSec);
        }

        var plan = Planner.Build(spine.Inventory, request);
        if (plan.Problems.Count > 0)
        {
            foreach (var problem in plan.Problems)
            {
                stderr.WriteLine("spine: cannot plan the window: " + problem);
            }

            return ExitCodes.Stop;
        }

        var execute = a.Execute || previous?.Execute == true;
        var policyText = $"{spine.Policy.Preset} (drift_gate_mode={spine.Policy.Get("drift_gate_mode") ?? "fail"}, from {spine.Policy.PresetSource})";
        Journal journal;
        if (previous != null)
        {
            if (!previous.Steps.Select(s => s.Id).SequenceEqual(plan.Steps.Select(s => s.Id)))
            {
                stderr.WriteLine($"spine: the spine's sequences changed since {a.Resume} was written; its plan no longer matches. Start a new window.");
                return ExitCodes.Stop;
            }

            journal = previous;
            journal.Status = "running";
            journal.Execute = execute;
        }
        else
        {
            journal = Journal.Create(a.JournalDir ?? DefaultJournalDir(), plan, execute, spine.Inventory.Source, policyText);
            if (a.FromJournal != null)
            {
                foreach (var (site, guests) in Journal.Load(a.FromJournal).Before)
                {
                    journal.Before[site] = guests;
                }

                journal.Save();
            }
        }

        output.WriteLine($"spine maintenance-window: mode {request.Mode.ToString().ToLowerInvariant()}, sites {string.Join(", ", request.Sites)} — {(execute ? "EXECUTE" : "DRY RUN: nothing is changed (--execute applies)")}");
        output.WriteLine($"spine: {spine.Inventory.Source}; policy {policyText}; {plan.Steps.Count} steps");
        foreach (var warning in spine.Warnings)
        {
            output.WriteLine("warning (drift_gate_mode=warn): " + warning);
        }

        var ssh = new SshOptions(a.Identity ?? Expand(spine.Inventory.DefaultIdentityFile), a.KnownHosts ?? Expand(spine.Inventory.DefaultKnownHostsFile), TimeSpan.FromSeconds(60));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
            output.WriteLine("Ctrl-C: stopping after the current step…");
        };
        Console.CancelKeyPress += onCancel;
        int code;
        try
        {
            var options = new ExecutionOptions(execute, spine.Policy.DriftWarnOnly, host => SshShell.Connect(host, ssh), output, TimeSpan.FromMilliseconds(Math.Max(10, a.PollIntervalMs)), TimeSpan.FromSeconds(a.HostWaitSec), cts.Token);
            code = new WindowExecutor(spine.Inventory, plan, journal, options).Run();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        if (a.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                exitCode = code,
                execute,
                status = journal.Status,
                journal = journal.Path,
                policy = spine.Policy.Preset,
                steps = plan.Steps.Select(s =>
                {
                    var r = journal.Step(s.Id);
                    return new { id = s.Id, kind = s.Kind.ToString(), site = s.Site, host = s.HostId, capability = s.Capability, mutating = s.Mutating, summary = s.Summary, outcome = r.Outcome, detail = r.Detail, commands = r.Commands };
                }),
            }));
        }

        return code;
    }

    /// <summary>A leading ~/ in a binding's path means the operator's home.</summary>
    private static string? Expand(string? path) =>
        path is not null && path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    private static string DefaultJournalDir()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(state) ? Path.Combine(home, ".local", "state") : state, "spine", "journals");
    }
}
