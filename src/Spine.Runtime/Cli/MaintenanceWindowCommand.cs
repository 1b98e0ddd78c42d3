using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using Spine.Model.Policy;
using Spine.Runtime.Execution;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Cli;

/// <summary>
/// <c>spine maintenance-window</c>: plans a window from the spine's data and walks it, as a dry run unless --execute.
/// Exit 0 done, 1 a step or a precheck failed (or the window was interrupted), 2 stop (usage, spine, policy, precondition,
/// lock, host key, capture).
/// </summary>
internal static class MaintenanceWindowCommand
{
    public sealed record Arguments(
        string Site, string Mode, bool Execute, bool PowerOff, int ShutdownTimeoutSec, bool SkipOobGuard, bool Approve,
        string? Identity, string? KnownHosts, bool Json, string? Resume, string? FromJournal, string? Root, string? JournalDir,
        int ProbeDeadlineSec, int PollIntervalMs, int HostWaitSec)
    {
        public bool AcceptCapture { get; init; }

        /// <summary>--restore startup-order: start startup_order without a shutdown journal.</summary>
        public string? Restore { get; init; }

        public IReadOnlyList<string> AssumeMet { get; init; } = Array.Empty<string>();

        /// <summary>The options given on the command line (a resumed window takes its options from the journal; another value conflicts).</summary>
        public IReadOnlySet<string> Given { get; init; } = new HashSet<string>();
    }

    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = "A site the spine declares (sites:), all, or both (when it has exactly two).", DefaultValueFactory = _ => "all" };
        var mode = new Option<string>("--mode") { Description = "precheck, shutdown, startup, verify or full.", DefaultValueFactory = _ => "precheck" };
        mode.AcceptOnlyFromAmong("precheck", "shutdown", "startup", "verify", "full");
        var execute = new Option<bool>("--execute") { Description = "Apply the plan. Without it nothing is changed: only read-only commands are sent." };
        var powerOff = new Option<bool>("--poweroff") { Description = "Power the Proxmox hosts off after their guests are down (and, in a full window, wait for them to come back)." };
        var timeout = new Option<int>("--shutdown-timeout-sec") { Description = "Graceful shutdown timeout per guest, then a forced stop (1..86400).", DefaultValueFactory = _ => 180 };
        var skipGuard = new Option<bool>("--skip-oob-guard") { Description = "Shut a guarded site down without checking its out-of-band endpoints." };
        var approve = new Option<bool>("--approve") { Description = "Approve the steps of capabilities whose approval is not auto (post-power recovery)." };
        var identity = new Option<string?>("--identity") { Description = "SSH private key (default: ssh.defaults.identity_file, else ~/.ssh/id_ed25519, id_ecdsa, id_rsa). An encrypted key's passphrase: SPINE_SSH_PASSPHRASE, else asked on the terminal." };
        var knownHosts = new Option<string?>("--known-hosts") { Description = "known_hosts for targets without a pinned host_key (default: ssh.defaults.known_hosts_file, else ~/.ssh/known_hosts)." };
        var json = new Option<bool>("--json") { Description = "Print the plan and its outcome as JSON on stdout (progress goes to stderr)." };
        var resume = new Option<string?>("--resume") { Description = "Continue an executed window that failed or was interrupted, from its journal: its sites, mode and options." };
        var fromJournal = new Option<string?>("--from-journal") { Description = "For --mode startup: restore what this shutdown journal (same site, host and spine) found running." };
        var restore = new Option<string?>("--restore") { Description = "For --mode startup without a shutdown journal: 'startup-order' starts every guest of startup_order." };
        restore.AcceptOnlyFromAmong("startup-order");
        var acceptCapture = new Option<bool>("--accept-capture") { Description = "Go on when the host's guests do not match active_vm_ids (a guest missing, or none listed)." };
        var assumeMet = new Option<string[]>("--assume-met") { Description = "A precondition Spine cannot check, that you checked yourself (repeatable). Recorded in the journal.", AllowMultipleArgumentsPerToken = false };
        var root = CommonOptions.Root();
        root.Description = "The spine root (the folder holding ops/). Default: $SPINE_ROOT, else the nearest ops/ above the current folder, else the spine compiled into this build.";
        var journalDir = new Option<string?>("--journal-dir") { Description = "Where journals and site locks are kept (default $XDG_STATE_HOME/spine/journals or ~/.local/state/spine/journals)." };
        var probeDeadline = new Option<int>("--probe-deadline-sec") { Description = "How long readiness probes may take after wait_after_sec (1..86400).", DefaultValueFactory = _ => 120 };
        var poll = new Option<int>("--poll-interval-ms") { Description = "How often guest states and probes are polled.", DefaultValueFactory = _ => 2000, Hidden = true };
        var hostWait = new Option<int>("--host-wait-sec") { Description = "After --poweroff: how long to wait for a host to go down, and to answer again (1..86400).", DefaultValueFactory = _ => 900 };

        var options = new Option[] { site, mode, execute, powerOff, timeout, skipGuard, approve, identity, knownHosts, json, resume, fromJournal, restore, acceptCapture, assumeMet, root, journalDir, probeDeadline, poll, hostWait };
        var command = new Command("maintenance-window", "Plan and run a Proxmox maintenance window across the spine's sites (dry run unless --execute).");
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(p => Run(
            new Arguments(
                p.GetValue(site)!, p.GetValue(mode)!, p.GetValue(execute), p.GetValue(powerOff), p.GetValue(timeout), p.GetValue(skipGuard), p.GetValue(approve),
                p.GetValue(identity), p.GetValue(knownHosts), p.GetValue(json), p.GetValue(resume), p.GetValue(fromJournal), p.GetValue(root), p.GetValue(journalDir),
                p.GetValue(probeDeadline), p.GetValue(poll), p.GetValue(hostWait))
            {
                AcceptCapture = p.GetValue(acceptCapture),
                Restore = p.GetValue(restore),
                AssumeMet = p.GetValue(assumeMet) ?? Array.Empty<string>(),
                Given = options.Where(o => p.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToHashSet(),
            },
            Console.Out,
            Console.Error));
        return command;
    }

    public static int Run(Arguments a, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var output = a.Json ? stderr : stdout;
        if (Ranges(a) is { } range)
        {
            stderr.WriteLine("spine: " + range);
            return ExitCodes.Stop;
        }

        var location = SpineRootLocator.Locate(a.Root, compiledInAllowed: true)!;
        if (location.Root is { } folder && !Directory.Exists(Path.Combine(folder, "ops")))
        {
            stderr.WriteLine($"spine: '{folder}' ({location.How}) is not a spine root: it has no ops/ folder.");
            return ExitCodes.Stop;
        }

        RuntimeSpine spine;
        try
        {
            spine = RuntimeSpine.Load(location.Root);
        }
        catch (PolicyException ex)
        {
            SpineSession.ReportPolicyError(stderr, ex.Message);
            return ExitCodes.Stop;
        }

        var journalDir = a.JournalDir ?? DefaultJournalDir();
        Journal? previous = null;
        string? claimProblem = null;
        WindowRequest request;
        // A resume owns its journal before reading it (a journal that is no file is reported by Journal.Load below).
        using var claim = a.Resume is null || !File.Exists(a.Resume) ? null : JournalClaim.TryTake(Path.GetFullPath(a.Resume), $"{Environment.UserName}@{Environment.MachineName}, pid {Environment.ProcessId}", out claimProblem);
        if (claimProblem != null)
        {
            stderr.WriteLine($"spine: cannot resume {a.Resume}: {claimProblem}");
            return ExitCodes.Stop;
        }

        if (a.Resume != null)
        {
            try
            {
                previous = Journal.Load(a.Resume);
            }
            catch (JournalException ex)
            {
                stderr.WriteLine("spine: " + ex.Message);
                return ExitCodes.Stop;
            }

            if (ResumeProblem(previous, a, spine) is { } problem)
            {
                stderr.WriteLine($"spine: cannot resume {a.Resume}: {problem}");
                return ExitCodes.Stop;
            }

            if (previous.Status == "completed")
            {
                output.WriteLine($"spine: {a.Resume} is completed; there is nothing to resume.");
                return ExitCodes.Ok;
            }

            request = previous.Request;
            journalDir = Path.GetDirectoryName(Path.GetFullPath(a.Resume))!;
        }
        else
        {
            var sites = Sites(a.Site, spine.Inventory, out var siteProblem);
            if (siteProblem != null)
            {
                stderr.WriteLine("spine: " + siteProblem);
                return ExitCodes.Stop;
            }

            var mode = Enum.Parse<WindowMode>(a.Mode, ignoreCase: true);
            var restore = mode switch
            {
                WindowMode.Startup or WindowMode.Verify => a.Restore == "startup-order" ? RestoreSource.StartupOrder : RestoreSource.Journal,
                _ => RestoreSource.OwnCapture,
            };
            request = new WindowRequest(sites, mode, a.PowerOff, a.ShutdownTimeoutSec, a.SkipOobGuard, a.Approve, a.ProbeDeadlineSec, a.HostWaitSec, a.AcceptCapture, restore, a.AssumeMet);
        }

        Journal? restoredFrom = null;
        if (previous is null)
        {
            restoredFrom = RestoreFrom(a, request, spine.Inventory, journalDir, stderr, out var stop);
            if (stop)
            {
                return ExitCodes.Stop;
            }

            if (restoredFrom is null && request.Restore == RestoreSource.Journal)
            {
                // Only a verify gets here without a journal: it checks startup_order.
                request = request with { Restore = RestoreSource.StartupOrder };
            }
        }

        var plan = Planner.Build(spine.Inventory, request, capability => location.Root is null ? "the spine is compiled in, so its commands are not here to run" : PreconditionCommandWhy(location.Root, capability));
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
        output.WriteLine($"spine maintenance-window: {request.Mode.ToString().ToLowerInvariant()} of {string.Join(", ", request.Sites)} — {(execute ? "EXECUTE" : "DRY RUN: nothing is changed (--execute applies)")}");
        output.WriteLine($"Using {location.Describe()} under policy {policyText}: {plan.Steps.Count} steps.");

        var (blocking, warnings, elsewhere) = spine.Gate(plan);
        foreach (var finding in warnings)
        {
            output.WriteLine("  " + finding);
        }

        if (blocking.Count > 0)
        {
            var say = execute ? "stop: the spine has error(s) in what this window reads; nothing was changed:" : "an executed window would refuse this spine: error(s) in what it reads:";
            (execute ? stderr : output).WriteLine(say);
            foreach (var finding in blocking)
            {
                (execute ? stderr : output).WriteLine("  " + finding);
            }

            if (execute)
            {
                stderr.WriteLine("Fix them, or baseline them (spine baseline), then run the window again.");
                return ExitCodes.Stop;
            }
        }

        if (elsewhere > 0)
        {
            output.WriteLine($"{elsewhere} finding(s) elsewhere in the spine (they do not concern this window); run `spine check`.");
        }

        Journal journal;
        try
        {
            if (previous != null)
            {
                if (!previous.Steps.Select(s => s.Id).SequenceEqual(plan.Steps.Select(s => s.Id)))
                {
                    stderr.WriteLine($"spine: the spine's sequences changed since {a.Resume} was written; its plan no longer matches. Start a new window.");
                    return ExitCodes.Stop;
                }

                journal = previous;
                journal.Status = "running";
                journal.Note("resumed", $"by {Environment.UserName}@{Environment.MachineName}");
                journal.Save();
            }
            else
            {
                journal = Journal.Create(journalDir, plan, execute, location.Root ?? "compiled in", spine.Inventory.Digest, policyText);
                if (restoredFrom != null)
                {
                    foreach (var (site, capture) in restoredFrom.Before.Where(kv => request.Sites.Contains(kv.Key)))
                    {
                        journal.Before[site] = capture;
                    }

                    journal.RestoredFrom = restoredFrom.Path;
                    journal.Note("restore", $"restores what {restoredFrom.Path} found running");
                    output.WriteLine($"Restoring what {restoredFrom.Path} found running before its shutdown.");
                    journal.Save();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"spine: cannot write the journal in {journalDir}: {ex.Message}");
            return ExitCodes.Stop;
        }

        var ssh = new SshOptions(a.Identity ?? Expand(spine.Inventory.DefaultIdentityFile), a.KnownHosts ?? Expand(spine.Inventory.DefaultKnownHostsFile), TimeSpan.FromSeconds(60));
        using var signals = new SignalScope(output, cancellation);
        var options = new ExecutionOptions(execute, spine.Policy.DriftWarnOnly, (host, ct) => SshShell.Connect(host, ssh, ct), output, TimeSpan.FromMilliseconds(a.PollIntervalMs), signals, journalDir);
        var outcome = new WindowExecutor(spine.Inventory, plan, journal, options).Run();
        var code = outcome switch
        {
            WindowOutcome.Completed => ExitCodes.Ok,
            WindowOutcome.Failed => ExitCodes.Failed,
            _ => ExitCodes.Stop,
        };

        if (a.Json)
        {
            WindowJson.Write(stdout, code, execute, journal, spine.Policy.Preset, plan);
        }

        return code;
    }

    /// <summary>Every option is range-checked before anything runs.</summary>
    private static string? Ranges(Arguments a)
    {
        foreach (var (name, value) in new[] { ("--shutdown-timeout-sec", a.ShutdownTimeoutSec), ("--probe-deadline-sec", a.ProbeDeadlineSec), ("--host-wait-sec", a.HostWaitSec) })
        {
            if (value is < 1 or > 86400)
            {
                return $"{name} must be between 1 and 86400 seconds (got {value}).";
            }
        }

        if (a.PollIntervalMs is < 10 or > 60000)
        {
            return $"--poll-interval-ms must be between 10 and 60000 (got {a.PollIntervalMs}).";
        }

        if (a.Resume != null && a.FromJournal != null)
        {
            return "--resume continues a window with its own restore set; it takes no --from-journal.";
        }

        if (a.Mode == "full" && (a.FromJournal != null || a.Restore != null))
        {
            return "--mode full restores what its own capture finds running; --from-journal and --restore are for --mode startup.";
        }

        if (a.FromJournal != null && a.Restore != null)
        {
            return "give either --from-journal or --restore startup-order, not both.";
        }

        return null;
    }

    /// <summary>The sites of --site: a declared one, all, or both (an alias where the spine has exactly two).</summary>
    private static IReadOnlyList<string> Sites(string site, MaintenanceInventory inventory, out string? problem)
    {
        problem = null;
        var declared = inventory.Sites.Select(s => s.Name).ToList();
        switch (site)
        {
            case "all":
                return declared;
            case "both" when declared.Count == 2:
                return declared;
            case "both":
                problem = $"--site both needs a spine with exactly two sites; this one declares {declared.Count} ({string.Join(", ", declared)}): use --site all or a site.";
                return declared;
        }

        var named = site.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = named.Where(n => !declared.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            problem = $"unknown site {string.Join(", ", unknown)}: the spine declares {string.Join(", ", declared)} (or give all).";
        }

        return named;
    }

    /// <summary>Why a resume cannot go on, or null: a dry-run journal, options that conflict with the journal's, another spine.</summary>
    private static string? ResumeProblem(Journal previous, Arguments a, RuntimeSpine spine)
    {
        if (!previous.Execute)
        {
            return "it is the journal of a dry run, which has nothing to continue; start a new window.";
        }

        var r = previous.Request;
        var conflicts = new List<string>();
        void Check(string option, bool differs, string theirs)
        {
            if (a.Given.Contains(option) && differs)
            {
                conflicts.Add($"{option} (the journal's window: {theirs})");
            }
        }

        Check("--site", !SameSites(a.Site, r.Sites), string.Join(",", r.Sites));
        Check("--mode", !string.Equals(a.Mode, r.Mode.ToString(), StringComparison.OrdinalIgnoreCase), r.Mode.ToString().ToLowerInvariant());
        Check("--poweroff", a.PowerOff != r.PowerOff, r.PowerOff.ToString().ToLowerInvariant());
        Check("--shutdown-timeout-sec", a.ShutdownTimeoutSec != r.ShutdownTimeoutSec, r.ShutdownTimeoutSec.ToString());
        Check("--skip-oob-guard", a.SkipOobGuard != r.SkipOobGuard, r.SkipOobGuard.ToString().ToLowerInvariant());
        Check("--approve", a.Approve != r.Approve, r.Approve.ToString().ToLowerInvariant());
        Check("--probe-deadline-sec", a.ProbeDeadlineSec != r.ProbeDeadlineSec, r.ProbeDeadlineSec.ToString());
        Check("--host-wait-sec", a.HostWaitSec != r.HostWaitSec, r.HostWaitSec.ToString());
        Check("--accept-capture", a.AcceptCapture != r.AcceptCapture, r.AcceptCapture.ToString().ToLowerInvariant());
        Check("--restore", a.Restore != null, r.Restore.ToString());
        Check("--assume-met", !a.AssumeMet.OrderBy(x => x).SequenceEqual(r.AssumeMet.OrderBy(x => x)), string.Join(",", r.AssumeMet));
        if (conflicts.Count > 0)
        {
            return $"a resumed window keeps its journal's sites, mode and options; these differ: {string.Join("; ", conflicts)}. Leave them out, or start a new window.";
        }

        return previous.SpineDigest != spine.Inventory.Digest
            ? $"the spine's maintenance data changed since the journal was written (digest {previous.SpineDigest}, now {spine.Inventory.Digest}); start a new window."
            : null;
    }

    private static bool SameSites(string option, IReadOnlyList<string> sites) =>
        option is "all" or "both" || option.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).OrderBy(s => s).SequenceEqual(sites.OrderBy(s => s));

    /// <summary>
    /// Where a startup's restore set comes from: --from-journal (checked: same site, host and spine, an executed
    /// shutdown), else the latest such journal in the journal folder, else only --restore startup-order. Null for a
    /// window that restores from its own capture or from startup_order.
    /// </summary>
    private static Journal? RestoreFrom(Arguments a, WindowRequest request, MaintenanceInventory inventory, string journalDir, TextWriter stderr, out bool stop)
    {
        stop = false;
        if (request.Restore != RestoreSource.Journal)
        {
            return null;
        }

        if (a.FromJournal != null)
        {
            Journal source;
            try
            {
                source = Journal.Load(a.FromJournal);
            }
            catch (JournalException ex)
            {
                stderr.WriteLine("spine: " + ex.Message);
                stop = true;
                return null;
            }

            foreach (var site in request.Sites)
            {
                if (RestoreMismatch(source, site, inventory) is { } why)
                {
                    stderr.WriteLine($"spine: --from-journal {a.FromJournal} cannot restore site {site}: {why}.");
                    stop = true;
                    return null;
                }
            }

            return source;
        }

        var found = JournalFinder.LatestShutdown(journalDir, request.Sites, inventory);
        if (found != null)
        {
            return found;
        }

        if (request.Mode == WindowMode.Verify)
        {
            return null;
        }

        stderr.WriteLine($"spine: no executed shutdown journal of {string.Join(", ", request.Sites)} for this spine in {journalDir}, so nothing says which guests were running.");
        foreach (var site in request.Sites.Select(inventory.Site).Where(s => s != null))
        {
            stderr.WriteLine($"  --restore startup-order would start on {site!.Name}, in order: {string.Join(", ", site.StartupOrder.Where(i => !site.IsUntouchable(i)).Select(i => Planner.Describe(inventory, i)))}");
        }

        stderr.WriteLine("Pass --from-journal JOURNAL, or --restore startup-order to start those.");
        stop = true;
        return null;
    }

    internal static string? RestoreMismatch(Journal source, string site, MaintenanceInventory inventory)
    {
        if (!source.Execute)
        {
            return "it is the journal of a dry run (nothing was shut down)";
        }

        if (!source.Before.TryGetValue(site, out var capture))
        {
            return $"it has no capture of site {site} (its sites: {string.Join(", ", source.Request.Sites)})";
        }

        var host = inventory.Site(site)?.HostId;
        if (capture.Host != host)
        {
            return $"it captured host {capture.Host}, and site {site}'s host is {host}";
        }

        return source.SpineDigest != inventory.Digest ? $"it was written for other maintenance data (digest {source.SpineDigest}, this spine's is {inventory.Digest})" : null;
    }

    private static string? PreconditionCommandWhy(string root, CapabilityInfo capability) => Execution.Steps.PreconditionCommand.Why(root, capability);

    /// <summary>A leading ~/ in a binding's path means the operator's home.</summary>
    private static string? Expand(string? path) =>
        path is not null && path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    internal static string DefaultJournalDir()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(state) ? Path.Combine(home, ".local", "state") : state, "spine", "journals");
    }
}
