using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// The spine's own preconditions: a required capability that is read-only and whose command is under the spine root
/// is run locally (exit 0 = met); one that cannot be run (missing, or mutating) is unchecked — listed once in a dry
/// run, a stop before any mutation in an executed window unless --assume-met names it. A mutating capability is
/// never run as a precondition.
/// </summary>
[Collection("sshd")]
public sealed class PreconditionTests : IDisposable
{
    private readonly Lab _lab = new();
    private readonly ITestOutputHelper _log;
    private readonly string _marker;

    public PreconditionTests(ITestOutputHelper log)
    {
        _log = log;
        _marker = Path.Combine(_lab.Root, "mutating-precondition-ran");
        Directory.CreateDirectory(_lab.Spine.File("surfaces/test"));
        Script("ok.sh", "echo \"ready: root=$SPINE_ROOT code=$SPINE_CODE cwd=$(pwd)\"\nexit 0\n");
        Script("fail.sh", "echo 'backup is 3 days old' >&2\nexit 3\n");
        Script("mutate.sh", $"touch '{_marker}'\n");
        foreach (var (name, command, safety) in new[] { ("test.ready.ok", "./surfaces/test/ok.sh --json", "read-only"), ("test.ready.fail", "./surfaces/test/fail.sh", "read-only"), ("test.ready.missing", "./surfaces/test/missing.sh", "read-only"), ("test.ready.mutating", "./surfaces/test/mutate.sh", "mutating") })
        {
            _lab.Spine.Edit("ops/capabilities.yaml", t => t.Replace("capabilities:\n", $"capabilities:\n  {name}:\n    description: \"Test precondition.\"\n    command: \"{command}\"\n    safety: {safety}\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n    domain: infra\n", StringComparison.Ordinal));
            _lab.Spine.Edit("ops/bindings/capability_map.yaml", t => t.Replace("capabilities:\n", $"capabilities:\n  {name}:\n    plugin: test\n    script: surfaces/test\n    safety: {safety}\n", StringComparison.Ordinal));
        }
    }

    public void Dispose() => _lab.Dispose();

    private void Script(string name, string body)
    {
        var path = _lab.Spine.File("surfaces/test/" + name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body);
        SshHost.Run("chmod", "755", path);
    }

    /// <summary>The shop shutdown requires <paramref name="capability"/> too.</summary>
    private void Require(string capability) =>
        _lab.Spine.Edit("ops/capabilities.yaml", t => t.Replace("    safety: mutating\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n    domain: infra\n    requires:\n      - ssh.target.status\n      - network.oob.guard.status\n", $"    safety: mutating\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n    domain: infra\n    requires:\n      - ssh.target.status\n      - network.oob.guard.status\n      - {capability}\n", StringComparison.Ordinal));

    private (int Code, string Output) Shutdown(bool execute, params string[] assumeMet)
    {
        var result = _lab.Window("shutdown", execute, site: "shop", with: a => a with { AssumeMet = assumeMet });
        _log.WriteLine(result.Output);
        return result;
    }

    [Fact]
    public void A_read_only_precondition_that_passes_is_run_from_the_spine_root_and_journaled()
    {
        Require("test.ready.ok");
        var (code, output) = Shutdown(execute: true);
        Assert.Equal(0, code);
        Assert.Contains($"test.ready.ok is met (exit 0): ready: root={_lab.Root} code={_lab.Root} cwd={_lab.Root}", output);
        using var journal = JsonDocument.Parse(File.ReadAllText(_lab.LatestJournal()));
        var step = journal.RootElement.GetProperty("Steps").EnumerateArray().Single(s => s.GetProperty("Kind").GetString() == "Precondition");
        var command = step.GetProperty("Attempts")[0].GetProperty("Commands")[0];
        Assert.Equal("local", command.GetProperty("Host").GetString());
        Assert.Equal("./surfaces/test/ok.sh --json", command.GetProperty("Command").GetString());
        Assert.Equal(0, command.GetProperty("ExitCode").GetInt32());
        Assert.Contains("qm shutdown 210 --timeout 2", _lab.Shop.Mutations());
    }

    [Fact]
    public void A_read_only_precondition_that_fails_stops_the_window_before_any_mutation()
    {
        Require("test.ready.fail");
        var (code, output) = Shutdown(execute: true);
        Assert.Equal(2, code);
        Assert.Contains("precondition test.ready.fail is not met (exit 3): backup is 3 days old", output);
        Assert.Empty(_lab.Shop.Mutations());

        var (dry, dryOutput) = Shutdown(execute: false);
        Assert.Equal(0, dry);
        Assert.Contains("test.ready.fail is not met", dryOutput);
    }

    [Fact]
    public void A_missing_precondition_is_unchecked_listed_once_and_stops_an_executed_window_unless_assumed_met()
    {
        Require("test.ready.missing");
        var (dry, dryOutput) = Shutdown(execute: false);
        Assert.Equal(0, dry);
        Assert.Single(dryOutput.Split('\n'), l => l.Contains("test.ready.missing", StringComparison.Ordinal) && l.Contains("unchecked", StringComparison.OrdinalIgnoreCase));

        var (stopped, output) = Shutdown(execute: true);
        Assert.Equal(2, stopped);
        Assert.Contains("test.ready.missing", output);
        Assert.Contains("--assume-met", output);
        Assert.Empty(_lab.Shop.Mutations());

        var (assumed, output2) = Shutdown(true, "test.ready.missing");
        Assert.Equal(0, assumed);
        Assert.Contains("test.ready.missing", output2);
        using var journal = JsonDocument.Parse(File.ReadAllText(_lab.LatestJournal()));
        Assert.Contains("test.ready.missing", journal.RootElement.GetProperty("Request").GetProperty("AssumeMet").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(journal.RootElement.GetProperty("Events").EnumerateArray(), e => e.GetProperty("Detail").GetString()!.Contains("test.ready.missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mutating_capability_is_never_run_as_a_precondition()
    {
        Require("test.ready.mutating");
        var (dry, dryOutput) = Shutdown(execute: false);
        Assert.Equal(0, dry);
        Assert.Contains("test.ready.mutating", dryOutput);
        var (code, _) = Shutdown(execute: true);
        Assert.Equal(2, code);
        Assert.False(File.Exists(_marker), "the mutating capability ran");
        Assert.Empty(_lab.Shop.Mutations());
    }
}
