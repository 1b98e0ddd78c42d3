using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Spine.Build.Verification;
using Spine.Model;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// The spine's own gate scripts (02-25's surfaces/verify, commit 0d71a402) are the oracle of the compiled rules: for
/// every condition a script enforces, the violation is planted in a copy of the 02-25 corpus and the script and
/// Spine must both fail, naming the same items; unmodified, both corpora pass or fail alike gate by gate. The scripts
/// call Go yq; tests put tests/Spine.TestSupport/yq-front/yq first on the PATH, a front that maps those calls onto
/// Debian's jq-based yq (see its header for the two language differences it bridges).
/// </summary>
public abstract class GateParityBase
{
    protected static readonly string[] Gates = { "D67", "D137", "D138", "D139" };
    private readonly ITestOutputHelper _log;

    static GateParityBase() => YqFront.Install();

    protected GateParityBase(ITestOutputHelper log) => _log = log;

    protected static TempCopy Copy25() => TempCopy.OfSpine(Paths.Corpus25);

    /// <summary>Both sides of one gate on a spine: the compiled rule's verdict and items, the script's, its output.</summary>
    protected ParityResult Parity(TempCopy spine, string gate, out string scriptOutput)
    {
        var workspace = SpineDirectory.Load(spine.Path);
        var report = Verifier.Run(workspace, "parity " + gate, new GateSet(gate, GateSetSource.Topology, new[] { gate }.ToEquatableArray()), new GateRunOptions(TimeSpan.FromSeconds(60), true, CancellationToken.None));
        var result = Assert.Single(report.Results);
        scriptOutput = result.Output;
        _log.WriteLine($"{gate}: {result.Parity?.Describe()}\n{result.Output}");
        return result.Parity ?? throw new InvalidOperationException($"{gate} ran no parity comparison: {result.Detail}");
    }

    protected void BothFail(TempCopy spine, string gate, string scriptSays, params string[] items)
    {
        var parity = Parity(spine, gate, out var output);
        Assert.Equal(GateOutcome.Fail, parity.Script);
        Assert.Equal(GateOutcome.Fail, parity.Compiled);
        Assert.Contains(scriptSays, output);
        foreach (var item in items)
        {
            Assert.Contains(item, parity.CompiledItems);
            Assert.Contains(item, parity.ScriptItems);
        }

        Assert.True(parity.Agree, parity.Describe());
    }

    protected static void RemoveCapability(TempCopy spine, string file, string name) =>
        spine.Edit(file, t => Regex.Replace(t, $@"(?m)^  {Regex.Escape(name)}:\n(?:(?:    .*|\s*)\n)*?(?=  \S)", string.Empty));

    protected static void EditCapability(TempCopy spine, string name, Func<string, string> edit) =>
        spine.Edit("ops/capabilities.yaml", t => Regex.Replace(t, $@"(?m)^  {Regex.Escape(name)}:\n(?:    .*\n)+", m => edit(m.Value)));
}

/// <summary>D67, D138, D139 and the unmodified corpora (see <see cref="GateParityBase"/>).</summary>
public sealed class GateParityTests : GateParityBase
{
    public GateParityTests(ITestOutputHelper log)
        : base(log)
    {
    }

    // ── Unmodified: script and Spine agree gate by gate on both corpora ───────────────────────────

    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void On_each_corpus_unmodified_the_scripts_and_spine_agree_gate_by_gate(string date)
    {
        using var spine = TempCopy.OfSpine(Paths.CorpusOf(date));
        if (!Directory.Exists(spine.File("surfaces/verify")))
        {
            // 02-17 predates the scripts in the snapshot: its gates are judged by the 02-25 scripts.
            Directory.CreateDirectory(spine.File("surfaces/verify"));
            foreach (var script in Directory.GetFiles(Path.Combine(Paths.Corpus25, "surfaces/verify")))
            {
                File.Copy(script, spine.File("surfaces/verify/" + Path.GetFileName(script)));
            }
        }

        foreach (var gate in Gates)
        {
            var parity = Parity(spine, gate, out _);
            if (date == "2026-02-17" && gate == "D137")
            {
                // The one known difference: the 02-25 script's second (adjacent) contract, which the spine's script
                // gained on 2026-02-21; a registry dated before it is held to the contract of its day (SPINE137.md).
                Assert.Equal(GateOutcome.Pass, parity.Compiled);
                Assert.Equal(GateOutcome.Fail, parity.Script);
                Assert.All(parity.ScriptItems, item => Assert.Matches(CapabilityAdjacentPattern, item));
                continue;
            }

            Assert.True(parity.Agree, $"{date} {gate}: {parity.Describe()}");
        }
    }

    private const string CapabilityAdjacentPattern = @"^(infra|caddy|auth|secrets|cloudflared|pihole|vaultwarden)\.";

    [Fact]
    public void An_older_spine_that_opts_into_the_adjacent_contract_agrees_with_the_newer_script()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus);
        Directory.CreateDirectory(spine.File("surfaces/verify"));
        File.Copy(Path.Combine(Paths.Corpus25, "surfaces/verify/d137-infra-capability-metadata-parity.sh"), spine.File("surfaces/verify/d137-infra-capability-metadata-parity.sh"));
        spine.Edit("ops/bindings/gate.registry.yaml", t => t.Replace("  - id: D137\n", $"  - id: D137\n    rule:\n      adjacent_pattern: '{CapabilityAdjacentPattern}'\n", StringComparison.Ordinal));
        var parity = Parity(spine, "D137", out _);
        Assert.Equal(GateOutcome.Fail, parity.Compiled);
        Assert.Contains("secrets.status", parity.CompiledItems);
        Assert.True(parity.Agree, parity.Describe());
    }

    // ── D67 ─────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void D67_a_capability_missing_from_the_map()
    {
        using var spine = Copy25();
        RemoveCapability(spine, "ops/bindings/capability_map.yaml", "infra.maintenance.window");
        BothFail(spine, "D67", "MISSING from map: infra.maintenance.window", "infra.maintenance.window");
    }

    [Fact]
    public void D67_a_phantom_entry_in_the_map()
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/capability_map.yaml", t => Regex.Replace(t, @"(?m)^capabilities:\n", "capabilities:\n  infra.phantom.entry:\n    plugin: infra\n    script: infra-phantom\n"));
        BothFail(spine, "D67", "PHANTOM in map: infra.phantom.entry", "infra.phantom.entry");
    }

    [Fact]
    public void D67_no_capabilities_in_the_source()
    {
        using var spine = Copy25();
        File.WriteAllText(spine.File("ops/capabilities.yaml"), "version: 1\ncapabilities: {}\n");
        BothFail(spine, "D67", "no capabilities found in source");
    }

    [Fact]
    public void D67_no_capabilities_in_the_map()
    {
        using var spine = Copy25();
        File.WriteAllText(spine.File("ops/bindings/capability_map.yaml"), "version: 1\ncapabilities: {}\n");
        BothFail(spine, "D67", "no capabilities found in map");
    }

    [Theory]
    [InlineData("ops/capabilities.yaml", "capabilities.yaml missing")]
    [InlineData("ops/bindings/capability_map.yaml", "capability_map.yaml missing")]
    public void D67_a_file_missing(string file, string scriptSays)
    {
        using var spine = Copy25();
        File.Delete(spine.File(file));
        BothFail(spine, "D67", scriptSays);
    }

    // ── D138 ────────────────────────────────────────────────────────────────────────────────────

    [Theory]
    [InlineData("version: 1\n", "version=1 (expected >=2)")]
    [InlineData("", "null: unbound variable")] // the script's arithmetic on "null" under set -u: still a FAIL
    public void D138_a_version_below_2_or_none(string version, string scriptSays)
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/startup.sequencing.yaml", t => t.Replace("version: 3\n", version, StringComparison.Ordinal));
        BothFail(spine, "D138", scriptSays);
    }

    [Fact]
    public void D138_no_phases()
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/startup.sequencing.yaml", t => Regex.Replace(t, @"(?ms)^phases:\n.*?(?=^\S|\z)", "phases: []\n"));
        BothFail(spine, "D138", "No phases found in startup.sequencing.yaml");
    }

    [Fact]
    public void D138_a_phase_without_a_site()
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/startup.sequencing.yaml", t => Regex.Replace(t, @"(?m)^    site: home\n", string.Empty));
        BothFail(spine, "D138", "missing 'site' tag");
    }

    [Fact]
    public void D138_a_site_that_is_not_declared()
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/startup.sequencing.yaml", t => Regex.Replace(t, @"(?m)^    site: home\n", "    site: cabin\n"));
        BothFail(spine, "D138", "has invalid site='cabin' (expected shop|home)");
    }

    [Theory]
    [InlineData("shop", "home", "No phases tagged with site=shop")]
    [InlineData("home", "shop", "No phases tagged with site=home")]
    public void D138_a_site_without_any_phase(string missing, string other, string scriptSays)
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/startup.sequencing.yaml", t => Regex.Replace(t, $@"(?m)^    site: {missing}\n", $"    site: {other}\n"));
        BothFail(spine, "D138", scriptSays);
    }

    // ── D139 ────────────────────────────────────────────────────────────────────────────────────

    [Fact]
    public void D139_no_nas_device()
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/home.device.registry.yaml", t => t.Replace("  - id: nas\n", "  - id: storage\n", StringComparison.Ordinal));
        BothFail(spine, "D139", "NAS device entry (id=nas) missing");
    }

    [Theory]
    [InlineData("ip", "NAS device missing 'ip' field")]
    [InlineData("role", "NAS device missing 'role' field")]
    public void D139_a_nas_without_ip_or_role(string field, string scriptSays)
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/home.device.registry.yaml", t => Regex.Replace(t, $@"(  - id: nas\n(?:    .*\n)*?)    {field}: .*\n", "$1"));
        BothFail(spine, "D139", scriptSays);
    }

    [Theory]
    [InlineData("ops/bindings/home.device.registry.yaml", "home.device.registry.yaml not found")]
    [InlineData("ops/bindings/backup.inventory.yaml", "backup.inventory.yaml not found")]
    public void D139_a_file_missing(string file, string scriptSays)
    {
        using var spine = Copy25();
        File.Delete(spine.File(file));
        BothFail(spine, "D139", scriptSays);
    }

    [Fact]
    public void D139_no_nas_backup_target()
    {
        using var spine = Copy25();
        // Nothing in the file names the NAS any more (the script's last resort greps the whole file for it).
        spine.Edit("ops/bindings/backup.inventory.yaml", t => t.Replace("/volume1", "/srv", StringComparison.Ordinal).Replace("synology", "store", StringComparison.Ordinal).Replace("nas", "box", StringComparison.Ordinal).Replace("NAS", "BOX", StringComparison.Ordinal));
        BothFail(spine, "D139", "No NAS backup targets found in backup.inventory.yaml");
    }

    [Fact]
    public void D139_no_offsite_backup_target()
    {
        using var spine = Copy25();
        spine.Edit("ops/bindings/backup.inventory.yaml", t => t.Replace("offsite", "remote", StringComparison.Ordinal).Replace("OFFSITE", "REMOTE", StringComparison.Ordinal));
        BothFail(spine, "D139", "No offsite backup targets found in backup.inventory.yaml");
    }
}

/// <summary>D137, the slowest script (a few hundred yq calls on capabilities.yaml): a class of its own runs beside the others.</summary>
public sealed class D137ParityTests : GateParityBase
{
    public D137ParityTests(ITestOutputHelper log)
        : base(log)
    {
    }

    // ── D137: the strict list ───────────────────────────────────────────────────────────────────

    [Fact]
    public void D137_a_strict_capability_that_does_not_exist()
    {
        using var spine = Copy25();
        RemoveCapability(spine, "ops/capabilities.yaml", "infra.proxmox.node_path.migrate");
        BothFail(spine, "D137", "Capability 'infra.proxmox.node_path.migrate' not found in capabilities.yaml", "infra.proxmox.node_path.migrate");
    }

    [Fact]
    public void D137_a_strict_capability_without_a_description_counts_as_missing()
    {
        using var spine = Copy25();
        EditCapability(spine, "infra.proxmox.node_path.migrate", b => Regex.Replace(b, @"(?m)^    description: .*\n", string.Empty));
        BothFail(spine, "D137", "Capability 'infra.proxmox.node_path.migrate' not found in capabilities.yaml", "infra.proxmox.node_path.migrate");
    }

    [Theory]
    [InlineData("plane", null, "missing 'plane' field")]
    [InlineData("plane", "control", "plane='control' (expected 'fabric')")]
    [InlineData("domain", null, "missing 'domain' field")]
    [InlineData("domain", "network", "domain='network' (expected 'infra')")]
    public void D137_a_strict_capability_with_its_plane_or_domain_missing_or_wrong(string field, string? value, string scriptSays)
    {
        using var spine = Copy25();
        EditCapability(spine, "infra.proxmox.node_path.migrate", b => Regex.Replace(b, $@"(?m)^    {field}: .*\n", value is null ? string.Empty : $"    {field}: {value}\n"));
        BothFail(spine, "D137", $"Capability 'infra.proxmox.node_path.migrate' {scriptSays}", "infra.proxmox.node_path.migrate");
    }

    [Theory]
    [InlineData("absent")]
    [InlineData("[]")]
    [InlineData("null")]
    public void D137_a_strict_capability_without_requires(string requires)
    {
        using var spine = Copy25();
        if (requires != "absent")
        {
            // The snapshot's precheck has no requires at all (the "absent" case as it is); give it an empty one.
            EditCapability(spine, "infra.proxmox.maintenance.precheck", b => b + $"    requires: {requires}\n");
        }

        BothFail(spine, "D137", "Capability 'infra.proxmox.maintenance.precheck' missing 'requires' preconditions", "infra.proxmox.maintenance.precheck");
    }

    [Fact]
    public void D137_node_path_migrate_may_go_without_requires()
    {
        using var spine = Copy25();
        EditCapability(spine, "infra.proxmox.node_path.migrate", b => Regex.Replace(b, @"(?m)^    requires:\n(?:      - .*\n)*", string.Empty));
        var parity = Parity(spine, "D137", out var output);
        Assert.DoesNotContain("infra.proxmox.node_path.migrate", output);
        Assert.DoesNotContain("infra.proxmox.node_path.migrate", parity.CompiledItems);
        Assert.True(parity.Agree, parity.Describe());
    }

    // ── D137: the infra-core adjacent contract ──────────────────────────────────────────────────

    [Theory]
    [InlineData("plane")]
    [InlineData("domain")]
    public void D137_an_adjacent_capability_without_plane_or_domain(string field)
    {
        using var spine = Copy25();
        EditCapability(spine, "infra.docker_ps", b => Regex.IsMatch(b, $@"(?m)^    {field}: ") ? Regex.Replace(b, $@"(?m)^    {field}: .*\n", string.Empty) : b);
        BothFail(spine, "D137", $"Capability 'infra.docker_ps' missing '{field}' field", "infra.docker_ps");
    }

    [Fact]
    public void D137_an_adjacent_capability_of_another_prefix_is_held_to_it_too()
    {
        using var spine = Copy25();
        spine.Edit("ops/capabilities.yaml", t => Regex.Replace(t, @"(?m)^capabilities:\n", "capabilities:\n  vaultwarden.parity.probe:\n    description: \"Read-only vault audit.\"\n    command: \"./ops/plugins/vaultwarden/bin/audit\"\n    safety: read-only\n    approval: auto\n"));
        spine.Edit("ops/bindings/capability_map.yaml", t => Regex.Replace(t, @"(?m)^capabilities:\n", "capabilities:\n  vaultwarden.parity.probe:\n    plugin: vaultwarden\n    script: audit\n"));
        BothFail(spine, "D137", "Capability 'vaultwarden.parity.probe' missing 'plane' field", "vaultwarden.parity.probe");
    }

    [Fact]
    public void D137_no_adjacent_capability_at_all()
    {
        using var spine = Copy25();
        // Rename every capability of the adjacent prefixes (the strict ones included): nothing matches the pattern.
        spine.Edit("ops/capabilities.yaml", t => Regex.Replace(t, @"(?m)^  (infra|caddy|auth|secrets|cloudflared|pihole|vaultwarden)\.", "  x-$1."));
        var parity = Parity(spine, "D137", out var output);
        Assert.Equal(GateOutcome.Fail, parity.Script);
        Assert.Equal(GateOutcome.Fail, parity.Compiled);
        Assert.Contains("No infra-core adjacent capabilities matched regex", output);
        var workspace = SpineDirectory.Load(spine.Path);
        Assert.Contains(RuleEngine.Check(workspace), f => f.RuleId == "SPINE137" && f.Message.Contains("No infra-core adjacent capability", StringComparison.Ordinal));
        Assert.True(parity.Agree, parity.Describe());
    }
}


/// <summary>Puts the test-side Go-yq front first on this process's PATH (the gate scripts inherit it).</summary>
internal static class YqFront
{
    private static readonly object Gate = new();

    public static string Folder => Path.Combine(Paths.RepoRoot, "tests", "Spine.TestSupport", "yq-front");

    public static void Install()
    {
        lock (Gate)
        {
            if (!File.Exists("/usr/bin/yq"))
            {
                throw new InvalidOperationException("Debian's yq is required for the gate-parity tests (./test.sh installs it).");
            }

            var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            if (!path.Split(':').Contains(Folder))
            {
                Environment.SetEnvironmentVariable("PATH", Folder + ":" + path);
            }
        }
    }
}

/// <summary>
/// Parity mode, as operators run it: `spine verify domain infra --parity` (the real binary) and a build with
/// SpineVerifyParity=true. Silent while script and rule agree; a SPINE620 warning showing both sides when a script is
/// changed to check one more thing; receipts keep both verdicts.
/// </summary>
public sealed class ParityModeTests
{
    private static readonly string Spine = Path.Combine(AppContext.BaseDirectory, "spine.dll");

    static ParityModeTests() => YqFront.Install();

    /// <summary>The D138 script of the copy checks one more thing the data lacks (a top-level owner:).</summary>
    private static void ScriptChecksOneMoreThing(TempCopy spine)
    {
        var script = spine.File("surfaces/verify/d138-site-parity-maintenance-order.sh");
        File.SetAttributes(script, FileAttributes.Normal);
        spine.Edit("surfaces/verify/d138-site-parity-maintenance-order.sh", t => t.Replace("if [[ \"$ERRORS\" -gt 0 ]]; then", "owner=\"$(yq e '.owner' \"$SEQ\")\"\n[[ \"$owner\" != \"null\" ]] || err \"startup.sequencing.yaml declares no owner\"\n\nif [[ \"$ERRORS\" -gt 0 ]]; then", StringComparison.Ordinal));
    }

    private static (int Code, string Output) Verify(TempCopy spine, params string[] extra) =>
        DotnetCli.Run(spine.Path, new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH")! }, new[] { Spine, "verify", "domain", "infra", "--root", spine.Path }.Concat(extra).ToArray());

    [Fact]
    public void Verify_parity_is_silent_when_script_and_rule_agree_and_warns_with_both_sides_when_they_do_not()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        var (_, agreed) = Verify(spine, "--parity");
        Assert.DoesNotContain("SPINE620", agreed);
        Assert.Contains("parity", agreed);

        ScriptChecksOneMoreThing(spine);
        var receipts = spine.File("receipts");
        var (_, output) = Verify(spine, "--parity", "--receipts", receipts);
        Assert.Contains("warning SPINE620: Gate D138: the compiled rule and the check_script disagree: compiled SPINE138 PASS; script FAIL", output);
        Assert.Single(Regex.Matches(output, "SPINE620"));

        var receipt = Directory.GetFiles(receipts, "*.json", SearchOption.AllDirectories).Single();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(receipt));
        var d138 = json.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "D138").GetProperty("parity");
        Assert.Equal("PASS", d138.GetProperty("compiled").GetString());
        Assert.Equal("FAIL", d138.GetProperty("script").GetString());
        Assert.False(d138.GetProperty("agree").GetBoolean());

        var (_, without) = Verify(spine);
        Assert.DoesNotContain("SPINE620", without);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public void A_build_with_SpineVerifyParity_reports_the_disagreement_as_a_warning()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        ScriptChecksOneMoreThing(spine);
        using var consumer = new ConsumerProject(spine.Path, ConsumerProject.SpineBuild);
        var env = new Dictionary<string, string> { ["SPINE_POLICY_PRESET"] = "permissive", ["PATH"] = Environment.GetEnvironmentVariable("PATH")! };
        var (code, output) = consumer.Build(env, "-p:SpineVerifyDomain=infra", "-p:SpineVerifyParity=true");
        Assert.True(code == 0, output);
        Assert.Contains("warning SPINE620", output);
        Assert.Contains("compiled SPINE138 PASS; script FAIL", output);

        var (_, plain) = consumer.Build(env, "-p:SpineVerifyDomain=infra");
        Assert.DoesNotContain("SPINE620", plain);
    }
}
