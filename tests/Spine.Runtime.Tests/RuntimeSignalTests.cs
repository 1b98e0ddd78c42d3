using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// Signals sent to the real <c>spine</c> process during an executed window (a guest that ignores its shutdown keeps a
/// step waiting): SIGTERM and SIGHUP stop it after the current step like Ctrl-C (journal "interrupted", exit 1), a
/// second signal cancels the wait at once, and bad inputs never show a stack trace.
/// </summary>
[Collection("sshd")]
public sealed class RuntimeSignalTests : IDisposable
{
    private readonly Lab _lab = new();
    private readonly ITestOutputHelper _log;

    public RuntimeSignalTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _lab.Dispose();

    private Process Start(params string[] args)
    {
        // A signal ignored by the parent stays ignored across exec, and .NET keeps it so (under `nohup ./test.sh` the
        // window would rightly ignore SIGHUP): coreutils' env restores the default dispositions first, as in a terminal.
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spine.dll"));
        foreach (var a in new[] { "maintenance-window", "--root", _lab.Root, "--journal-dir", _lab.JournalDir, "--identity", _lab.Identity, "--known-hosts", Path.Combine(_lab.KeysFolder, "none"), "--poll-interval-ms", "50" }.Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    private static (int Code, string Output) Finish(Process p, TimeSpan limit)
    {
        var output = new StringBuilder();
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("spine did not exit in " + limit + ": " + stdout.Result + stderr.Result);
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static void Signal(Process p, string name) => SshHost.Run("kill", "-" + name, p.Id.ToString());

    private void WaitForShutdownOf210(Process p)
    {
        Assert.True(SpinWait.SpinUntil(() => p.HasExited || _lab.Shop.Mutations().Any(m => m.StartsWith("qm shutdown 210", StringComparison.Ordinal)), TimeSpan.FromSeconds(120)), "the window never reached qm shutdown 210");
        Assert.False(p.HasExited);
    }

    [Theory]
    [InlineData("TERM", "SIGTERM")]
    [InlineData("HUP", "SIGHUP")]
    [InlineData("INT", "Ctrl-C")]
    public void A_signal_stops_the_window_after_the_current_step_and_the_journal_says_interrupted(string signal, string name)
    {
        _lab.Shop.Flag("vm/210.ignore-shutdown");
        // 210 ignores its shutdown, so the step waits its full timeout before the forced stop: long enough that the
        // signal lands inside that step even on a loaded machine (the window then stops before 209).
        using var p = Start("--site", "shop", "--mode", "shutdown", "--execute", "--shutdown-timeout-sec", "8");
        WaitForShutdownOf210(p);
        Signal(p, signal);
        var (code, output) = Finish(p, TimeSpan.FromSeconds(60));
        _log.WriteLine(output);
        Assert.Equal(1, code);
        Assert.Contains($"{name}: stopping after the current step", output);
        Assert.Contains("interrupted", output);
        Assert.Equal("stopped", _lab.Shop.Status("vm", 210));
        Assert.Equal("running", _lab.Shop.Status("vm", 209));
        using var journal = JsonDocument.Parse(File.ReadAllText(_lab.LatestJournal()));
        Assert.Equal("interrupted", journal.RootElement.GetProperty("Status").GetString());
    }

    [Fact]
    public void A_second_signal_cancels_the_current_wait_at_once_and_names_it_cancelled()
    {
        _lab.Shop.Flag("vm/210.ignore-shutdown");
        using var p = Start("--site", "shop", "--mode", "shutdown", "--execute", "--shutdown-timeout-sec", "600");
        WaitForShutdownOf210(p);
        var watch = Stopwatch.StartNew();
        Signal(p, "INT");
        Thread.Sleep(500);
        Signal(p, "TERM");
        var (code, output) = Finish(p, TimeSpan.FromSeconds(60));
        _log.WriteLine(output);
        Assert.Equal(1, code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.DoesNotContain("timed out", output);
        Assert.Equal("running", _lab.Shop.Status("vm", 210));
        using var journal = JsonDocument.Parse(File.ReadAllText(_lab.LatestJournal()));
        Assert.Equal("interrupted", journal.RootElement.GetProperty("Status").GetString());
        var step = journal.RootElement.GetProperty("Steps").EnumerateArray().First(s => s.GetProperty("Id").GetString() == "shop/shutdownguest/210");
        Assert.Equal("interrupted", step.GetProperty("Attempts").EnumerateArray().Last().GetProperty("Outcome").GetString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"Version\": 2, \"Steps\": null}")]
    [InlineData("DIRECTORY")]
    public void A_bad_resume_is_one_line_and_exit_2_without_a_stack_trace(string content)
    {
        var path = Path.Combine(_lab.Root, "bad-journal");
        if (content == "DIRECTORY")
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            File.WriteAllText(path, content);
        }

        using var p = Start("--resume", path);
        var (code, output) = Finish(p, TimeSpan.FromSeconds(60));
        _log.WriteLine(output);
        Assert.Equal(2, code);
        Assert.Contains(path, output);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }
}
