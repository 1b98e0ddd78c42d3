using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Runtime.Cli;
using Spine.TestSupport;
using Xunit;

namespace Spine.Runtime.Tests;

public class CliTests
{
    private static (int Code, string Out, string Err) Check(string root, bool json = false)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CheckCommand.Run(root, json, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Check_of_the_own_spine_exits_0()
    {
        var (code, output, _) = Check(Paths.RepoRoot);
        Assert.Equal(0, code);
        Assert.Contains("0 error(s)", output);
    }

    [Fact]
    public void Check_of_the_corpus_prints_compiler_style_lines_and_exits_1()
    {
        var (code, output, _) = Check(Paths.Corpus);
        Assert.Equal(1, code);
        Assert.Contains("ops/bindings/gate.registry.yaml(749,15): error SPINE303: Gate D98 has category 'home-automation'", output);
        Assert.Contains("ops/bindings/surface.readonly.contract.yaml(29,5): error SPINE002:", output);
    }

    [Fact]
    public void Check_json_goes_to_the_output_and_parses()
    {
        var (code, output, _) = Check(Paths.Corpus, json: true);
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(17, doc.RootElement.GetProperty("findings").GetArrayLength());
    }

    private static Spine.Model.Checking.CheckReport Report(Spine.Model.SpineWorkspace ws) =>
        Spine.Model.Checking.SpineCheck.Run(ws, Spine.Model.Policy.PolicyEnvironment.Sources(ws, _ => null), _ => null, Spine.Model.Checking.CheckScope.Rules);

    [Fact]
    public void Check_json_has_the_documented_shape()
    {
        var stdout = new MemoryStream();
        var ws = Spine.Model.Loading.SpineDirectory.Load(Paths.Corpus);
        FindingWriter.WriteJson(stdout, Report(ws), ws.Files.Count);
        using var doc = JsonDocument.Parse(stdout.ToArray());
        var first = doc.RootElement.GetProperty("findings")[0];
        foreach (var name in new[] { "rule", "gate", "severity", "file", "line", "column", "endLine", "endColumn", "message" })
        {
            Assert.True(first.TryGetProperty(name, out _), name);
        }

        var d137 = FixtureSpine.Own().Replace("ops/capabilities.yaml", "    lifecycle: draft\n    plane: fabric\n", "    lifecycle: draft\n").Load();
        var s2 = new MemoryStream();
        FindingWriter.WriteJson(s2, Report(d137), d137.Files.Count);
        using var doc2 = JsonDocument.Parse(s2.ToArray());
        var f = doc2.RootElement.GetProperty("findings")[0];
        Assert.Equal(("SPINE137", "D137", "error"), (f.GetProperty("rule").GetString(), f.GetProperty("gate").GetString(), f.GetProperty("severity").GetString()));
    }

    [Fact]
    public void Check_of_a_folder_that_is_no_spine_exits_2()
    {
        var (code, _, err) = Check(Path.GetTempPath() + "/no-such-spine");
        Assert.Equal(2, code);
        Assert.Contains("not a spine root", err);
    }

    [Fact]
    public void Verify_domain_list_json_and_run()
    {
        var o = new StringWriter();
        Assert.Equal(0, VerifyCommand.Run(new VerifyCommand.Arguments(Paths.Corpus, "proxmox-network", true, true, 10, null, false), o, new StringWriter()));
        using var doc = JsonDocument.Parse(o.ToString());
        Assert.Equal("profile", doc.RootElement.GetProperty("source").GetString());
        Assert.Equal(25, doc.RootElement.GetProperty("gates").GetArrayLength());

        var run = new StringWriter();
        Assert.Equal(0, VerifyCommand.Run(new VerifyCommand.Arguments(Paths.RepoRoot, "proxmox-network", false, false, 30, null, false), run, new StringWriter()));
        Assert.Contains("D14 PASS", run.ToString());
        Assert.Contains("D137 PASS (compiled: SPINE137)", run.ToString());
        Assert.Contains("summary: pass=5 fail=0 skipped_inline=0 skipped_retired=0", run.ToString());

        var core = new StringWriter();
        Assert.Equal(0, VerifyCommand.Run(new VerifyCommand.Arguments(Paths.RepoRoot, null, false, false, 30, null, false), core, new StringWriter()));
        Assert.Contains("D3 PASS", core.ToString());

        var coreDomain = new StringWriter();
        Assert.Equal(0, VerifyCommand.Run(new VerifyCommand.Arguments(Paths.RepoRoot, "core", false, false, 30, null, false), coreDomain, new StringWriter()));
        Assert.Contains("D1 SKIP inline-only", coreDomain.ToString());
        Assert.Contains("summary: pass=2 fail=0 skipped_inline=1 skipped_retired=0", coreDomain.ToString());

        Assert.Equal(2, VerifyCommand.Run(new VerifyCommand.Arguments(Paths.RepoRoot, "atlantis", false, false, 30, null, false), new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Verify_fails_on_a_failing_gate_and_warns_under_permissive()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        spine.Edit("ops/bindings/ssh.targets.yaml", t => t.Replace("host: \"127.0.0.5\"", "host: \"203.0.113.5\""));
        var o = new StringWriter();
        Assert.Equal(1, VerifyCommand.Run(new VerifyCommand.Arguments(spine.Path, "infra", false, false, 30, Path.Combine(spine.Path, "receipts"), false), o, new StringWriter()));
        Assert.Contains("D14 FAIL (rc=1)", o.ToString());
        Assert.Single(Directory.GetFiles(Path.Combine(spine.Path, "receipts"), "*.sarif"));

        spine.Edit("ops/bindings/tenant.profile.yaml", t => t.Replace("preset: balanced", "preset: permissive"));
        var w = new StringWriter();
        Assert.Equal(0, VerifyCommand.Run(new VerifyCommand.Arguments(spine.Path, "infra", false, false, 30, null, false), w, new StringWriter()));
        Assert.Contains("(warn: drift_gate_mode=warn)", w.ToString());
    }

    [Fact]
    public void Policy_show_prints_each_knob_with_its_source()
    {
        var o = new StringWriter();
        Assert.Equal(0, PolicyCommand.Show(Paths.RepoRoot, json: true, o, new StringWriter()));
        using var doc = JsonDocument.Parse(o.ToString());
        Assert.Equal("balanced", doc.RootElement.GetProperty("preset").GetString());
        Assert.Equal("override ops/bindings/tenant.profile.yaml", doc.RootElement.GetProperty("knobs").GetProperty("stale_ssot_max_days").GetProperty("source").GetString());
    }

    [Fact]
    public void A_gate_script_that_hangs_fails_on_its_timeout()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        File.WriteAllText(spine.File("surfaces/verify/d14-ssh-targets-loopback.sh"), "#!/usr/bin/env bash\nsleep 30\n");
        var o = new StringWriter();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(1, VerifyCommand.Run(new VerifyCommand.Arguments(spine.Path, "network", false, false, 1, null, false), o, new StringWriter()));
        Assert.Contains("D14 FAIL (timeout after 1s)", o.ToString());
        Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData(2, "--bogus")]
    [InlineData(2, "check", "--root")]
    [InlineData(0, "--help")]
    [InlineData(0, "maintenance-window", "--help")]
    public void The_binary_answers_usage_errors_with_2_and_help_with_0(int expected, params string[] args)
    {
        var spine = Path.Combine(System.AppContext.BaseDirectory, "spine.dll");
        var (code, output) = DotnetCli.Run(System.AppContext.BaseDirectory, new[] { spine }.Concat(args).ToArray());
        Assert.True(expected == code, output);
        if (expected == 0)
        {
            Assert.Contains("Usage:", output);
        }
        else
        {
            Assert.Contains("spine --help", output);
        }
    }

    /// <summary>The README's main command: a dry run of a full window of both sites on the compiled-in spine, no host reachable.</summary>
    [Fact]
    public void The_readme_main_command_prints_the_whole_plan_and_does_not_fail_when_no_host_answers()
    {
        var journals = Path.Combine(Path.GetTempPath(), "spine-readme-" + System.Guid.NewGuid().ToString("N")[..8]);
        var args = new MaintenanceWindowCommand.Arguments("both", "full", false, false, 180, false, false, "/nonexistent/id_ed25519", "/nonexistent/known_hosts", false, null, null, Paths.RepoRoot, journals, 120, 2000, 900);
        var o = new StringWriter();
        var code = MaintenanceWindowCommand.Run(args, o, new StringWriter());
        var output = o.ToString();
        Assert.Equal(0, code);
        Assert.Contains("DRY RUN", output);
        Assert.Matches(@"\[(\d+)/\1\] shop/verify", output);
        Assert.Contains("would run on pve: LC_ALL=C qm shutdown 210 --timeout 180", output);
        Assert.Contains("Read-only prechecks could not pass: pve unreachable", output);
        Assert.Contains("nothing was changed", output);
        Directory.Delete(journals, recursive: true);
    }

    /// <summary>One policy everywhere: an unknown preset from the environment is the same located error, exit 2, in every command that resolves policy.</summary>
    [Theory]
    [InlineData("check")]
    [InlineData("verify", "domain", "network")]
    [InlineData("policy", "show")]
    [InlineData("baseline")]
    [InlineData("maintenance-window", "--site", "shop", "--mode", "precheck", "--journal-dir", "/tmp/spine-preset-journals")]
    public void An_unknown_policy_preset_is_exit_2_with_the_same_message_in_every_command(params string[] command)
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        var env = new System.Collections.Generic.Dictionary<string, string> { ["SPINE_POLICY_PRESET"] = "nosuch" };
        var spineDll = Path.Combine(System.AppContext.BaseDirectory, "spine.dll");
        var (code, output) = DotnetCli.Run(spine.Path, env, new[] { spineDll }.Concat(command).Concat(new[] { "--root", spine.Path }).ToArray());
        Assert.True(code == 2, output);
        Assert.Contains("spine: error SPINE504: Unknown policy preset 'nosuch' (from SPINE_POLICY_PRESET); the spine defines strict, balanced, permissive.", output);
        Assert.False(File.Exists(spine.File("ops/spine.baseline.yaml")));
    }
}
