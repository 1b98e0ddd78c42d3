using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Spine.Runtime.Cli;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// The maintenance runtime on the real snapshots: dry runs of whole windows, and an executed shop window of the
/// 2026-02-25 snapshot (its real VM ids and orders) against the loopback sshd and the Proxmox simulator.
/// </summary>
[Collection("sshd")]
public sealed class RealSpineWindowTests
{
    private readonly ITestOutputHelper _log;

    public RealSpineWindowTests(ITestOutputHelper log) => _log = log;

    /// <summary>A copy of a snapshot whose SSH targets point at a loopback port nobody listens on: no test connects to a corpus address.</summary>
    private static TempCopy Unreachable(string date)
    {
        var copy = TempCopy.OfSpine(Paths.CorpusOf(date));
        var port = SshHost.FreePort("127.0.0.1");
        copy.Edit("ops/bindings/ssh.targets.yaml", t => Regex.Replace(Regex.Replace(t, @"host: ""?[0-9.]+""?", "host: \"127.0.0.1\""), @"(\n\s+- id: ""?[A-Za-z0-9_.-]+""?)", $"$1\n      port: {port}"));
        return copy;
    }

    private (int Code, string Out, string Err) Dry(string? root, string site = "both", string mode = "full", string? identity = "/nonexistent/id", string? journals = null)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var args = new MaintenanceWindowCommand.Arguments(site, mode, false, false, 180, false, false, identity, "/nonexistent/known_hosts", false, null, null, root, journals ?? Path.Combine(root!, "journals"), 120, 50, 900);
        var code = MaintenanceWindowCommand.Run(args, o, e);
        _log.WriteLine(o + "\n" + e);
        return (code, o.ToString(), e.ToString());
    }

    [Theory]
    [InlineData("2026-02-17", 21)]
    [InlineData("2026-02-25", 49)]
    public void A_dry_run_of_a_whole_window_of_a_real_snapshot_exits_0(string date, int steps)
    {
        using var spine = Unreachable(date);
        var (code, output, _) = Dry(spine.Path);
        Assert.Equal(0, code);
        Assert.Contains($"Using the spine at {spine.Path} (--root) under policy balanced", output);
        Assert.Contains($": {steps} steps.", output);
        Assert.Contains($"[{steps}/{steps}] shop/verify", output);
        Assert.Contains("finding(s) elsewhere in the spine (they do not concern this window); run `spine check`.", output);
        Assert.Contains("dry run complete: nothing was changed", output);
        Assert.DoesNotContain("cannot plan", output);
    }

    [Fact]
    public void Drift_in_what_the_window_reads_is_listed_and_stops_only_an_executed_window()
    {
        using var spine = Unreachable("2026-02-25");
        var (code, output, _) = Dry(spine.Path, site: "shop");
        Assert.Equal(0, code);
        Assert.Contains("an executed window would refuse this spine: error(s) in what it reads:", output);
        Assert.Contains("SPINE137: [D137] Capability 'infra.proxmox.maintenance.shutdown' is missing 'requires'", output);
        Assert.DoesNotContain("SPINE303", output);

        var journals = Path.Combine(spine.Path, "journals");
        var dryJournals = Directory.GetFiles(journals).Length;
        var e = new StringWriter();
        var args = new MaintenanceWindowCommand.Arguments("shop", "shutdown", true, false, 180, false, false, "/nonexistent/id", null, false, null, null, spine.Path, Path.Combine(spine.Path, "journals"), 120, 50, 900);
        Assert.Equal(2, MaintenanceWindowCommand.Run(args, new StringWriter(), e));
        Assert.Contains("stop: the spine has error(s) in what this window reads; nothing was changed:", e.ToString());
        Assert.Equal(dryJournals, Directory.GetFiles(journals).Length);
    }

    [Fact]
    public void Baselined_drift_does_not_block_and_findings_elsewhere_never_do()
    {
        using var spine = Unreachable("2026-02-25");
        Assert.Equal(0, BaselineCommand.Run(spine.Path, prune: false, new StringWriter(), new StringWriter()));
        var (code, output, _) = Dry(spine.Path, site: "shop");
        Assert.Equal(0, code);
        Assert.DoesNotContain("would refuse", output);
        Assert.DoesNotContain("finding(s) elsewhere", output);
    }

    [Fact]
    public void Spine_root_from_the_environment_is_honored_and_said()
    {
        using var spine = Unreachable("2026-02-17");
        var previous = Environment.GetEnvironmentVariable("SPINE_ROOT");
        Environment.SetEnvironmentVariable("SPINE_ROOT", spine.Path);
        try
        {
            var (code, output, _) = Dry(null, site: "home", journals: Path.Combine(spine.Path, "journals"));
            Assert.Equal(0, code);
            Assert.Contains($"Using the spine at {spine.Path} ($SPINE_ROOT) under policy balanced", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPINE_ROOT", previous);
        }
    }

    [Fact]
    public void Sites_come_from_the_spine_and_both_needs_exactly_two()
    {
        using var spine = Unreachable("2026-02-25");
        spine.Edit("ops/bindings/startup.sequencing.yaml", t => t.Replace("version: 3\n", "version: 3\nsites: [shop, home, cabin]\n"));
        spine.Edit("ops/bindings/startup.sequencing.yaml", t => t + "\n  - phase: 20\n    site: cabin\n    label: \"Cabin\"\n    hosts:\n      - target: pve\n        vm_ids: [300]\n        wait_after_sec: 1\n");
        var (both, _, err) = Dry(spine.Path, site: "both", mode: "precheck");
        Assert.Equal(2, both);
        Assert.Contains("--site both needs a spine with exactly two sites; this one declares 3 (shop, home, cabin)", err);
        var (cabin, output, _) = Dry(spine.Path, site: "cabin", mode: "precheck");
        Assert.Equal(1, cabin);
        Assert.Contains("cabin/connect", output);
        var (all, allOutput, _) = Dry(spine.Path, site: "all", mode: "precheck");
        Assert.Contains("precheck of shop, home, cabin", allOutput);
        Assert.Equal(1, all);
        var (moon, _, moonErr) = Dry(spine.Path, site: "moon", mode: "precheck");
        Assert.Equal(2, moon);
        Assert.Contains("unknown site moon: the spine declares shop, home, cabin (or give all)", moonErr);
    }

    /// <summary>
    /// The 2026-02-25 snapshot's shop, for real: its 13 active VMs (ids and orders as the data declares them), template
    /// 9000 and no VM 201 (destroyed) on the simulated pve behind a real sshd. The window stops them in exactly
    /// shutdown_order and starts them in exactly startup_order; 9000 is never touched. Its real drift (the six
    /// maintenance capabilities without requires) is baselined first, as a team adopting Spine would.
    /// </summary>
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void The_newer_snapshots_shop_is_shut_down_and_started_in_its_declared_orders()
    {
        using var lab = new Lab(Paths.Corpus25);
        var active = new[] { 200, 202, 203, 204, 205, 206, 207, 209, 210, 211, 212, 213, 214 };
        foreach (var id in active)
        {
            lab.Shop.AddVm(id, "vm" + id, "running");
        }

        lab.Shop.AddVm(9000, "ubuntu-2404-cloudinit-template", "stopped");
        Assert.Equal(0, BaselineCommand.Run(lab.Root, prune: false, new StringWriter(), new StringWriter()));

        var (down, output) = lab.Window("shutdown", execute: true, site: "shop", shutdownTimeoutSec: 2);
        _log.WriteLine(output);
        Assert.Equal(0, down);
        var shutdowns = lab.Shop.Mutations().Where(m => m.StartsWith("qm shutdown", StringComparison.Ordinal)).Select(m => int.Parse(m.Split(' ')[2])).ToArray();
        Assert.Equal(new[] { 214, 213, 212, 211, 203, 210, 209, 207, 206, 205, 202, 200, 204 }, shutdowns);
        Assert.Contains("shop/verifydown", output);
        Assert.All(active, id => Assert.Equal("stopped", lab.Shop.Status("vm", id)));
        lab.Shop.ClearLog();

        var (up, output2) = lab.Window("startup", execute: true, approve: true, site: "shop", shutdownTimeoutSec: 2);
        _log.WriteLine(output2);
        Assert.Equal(0, up);
        var starts = lab.Shop.Mutations().Where(m => m.StartsWith("qm start", StringComparison.Ordinal)).Select(m => int.Parse(m.Split(' ')[2])).ToArray();
        Assert.Equal(new[] { 204, 205, 206, 207, 209, 210, 200, 202, 203, 211, 212, 213, 214 }, starts);
        Assert.Contains("Restoring what", output2);
        Assert.All(active, id => Assert.Equal("running", lab.Shop.Status("vm", id)));
        Assert.Equal("stopped", lab.Shop.Status("vm", 9000));
        Assert.DoesNotContain(lab.Shop.Log(), l => l.Contains(" 9000", StringComparison.Ordinal) || l.Contains(" 201", StringComparison.Ordinal));
        Assert.NotEmpty(lab.Apps.Mutations());
    }
}
