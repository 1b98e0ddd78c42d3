using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Spine.Runtime.Cli;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// No window may end "completed" with guests in the wrong state, or do what the operator did not ask for. One test (or
/// a few) per observation of the runtime-safety review, each against the real sshd + simulator lab with a fault planted
/// in the simulator: failing reads, a host that dies late (or never) after poweroff, concurrent windows, bad journals.
/// Signals are sent to the real process in <see cref="RuntimeSignalTests"/>.
/// </summary>
[Collection("sshd")]
public sealed class RuntimeSafetyTests : IDisposable
{
    private readonly Lab _lab = new();
    private readonly ITestOutputHelper _log;

    public RuntimeSafetyTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _lab.Dispose();

    private (int Code, string Output) Window(string mode, bool execute = false, bool approve = false, string site = "both", string? resume = null, bool powerOff = false, string? fromJournal = null, Func<MaintenanceWindowCommand.Arguments, MaintenanceWindowCommand.Arguments>? with = null)
    {
        var result = _lab.Window(mode, execute, approve, site, resume, powerOff: powerOff, fromJournal: fromJournal, with: with);
        _log.WriteLine(result.Output);
        return result;
    }

    private static JsonElement JournalOf(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    private static JsonElement StepOf(JsonElement journal, string id) => journal.GetProperty("Steps").EnumerateArray().First(s => s.GetProperty("Id").GetString() == id);

    // 1. Poweroff: never start anything on a host that has not gone down and come back.

    [Fact]
    public void A_host_that_never_goes_down_after_poweroff_fails_the_window_and_nothing_is_started_on_it()
    {
        _lab.Home.Flag("poweroff-ignored");
        var (code, output) = Window("full", execute: true, approve: true, site: "home", powerOff: true, with: a => a with { HostWaitSec = 4 });
        Assert.Equal(1, code);
        Assert.Contains("proxmox-home still answers 4s after poweroff; nothing will be started on it", output);
        Assert.Equal(new[] { "qm shutdown 100 --timeout 2", "poweroff" }, _lab.Home.Mutations());
        Assert.Equal("failed", JournalOf(_lab.LatestJournal()).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task After_poweroff_the_window_reconnects_only_once_the_host_went_down_and_came_back()
    {
        var poweredOffSeen = DateTime.MinValue;
        var powerOn = Task.Run(() =>
        {
            SpinWait.SpinUntil(() => _lab.Home.PoweredOff, TimeSpan.FromSeconds(60));
            poweredOffSeen = DateTime.UtcNow;
            Thread.Sleep(1500);
            _lab.Home.Restart();
        });
        var (code, output) = Window("full", execute: true, approve: true, site: "home", powerOff: true);
        await powerOn;
        Assert.Equal(0, code);
        Assert.Contains("proxmox-home is powered off (stopped answering after", output);
        var journal = JournalOf(_lab.LatestJournal());
        var start = StepOf(journal, "home/startguest/100").GetProperty("Attempts")[0];
        Assert.True(start.GetProperty("Started").GetDateTime() > poweredOffSeen, "qm start ran before the host had gone down");
    }

    // 2. A failing read is a failure, never "nothing there"; an unknown status is a failure, never "not running".

    [Fact]
    public void A_failing_pct_list_fails_the_window_before_any_mutation_and_shows_the_command_and_its_error()
    {
        _lab.Shop.Flag("fail-pct-list");
        var (code, output) = Window("shutdown", execute: true, site: "shop", powerOff: true);
        Assert.Equal(1, code);
        Assert.Contains("pct list", output);
        Assert.Contains("exit 255", output);
        Assert.Empty(_lab.Shop.Mutations());
        Assert.False(_lab.Shop.PoweredOff);
    }

    [Fact]
    public void A_status_proxmox_does_not_have_fails_the_window_and_the_guest_is_not_skipped()
    {
        _lab.Shop.AddVm(210, "streaming", "Running");
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(1, code);
        Assert.Contains("Running", output);
        Assert.DoesNotContain("skipped", output.Split('\n').Where(l => l.Contains("210", StringComparison.Ordinal)).FirstOrDefault() ?? string.Empty);
        Assert.Empty(_lab.Shop.Mutations());
    }

    [Fact]
    public void An_empty_qm_list_where_the_data_expects_guests_stops_before_any_mutation_unless_accepted()
    {
        _lab.Shop.Flag("empty-qm-list");
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(2, code);
        Assert.Contains("The capture does not match the data, so nothing was changed", output);
        Assert.Empty(_lab.Shop.Mutations());

        var (accepted, output2) = Window("shutdown", execute: true, site: "shop", with: a => a with { AcceptCapture = true, Given = new System.Collections.Generic.HashSet<string> { "--site", "--mode", "--accept-capture" } });
        Assert.Equal(0, accepted);
        Assert.Contains("accepted (--accept-capture)", output2);
    }

    [Fact]
    public void A_guest_the_data_calls_active_that_the_host_does_not_list_stops_the_window()
    {
        File.Delete(Path.Combine(_lab.Shop.State, "vm", "205"));
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(2, code);
        Assert.Contains("205", output);
        Assert.Empty(_lab.Shop.Mutations());
    }

    // 3. --resume is the journal's window.

    private string FailedShopShutdown()
    {
        _lab.Shop.Flag("drop-on-shutdown-205");
        Assert.Equal(1, Window("shutdown", execute: true, site: "shop").Code);
        _lab.Shop.ClearLog();
        return _lab.LatestJournal();
    }

    [Fact]
    public void A_resume_with_options_that_conflict_with_its_journal_is_refused_and_runs_nothing()
    {
        var journal = FailedShopShutdown();
        var (code, output) = Window("startup", site: "home", resume: journal, with: a => a with { Given = new System.Collections.Generic.HashSet<string> { "--site", "--mode" } });
        Assert.Equal(2, code);
        Assert.Contains("a resumed window keeps its journal's sites, mode and options; these differ: --site (the journal's window: shop); --mode (the journal's window: shutdown)", output);
        Assert.Empty(_lab.Shop.Log());
        Assert.Empty(_lab.Home.Log());
    }

    [Fact]
    public void A_dry_run_journal_cannot_be_resumed_into_a_real_window()
    {
        Assert.Equal(0, Window("shutdown", site: "shop").Code);
        var dry = _lab.LatestJournal();
        _lab.Shop.ClearLog();
        var (code, output) = Window("shutdown", resume: dry, with: a => a with { Execute = true, Given = new System.Collections.Generic.HashSet<string> { "--execute" } });
        Assert.Equal(2, code);
        Assert.Contains("it is the journal of a dry run, which has nothing to continue; start a new window.", output);
        Assert.Empty(_lab.Shop.Log());
    }

    [Fact]
    public void A_resumed_window_captures_again_and_rechecks_the_oob_guard_before_its_next_mutation()
    {
        var journal = FailedShopShutdown();
        _lab.SetOobPort(SshHost.FreePort("127.0.0.1"));
        var (code, output) = Window("shutdown", resume: journal);
        Assert.Equal(2, code);
        Assert.Contains("shop/oobguard", output);
        Assert.Empty(_lab.Shop.Mutations());
        Assert.Contains("ro qm list", _lab.Shop.Log());
    }

    // 4. The restore set: the same site's journal, or an explicit startup_order; a full window its own capture.

    [Fact]
    public void A_startup_without_a_shutdown_journal_says_what_startup_order_would_start_and_starts_nothing()
    {
        var (code, output) = Window("startup", execute: true, approve: true, site: "shop");
        Assert.Equal(2, code);
        Assert.Contains("no executed shutdown journal of shop for this spine", output);
        Assert.Contains("--restore startup-order would start on shop, in order:", output);
        Assert.Empty(_lab.Shop.Log());
    }

    [Fact]
    public void A_startup_restores_its_own_sites_last_shutdown_and_never_a_guest_that_was_stopped_before()
    {
        Assert.Equal(0, Window("shutdown", execute: true, site: "shop").Code);
        Assert.Equal(0, Window("shutdown", execute: true, site: "home").Code);
        _lab.Shop.ClearLog();
        var (code, output) = Window("startup", execute: true, approve: true, site: "shop");
        Assert.Equal(0, code);
        Assert.Contains("Restoring what", output);
        Assert.DoesNotContain("qm start 206", _lab.Shop.Mutations());
        Assert.Equal("stopped", _lab.Shop.Status("vm", 206));
        Assert.Equal("running", _lab.Shop.Status("vm", 210));
    }

    [Fact]
    public void A_journal_of_another_site_cannot_restore_this_one()
    {
        Assert.Equal(0, Window("shutdown", execute: true, site: "home").Code);
        var home = _lab.LatestJournal();
        var (code, output) = Window("startup", execute: true, approve: true, site: "shop", fromJournal: home);
        Assert.Equal(2, code);
        Assert.Contains("cannot restore site shop: it has no capture of site shop (its sites: home)", output);
        Assert.Empty(_lab.Shop.Mutations());
    }

    [Fact]
    public void A_full_window_takes_no_other_restore_set_than_its_own_capture()
    {
        Assert.Equal(0, Window("shutdown", execute: true, site: "shop").Code);
        var old = _lab.LatestJournal();
        var (code, output) = Window("full", execute: true, approve: true, site: "shop", fromJournal: old);
        Assert.Equal(2, code);
        Assert.Contains("--mode full restores what its own capture finds running", output);
    }

    // 5. One window per site at a time, on this machine and on the host.

    [Fact]
    public async Task A_second_window_on_a_busy_site_is_refused_naming_the_holder_on_this_machine_and_on_the_host()
    {
        _lab.Shop.Flag("vm/210.ignore-shutdown");
        var first = Task.Run(() => _lab.Window("shutdown", execute: true, site: "shop", shutdownTimeoutSec: 6));
        Assert.True(SpinWait.SpinUntil(() => _lab.Shop.Mutations().Contains("qm shutdown 210 --timeout 6"), TimeSpan.FromSeconds(30)));

        // Same journal folder: the local lock.
        var (local, localOutput) = _lab.Window("startup", execute: true, approve: true, site: "shop", with: a => a with { Restore = "startup-order" });
        _log.WriteLine(localOutput);
        Assert.Equal(2, local);
        Assert.Matches(@"site shop is locked on this machine by another window: journal \S+-shutdown-\w+, [^,]+@[^,]+, started \d{4}-", localOutput);

        // Another operator's machine (its own journal folder): the lock on the Proxmox host.
        var elsewhere = Path.Combine(_lab.Root, "other-operator");
        var (remote, remoteOutput) = _lab.Window("startup", execute: true, approve: true, site: "shop", with: a => a with { Restore = "startup-order", JournalDir = elsewhere });
        _log.WriteLine(remoteOutput);
        Assert.Equal(2, remote);
        Assert.Matches(@"site shop is locked on pve by another window: journal \S+-shutdown-\w+, [^,]+@[^,]+, started \d{4}-", remoteOutput);

        var (code, output) = await first;
        _log.WriteLine(output);
        Assert.Equal(0, code);
        Assert.DoesNotContain(_lab.Shop.Mutations(), m => m.StartsWith("qm start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Three_resumes_of_one_journal_run_it_once_and_none_crashes()
    {
        var journal = FailedShopShutdown();
        _lab.Shop.Flag("vm/205.ignore-shutdown");
        var resumes = Enumerable.Range(0, 3).Select(_ => Task.Run(() => _lab.Window("shutdown", resume: journal))).ToArray();
        var results = await Task.WhenAll(resumes);
        foreach (var (_, output) in results)
        {
            _log.WriteLine(output);
            Assert.DoesNotContain("Exception", output);
        }

        Assert.Single(results, r => r.Code == 0);
        Assert.All(results.Where(r => r.Code != 0), r => Assert.Equal(2, r.Code));
        Assert.Single(_lab.Shop.Mutations(), m => m == "qm shutdown 205 --timeout 2");
        Assert.Single(_lab.Shop.Mutations(), m => m == "qm stop 205");
        Assert.All(results.Where(r => r.Code == 2), r => Assert.Matches("cannot resume .*: it is being resumed by another window right now|site shop is locked", r.Output));
        Assert.Equal("completed", JournalOf(journal).GetProperty("Status").GetString());
    }

    // 6. Precheck means check.

    [Fact]
    public void A_precheck_with_the_oob_endpoints_down_exits_1_and_its_json_says_failed()
    {
        _lab.SetOobPort(SshHost.FreePort("127.0.0.1"));
        var (code, stdout, _) = _lab.WindowSplit("precheck", site: "shop", json: true);
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.NotEqual("completed", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void A_precheck_with_a_host_that_does_not_answer_exits_1()
    {
        _lab.WriteSshTargets(_lab.Shop.Fingerprint, homePort: SshHost.FreePort("127.0.0.3"));
        var (code, output) = Window("precheck");
        Assert.Equal(1, code);
        Assert.Contains("unreachable", output);
    }

    [Fact]
    public void A_precheck_with_a_wrong_host_key_exits_2_and_never_says_unreachable()
    {
        _lab.WriteSshTargets("SHA256:" + new string('A', 43));
        var (code, output) = Window("precheck", site: "shop");
        Assert.Equal(2, code);
        Assert.DoesNotContain("unreachable", output);
        Assert.Empty(_lab.Shop.Log());
    }

    // 8. Bad inputs: one line, exit 2, nothing left running.

    [Theory]
    [InlineData("{}", "is not a Spine journal: $.Version is missing or not a number")]
    [InlineData("not json", "is not JSON")]
    [InlineData("[1]", "expected an object, found a list")]
    public void A_journal_that_is_not_one_is_exit_2_with_its_path_and_problem(string text, string problem)
    {
        var path = Path.Combine(_lab.Root, "bad.json");
        File.WriteAllText(path, text);
        var (code, output) = Window("shutdown", resume: path);
        Assert.Equal(2, code);
        Assert.Contains(path, output);
        Assert.Contains(problem, output);
        Assert.Empty(_lab.Shop.Log());
    }

    [Theory]
    [InlineData("Steps")]
    [InlineData("Request")]
    [InlineData("Request.Sites")]
    [InlineData("Commands")]
    [InlineData("Request.ShutdownTimeoutSec=-5")]
    public void A_journal_with_a_field_null_or_out_of_range_is_exit_2_naming_the_field(string field)
    {
        var journal = FailedShopShutdown();
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(journal))!;
        var (path, value) = field.Contains('=') ? (field.Split('=')[0], System.Text.Json.Nodes.JsonValue.Create(int.Parse(field.Split('=')[1]))) : (field, null);
        if (path == "Commands")
        {
            node["Steps"]![0]!["Attempts"]![0]!["Commands"] = null;
        }
        else
        {
            var parts = path.Split('.');
            var parent = parts.Length == 1 ? node : node[parts[0]]!;
            parent[parts[^1]] = value;
        }

        File.WriteAllText(journal, node.ToJsonString());
        var (code, output) = Window("shutdown", resume: journal);
        Assert.Equal(2, code);
        Assert.Contains(journal, output);
        Assert.Contains(path == "Commands" ? ".Commands" : "$." + path, output);
        Assert.Empty(_lab.Shop.Mutations());
        Assert.Equal("failed", JournalOf(journal).GetProperty("Status").GetString() ?? "failed");
    }

    [Fact]
    public void A_directory_a_missing_file_or_a_corrupt_from_journal_is_exit_2()
    {
        Assert.Equal(2, Window("shutdown", resume: _lab.Root).Code);
        Assert.Equal(2, Window("shutdown", resume: Path.Combine(_lab.Root, "nope.json")).Code);
        var corrupt = Path.Combine(_lab.Root, "corrupt.json");
        File.WriteAllText(corrupt, "{\"Version\": 2, ");
        var (code, output) = Window("startup", execute: true, approve: true, site: "shop", fromJournal: corrupt);
        Assert.Equal(2, code);
        Assert.Contains(corrupt, output);
        Assert.Empty(_lab.Shop.Log());
    }

    [Fact]
    public void An_uncreatable_journal_folder_is_exit_2_in_one_line()
    {
        var file = Path.Combine(_lab.Root, "a-file");
        File.WriteAllText(file, string.Empty);
        var (code, output) = Window("shutdown", execute: true, site: "shop", with: a => a with { JournalDir = Path.Combine(file, "journals") });
        Assert.Equal(2, code);
        Assert.Contains("cannot write the journal in", output);
        Assert.Empty(_lab.Shop.Mutations());
    }

    [Theory]
    [InlineData(3000000)]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_timeout_out_of_range_is_exit_2(int seconds)
    {
        var (code, output) = Window("shutdown", execute: true, site: "shop", with: a => a with { ShutdownTimeoutSec = seconds });
        Assert.Equal(2, code);
        Assert.Contains($"--shutdown-timeout-sec must be between 1 and 86400 seconds (got {seconds})", output);
        Assert.Empty(_lab.Shop.Log());
    }

    // 9. Audit: attempts kept, a shutdown verified, stale states labelled.

    [Fact]
    public void A_retried_step_keeps_its_earlier_attempt_with_its_commands()
    {
        var journal = FailedShopShutdown();
        Assert.Equal(0, Window("shutdown", resume: journal).Code);
        var attempts = StepOf(JournalOf(journal), "shop/shutdownguest/205").GetProperty("Attempts");
        Assert.Equal(2, attempts.GetArrayLength());
        Assert.Equal("failed", attempts[0].GetProperty("Outcome").GetString());
        Assert.Contains(attempts[0].GetProperty("Commands").EnumerateArray(), c => c.GetProperty("Command").GetString()!.Contains("qm shutdown 205", StringComparison.Ordinal));
        Assert.Equal("ok", attempts[1].GetProperty("Outcome").GetString());
    }

    [Fact]
    public void A_shutdown_ends_by_verifying_every_planned_guest_is_down()
    {
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(0, code);
        Assert.Contains("shop/verifydown", output);
        Assert.Equal("ok", StepOf(JournalOf(_lab.LatestJournal()), "shop/verifydown").GetProperty("Attempts")[0].GetProperty("Outcome").GetString());
    }

    [Fact]
    public void After_a_lost_connection_the_states_shown_are_labelled_last_known()
    {
        _lab.Shop.Flag("die-on-shutdown-205");
        var (code, output) = Window("shutdown", execute: true, site: "shop");
        Assert.Equal(1, code);
        Assert.Matches(@"state of shop \(pve\), last known at \d\d:\d\d:\d\d: ", output);
        Assert.DoesNotContain("state of shop (pve) now:", output);
    }

    [Fact]
    public void Spine_report_renders_a_window_as_text_and_as_an_html_timeline_chromium_can_draw()
    {
        var journal = FailedShopShutdown();
        Assert.Equal(0, Window("shutdown", resume: journal).Code);
        var html = Path.Combine(_lab.Root, "report.html");
        var text = new StringWriter();
        Assert.Equal(0, ReportCommand.Run(journal, html, text, new StringWriter()));
        Assert.Contains("shop/shutdownguest/205", text.ToString());

        var steps = JournalOf(journal).GetProperty("Steps").EnumerateArray().Select(s => s.GetProperty("Id").GetString()!).ToList();
        var dom = Chromium.DumpDom(html);
        Assert.All(steps, id => Assert.Contains($"data-step=\"{id}\"", dom));
        Assert.Contains("class=\"bar failed\"", dom);
        var png = Chromium.Screenshot(html, Path.Combine(_lab.Root, "report.png"));
        Assert.True(png.Length > 5000, $"screenshot is {png.Length} bytes");
        Assert.True(Chromium.DistinctColors(png) > 3, "the screenshot is blank");
    }

    // 10. Keys.

    [Fact]
    public void A_private_key_readable_by_others_is_refused_with_the_fix()
    {
        SshHost.Run("chmod", "644", _lab.Identity);
        var (code, output) = Window("precheck", site: "shop", execute: true);
        Assert.Equal(2, code);
        Assert.Contains($"is readable by others (mode 644); OpenSSH refuses such a key and so does Spine. Fix: chmod 600 {_lab.Identity}", output);
    }

    [Fact]
    public void An_encrypted_key_is_opened_with_the_passphrase_from_the_environment()
    {
        SshHost.Run("ssh-keygen", "-q", "-p", "-P", string.Empty, "-N", "correct horse", "-f", _lab.Identity);
        var previous = Environment.GetEnvironmentVariable("SPINE_SSH_PASSPHRASE");
        try
        {
            Environment.SetEnvironmentVariable("SPINE_SSH_PASSPHRASE", null);
            var (refused, output) = Window("precheck", site: "shop", execute: true);
            Assert.Equal(2, refused);
            Assert.Contains("is encrypted: set SPINE_SSH_PASSPHRASE", output);

            Environment.SetEnvironmentVariable("SPINE_SSH_PASSPHRASE", "correct horse");
            var (ok, output2) = Window("precheck", site: "shop", execute: true);
            Assert.Equal(0, ok);
            Assert.Contains("host key verified", output2);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPINE_SSH_PASSPHRASE", previous);
        }
    }
}
