using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>Maintenance windows against real sshd instances and the stateful Proxmox simulator.</summary>
[Collection("sshd")]
public sealed class MaintenanceWindowTests : IDisposable
{
    private readonly Lab _lab = new();
    private readonly ITestOutputHelper _log;

    public MaintenanceWindowTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _lab.Dispose();

    private (int Code, string Output) Window(string mode, bool execute = false, bool approve = false, string site = "both", string? resume = null)
    {
        var result = _lab.Window(mode, execute, approve, site, resume);
        _log.WriteLine(result.Output);
        return result;
    }

    [Fact]
    public void Full_dry_run_of_both_sites_sends_no_mutating_command()
    {
        var (code, output) = Window("full");
        Assert.Equal(0, code);
        Assert.Empty(_lab.Shop.Mutations());
        Assert.Empty(_lab.Home.Mutations());
        Assert.Empty(_lab.Apps.Mutations());
        Assert.Contains("ro qm list", _lab.Shop.Log());
        Assert.Contains("ro pct list", _lab.Home.Log());
        Assert.Contains("would run on pve: LC_ALL=C qm shutdown 210 --timeout 2", output);
        Assert.Contains("would run on pve: LC_ALL=C qm shutdown 211 --timeout 2", output);
        Assert.Contains($"would run on infra-core: cd '{_lab.StacksRoot}/secrets' && LC_ALL=C docker compose up -d", output);
        Assert.DoesNotContain("would run on pve: LC_ALL=C qm start 206", output);
        Assert.Contains("dry run complete: nothing was changed", output);
    }

    [Fact]
    public void Executed_full_window_follows_the_orders_and_restores_exactly_the_running_guests()
    {
        var (code, output) = Window("full", execute: true, approve: true);
        Assert.Equal(0, code);

        var shop = _lab.Shop.Mutations();
        var shutdowns = shop.Where(m => m.StartsWith("qm shutdown", StringComparison.Ordinal)).Select(m => int.Parse(m.Split(' ')[2])).ToArray();
        Assert.Equal(new[] { 210, 209, 205, 202, 200, 204, 211 }, shutdowns);
        Assert.Contains("pct shutdown 300 --timeout 2", shop);
        var starts = shop.Where(m => m.StartsWith("qm start", StringComparison.Ordinal)).Select(m => int.Parse(m.Split(' ')[2])).ToArray();
        Assert.Equal(new[] { 204, 205, 209, 210, 200, 202, 211 }, starts);
        Assert.Contains("pct start 300", shop);
        Assert.True(Array.IndexOf(shop, "pct shutdown 300 --timeout 2") < Array.IndexOf(shop, "qm start 204"));

        // Shutdown shop → home; startup home → shop.
        var home = _lab.Home.Mutations();
        Assert.Equal(new[] { "qm shutdown 100 --timeout 2", "qm start 100" }, home.Where(m => m.Contains(" 100")).ToArray());
        Assert.Equal("stopped", _lab.Shop.Status("vm", 206));
        Assert.Equal("stopped", _lab.Shop.Status("vm", 9000));
        Assert.Equal("stopped", _lab.Home.Status("ct", 103));
        foreach (var vm in new[] { 200, 202, 204, 205, 209, 210, 211 })
        {
            Assert.Equal("running", _lab.Shop.Status("vm", vm));
        }

        // Recovery: compose stacks on the application VMs, readiness probes (401 = alive).
        Assert.Equal(
            new[] { "secrets", "caddy-auth", "pihole", "prometheus", "grafana", "mint-os" }.Select(x => $"docker compose up {_lab.StacksRoot}/{x}"),
            _lab.Apps.Mutations());
        Assert.True(_lab.Probes >= 2);
        Assert.Contains("alive (HTTP 401)", output);

        using var journal = JsonDocument.Parse(File.ReadAllText(_lab.LatestJournal()));
        Assert.Equal("completed", journal.RootElement.GetProperty("Status").GetString());
        var step = journal.RootElement.GetProperty("Steps").EnumerateArray().First(s => s.GetProperty("Id").GetString() == "shop/shutdownguest/210").GetProperty("Attempts")[0];
        Assert.Equal("ok", step.GetProperty("Outcome").GetString());
        Assert.Equal("running", step.GetProperty("GuestsBefore")[0].GetProperty("Status").GetString());
        Assert.Equal(0, step.GetProperty("Commands").EnumerateArray().First(c => c.GetProperty("Mutating").GetBoolean()).GetProperty("ExitCode").GetInt32());
    }

    [Fact]
    public void A_guest_that_ignores_shutdown_is_force_stopped_after_the_timeout()
    {
        _lab.Shop.Flag("vm/209.ignore-shutdown");
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(0, code);
        var shop = _lab.Shop.Mutations();
        Assert.Equal(Array.IndexOf(shop, "qm shutdown 209 --timeout 2") + 1, Array.IndexOf(shop, "qm stop 209"));
        Assert.Contains("force-stopped", output);
        Assert.Contains("VM quit/powerdown failed - got timeout", output);
        Assert.Equal("stopped", _lab.Shop.Status("vm", 209));
    }

    [Fact]
    public void An_ha_managed_guest_is_polled_until_it_is_really_down()
    {
        _lab.Shop.Flag("vm/210.ha");
        var (code, _) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(0, code);
        var log = _lab.Shop.Log();
        var request = Array.IndexOf(log, "rw qm shutdown 210 --timeout 2");
        var next = Array.IndexOf(log, "rw qm shutdown 209 --timeout 2");
        Assert.True(log.Skip(request).Take(next - request).Count(l => l == "ro qm status 210") >= 2, "polled qm status 210 until stopped");
        Assert.DoesNotContain("rw qm stop 210", log);
        Assert.Equal("stopped", _lab.Shop.Status("vm", 210));
    }

    [Fact]
    public void An_unreachable_host_stops_the_window_before_anything_changes()
    {
        _lab.WriteSshTargets(_lab.Shop.Fingerprint, homePort: SshHost.FreePort("127.0.0.3"));
        var (code, output) = Window("full", execute: true, approve: true);
        Assert.Equal(2, code);
        Assert.Empty(_lab.Shop.Mutations());
        Assert.Contains("cannot connect", output);
        Assert.Contains("state of shop (pve) now:", output);
    }

    [Fact]
    public void A_wrong_host_key_is_refused_and_nothing_runs_on_that_host()
    {
        _lab.WriteSshTargets("SHA256:" + new string('A', 43));
        var (code, output) = Window("full", execute: true, approve: true);
        Assert.Equal(2, code);
        Assert.Empty(_lab.Shop.Log());
        Assert.Empty(_lab.Home.Mutations());
        Assert.Contains("host key mismatch", output);
    }

    [Fact]
    public void A_wrong_host_key_stops_a_dry_run_too_and_is_never_called_unreachable()
    {
        _lab.WriteSshTargets("SHA256:" + new string('A', 43));
        var (code, output) = Window("precheck");
        Assert.Equal(2, code);
        Assert.Empty(_lab.Shop.Log());
        Assert.Contains("stopped: refused: host key mismatch", output);
        Assert.DoesNotContain("unreachable", output);
    }

    [Fact]
    public void A_failed_oob_guard_stops_a_shop_shutdown_under_balanced()
    {
        _lab.SetOobPort(SshHost.FreePort("127.0.0.1"));
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(2, code);
        Assert.Empty(_lab.Shop.Mutations());
        Assert.Contains("drift_gate_mode=fail stops the window", output);
    }

    [Fact]
    public void A_failed_oob_guard_is_advisory_under_permissive()
    {
        _lab.SetOobPort(SshHost.FreePort("127.0.0.1"));
        _lab.UsePreset("permissive");
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(0, code);
        Assert.Contains("ADVISORY (drift_gate_mode=warn)", output);
        Assert.Contains("qm shutdown 210 --timeout 2", _lab.Shop.Mutations());
    }

    [Fact]
    public void A_dropped_connection_fails_the_step_and_resume_finishes_the_window()
    {
        _lab.Shop.Flag("drop-on-shutdown-202");
        var (code, output) = Window("full", execute: true, approve: true);
        Assert.Equal(1, code);
        Assert.Contains("connection lost", output);
        var journalPath = _lab.LatestJournal();
        using (var journal = JsonDocument.Parse(File.ReadAllText(journalPath)))
        {
            Assert.Equal("failed", journal.RootElement.GetProperty("Status").GetString());
            Assert.Equal("failed", journal.RootElement.GetProperty("Steps").EnumerateArray().First(s => s.GetProperty("Id").GetString() == "shop/shutdownguest/202").GetProperty("Attempts")[0].GetProperty("Outcome").GetString());
        }

        Assert.Equal("stopped", _lab.Shop.Status("vm", 210));
        Assert.Equal("running", _lab.Shop.Status("vm", 200));
        _lab.Shop.ClearLog();

        var (resumed, output2) = Window("full", resume: journalPath);
        Assert.Equal(0, resumed);
        Assert.Contains("done earlier (ok)", output2);
        var shop = _lab.Shop.Mutations();
        Assert.DoesNotContain("qm shutdown 210 --timeout 2", shop);
        Assert.Equal("qm shutdown 202 --timeout 2", shop[0]);
        foreach (var vm in new[] { 200, 202, 204, 205, 209, 210, 211 })
        {
            Assert.Equal("running", _lab.Shop.Status("vm", vm));
        }

        Assert.Equal("stopped", _lab.Shop.Status("vm", 206));
    }

    [Fact]
    public void Manual_approval_is_required_for_post_power_recovery()
    {
        var (code, output) = _lab.Window("startup", execute: true, site: "home", with: a => a with { Restore = "startup-order" });
        Assert.Equal(2, code);
        Assert.Contains("needs manual approval", output);
        Assert.Empty(_lab.Home.Log());
    }

    [Fact]
    public void Startup_with_restore_startup_order_starts_startup_order_and_verify_checks_it()
    {
        _lab.Home.AddVm(100, "homeassistant", "stopped");
        var (code, _) = _lab.Window("startup", execute: true, approve: true, site: "home", with: a => a with { Restore = "startup-order" });
        Assert.Equal(0, code);
        Assert.Equal("running", _lab.Home.Status("vm", 100));
        var (verify, output) = Window("verify", execute: true, site: "home");
        Assert.Equal(0, verify);
        Assert.Contains("all 1 guest(s) to be running run", output);
    }

    [Fact]
    public async Task Ctrl_c_stops_between_steps_and_the_journal_lets_resume_finish()
    {
        _lab.Shop.Flag("vm/210.ignore-shutdown");
        using var cts = new CancellationTokenSource();
        var window = Task.Run(() => _lab.Window("shutdown", execute: true, site: "shop", cancellation: cts.Token));
        Assert.True(SpinWait.SpinUntil(() => _lab.Shop.Mutations().Contains("qm shutdown 210 --timeout 2"), TimeSpan.FromSeconds(30)));
        cts.Cancel();
        var (code, output) = await window;
        _log.WriteLine(output);
        Assert.Equal(1, code);
        Assert.Contains("interrupted (cancellation) before shop/shutdownguest/209", output);
        Assert.Equal("stopped", _lab.Shop.Status("vm", 210));
        Assert.Equal("running", _lab.Shop.Status("vm", 209));
        Assert.Contains("state of shop (pve) now:", output);

        var journal = _lab.LatestJournal();
        using (var doc = JsonDocument.Parse(File.ReadAllText(journal)))
        {
            Assert.Equal("interrupted", doc.RootElement.GetProperty("Status").GetString());
        }

        var (resumed, _) = Window("shutdown", resume: journal);
        Assert.Equal(0, resumed);
        Assert.Equal("stopped", _lab.Shop.Status("vm", 209));
        Assert.Single(_lab.Shop.Mutations(), m => m == "qm shutdown 210 --timeout 2");
    }

    [Fact]
    public void Json_output_describes_every_step()
    {
        var (code, stdout, stderr) = _lab.WindowSplit("precheck", json: true);
        Assert.Equal(0, code);
        Assert.Contains("DRY RUN", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.False(doc.RootElement.GetProperty("execute").GetBoolean());
        var steps = doc.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("shop/connect", steps[0].GetProperty("id").GetString());
        Assert.All(steps, s => Assert.False(s.GetProperty("mutating").GetBoolean()));
        Assert.Contains(steps, s => s.GetProperty("outcome").GetString() == "ok" && s.GetProperty("id").GetString() == "home/capture/precheck");
    }

    [Fact]
    public void Without_a_pin_the_key_must_be_in_known_hosts()
    {
        _lab.WriteSshTargets(_lab.Shop.Fingerprint, pinned: false);
        var (refused, output) = _lab.Window("precheck", execute: true, knownHosts: _lab.KnownHostsFor(_lab.Home));
        _log.WriteLine(output);
        Assert.Equal(2, refused);
        Assert.Contains("is not in known_hosts", output);
        Assert.Empty(_lab.Shop.Log());

        var (ok, output2) = _lab.Window("precheck", execute: true, knownHosts: _lab.KnownHostsFor(_lab.Shop, _lab.Home));
        _log.WriteLine(output2);
        Assert.Equal(0, ok);
        Assert.Contains("host key verified (known_hosts)", output2);
    }

    [Fact]
    public void Poweroff_comes_after_every_guest_is_down()
    {
        var (code, output) = _lab.Window("shutdown", execute: true, site: "home", powerOff: true);
        _log.WriteLine(output);
        Assert.Equal(0, code);
        var home = _lab.Home.Mutations();
        Assert.Equal("poweroff", home[^1]);
        Assert.Equal("qm shutdown 100 --timeout 2", home[0]);
    }

    [Fact]
    public void A_later_startup_restores_what_an_earlier_shutdown_journal_found_running()
    {
        Assert.Equal(0, _lab.Window("shutdown", execute: true, site: "shop").Code);
        var shutdownJournal = _lab.LatestJournal();
        _lab.Shop.ClearLog();

        var (code, output) = _lab.Window("startup", execute: true, approve: true, site: "shop", fromJournal: shutdownJournal);
        _log.WriteLine(output);
        Assert.Equal(0, code);
        var starts = _lab.Shop.Mutations().Where(m => m.Contains(" start ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(new[] { "qm start 204", "qm start 205", "qm start 209", "qm start 210", "qm start 200", "qm start 202", "qm start 211", "pct start 300" }, starts);
        Assert.Equal("stopped", _lab.Shop.Status("vm", 206));
    }

    [Fact]
    public async Task After_a_poweroff_the_window_waits_for_the_host_and_restores_its_guests()
    {
        var powerOn = Task.Run(() =>
        {
            SpinWait.SpinUntil(() => _lab.Home.PoweredOff, TimeSpan.FromSeconds(60));
            Thread.Sleep(1500);
            _lab.Home.Restart();
        });
        var (code, output) = _lab.Window("full", execute: true, approve: true, site: "home", powerOff: true);
        await powerOn;
        _log.WriteLine(output);
        Assert.Equal(0, code);
        Assert.Contains("home/reconnect", output);
        Assert.Equal(new[] { "qm shutdown 100 --timeout 2", "poweroff", "qm start 100" }, _lab.Home.Mutations());
        Assert.Equal("running", _lab.Home.Status("vm", 100));
    }
}
