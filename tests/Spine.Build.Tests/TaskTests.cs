using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Build.Tasks;
using Spine.TestSupport;
using Xunit;

namespace Spine.Build.Tests;

/// <summary>The MSBuild tasks, run directly with a mock build engine over temp copies of the repository's spine.</summary>
public class TaskTests
{
    private const string Registry = "ops/bindings/gate.registry.yaml";

    private static (SpineVerify Task, MockBuildEngine Engine, bool Result) Verify(TempCopy spine, string domain = "", string? receipts = null)
    {
        var engine = new MockBuildEngine();
        var task = new SpineVerify { BuildEngine = engine, SpineRoot = spine.Path, Domain = domain, ReceiptsDirectory = receipts ?? string.Empty, GateTimeoutSeconds = 30 };
        return (task, engine, task.Execute());
    }

    [Fact]
    public void Clean_spine_passes_with_no_errors_or_warnings()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        var (_, engine, result) = Verify(spine);
        Assert.True(result);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Missing_check_script_is_an_error_at_the_registry_line()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        File.Delete(spine.File("surfaces/verify/d3-entrypoint-smoke.sh"));
        var (_, engine, result) = Verify(spine);
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SPINE601", error.Code);
        Assert.Equal(spine.File(Registry), error.File);
        Assert.Equal(spine.Position(Registry, "surfaces/verify/d3-entrypoint-smoke.sh"), (error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void Non_executable_check_script_is_an_error()
    {
        if (System.OperatingSystem.IsWindows())
        {
            return;
        }

        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        File.SetUnixFileMode(spine.File("surfaces/verify/d14-ssh-targets-loopback.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (_, engine, _) = Verify(spine);
        Assert.Contains("not executable", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void Missing_capability_command_is_an_error_and_a_missing_path_trigger_a_warning()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        File.Delete(spine.File("bin/spine"));
        spine.Edit("ops/bindings/gate.domain.profiles.yaml", t => t.Replace("path_triggers: [\"ops/bindings/home.device.registry.yaml\"]", "path_triggers: [\"ops/bindings/gone.yaml\", \"surfaces/verify/d99-\"]"));
        var (_, engine, result) = Verify(spine);
        Assert.False(result);
        Assert.All(engine.Errors, e => Assert.Equal("SPINE602", e.Code));
        Assert.Equal(12, engine.Errors.Count);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("SPINE603", warning.Code);
        Assert.Contains("gone.yaml", warning.Message);
    }

    [Fact]
    public void A_failing_gate_of_the_domain_is_an_error_at_its_registry_entry_and_a_receipt_is_written()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        spine.Edit("ops/bindings/ssh.targets.yaml", t => t.Replace("host: \"127.0.0.5\"", "host: \"192.0.2.5\""));
        var (task, engine, result) = Verify(spine, "proxmox-network", Path.Combine(spine.Path, "receipts"));
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("SPINE610", error.Code);
        Assert.Equal(spine.Position(Registry, "D14\n"), (error.LineNumber, error.ColumnNumber));
        Assert.Contains("192.0.2.5", error.Message);
        Assert.Contains(engine.Messages, m => m.Contains("D14 FAIL (rc=1)"));
        Assert.Contains(engine.Messages, m => m.Contains("D137 PASS"));

        using var receipt = JsonDocument.Parse(File.ReadAllText(task.Receipt));
        var gates = receipt.RootElement.GetProperty("gates").EnumerateArray().ToList();
        Assert.Equal(new[] { "D14", "D22", "D137", "D138", "D139" }, gates.Select(g => g.GetProperty("id").GetString()));
        Assert.Equal("FAIL", gates[0].GetProperty("result").GetString());
        Assert.Equal("balanced", receipt.RootElement.GetProperty("policy").GetProperty("preset").GetString());
        Assert.All(receipt.RootElement.GetProperty("files").EnumerateArray(), f => Assert.Equal(64, f.GetProperty("sha256").GetString()!.Length));

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(task.Receipt, ".sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var r = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal("SPINE610", r.GetProperty("ruleId").GetString());
        var region = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(error.LineNumber, region.GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Under_a_warn_preset_failures_are_warnings()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        File.Delete(spine.File("surfaces/verify/d3-entrypoint-smoke.sh"));
        spine.Edit("ops/bindings/tenant.profile.yaml", t => t.Replace("preset: balanced", "preset: permissive"));
        var (_, engine, result) = Verify(spine, "core");
        Assert.True(result);
        Assert.Empty(engine.Errors);
        Assert.Equal(new[] { "SPINE601", "SPINE610" }, engine.Warnings.Select(w => w.Code).OrderBy(c => c));
    }

    [Fact]
    public void Unknown_domain_is_an_error()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        var (_, engine, result) = Verify(spine, "atlantis");
        Assert.False(result);
        Assert.Contains("atlantis", Assert.Single(engine.Errors).Message);
    }

    [Fact]
    public void A_check_script_outside_the_spine_root_is_refused()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        spine.Edit(Registry, t => t.Replace("check_script: surfaces/verify/d14-ssh-targets-loopback.sh", "check_script: ../../../../bin/true"));
        var (_, engine, result) = Verify(spine, "network");
        Assert.False(result);
        Assert.Contains(engine.Errors, e => e.Code == "SPINE601" && (e.Message ?? string.Empty).Contains("outside the spine root"));
        Assert.Contains(engine.Messages, m => m.Contains("D14 FAIL check_script '../../../../bin/true' is outside the spine root"));
    }
}
