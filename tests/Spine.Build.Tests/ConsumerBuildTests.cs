using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.TestSupport;
using Xunit;

namespace Spine.Build.Tests;

/// <summary>
/// A real `dotnet build` of a small consumer project that imports build/Spine.Build.props|targets and
/// uses the Spine.Build task assembly built with these tests, over a temp copy of the repository's spine.
/// </summary>
public sealed class ConsumerBuildTests : System.IDisposable
{
    private readonly TempCopy _spine = TempCopy.OfSpine(Paths.RepoRoot);
    private readonly string _project;

    public ConsumerBuildTests()
    {
        var dir = Path.Combine(_spine.Path, "consumer");
        Directory.CreateDirectory(dir);
        var build = Path.Combine(Paths.RepoRoot, "src", "Spine.Build", "build");
        var tasks = Path.Combine(System.AppContext.BaseDirectory, "Spine.Build.dll");
        _project = Path.Combine(dir, "Consumer.csproj");
        File.WriteAllText(_project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <SpineRoot>{_spine.Path}</SpineRoot>
                <SpineBuildTasksAssembly>{tasks}</SpineBuildTasksAssembly>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <Import Project="{build}/Spine.Build.props" />
              <Import Project="{build}/Spine.Build.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "Class1.cs"), "public class Class1 { }\n");
    }

    public void Dispose() => _spine.Dispose();

    private (int Code, string Output) Build(params string[] extra) =>
        DotnetCli.Run(Path.GetDirectoryName(_project)!, new[] { "build", _project, "-nologo", "-v:n" }.Concat(extra).ToArray());

    [Fact]
    [Trait("Category", "EndToEnd")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Missing_script_fails_at_the_registry_line_failing_gate_fails_the_domain_run_warn_downgrades_and_unchanged_builds_skip()
    {
        // 1. Clean spine: passes; the second, unchanged build skips the task.
        var (code, output) = Build();
        Assert.True(code == 0, output);
        Assert.Contains(Path.Combine(_spine.Path, "consumer", "obj", "spine", "receipts", "spine.verify.build.json"), Directory.GetFiles(Path.Combine(_spine.Path, "consumer", "obj", "spine", "receipts")));
        (code, output) = Build();
        Assert.True(code == 0, output);
        Assert.Matches(new Regex("Skipping target \"SpineVerify\" because all output files are up-to-date"), output);

        // 2. A missing check script fails the build at the gate's registry line.
        File.Delete(_spine.File("surfaces/verify/d3-entrypoint-smoke.sh"));
        (code, output) = Build();
        Assert.NotEqual(0, code);
        var (line, column) = _spine.Position("ops/bindings/gate.registry.yaml", "surfaces/verify/d3-entrypoint-smoke.sh");
        Assert.Contains($"ops/bindings/gate.registry.yaml({line},{column},", output);
        Assert.Contains("error SPINE601", output);

        // 3. A failing gate script fails -p:SpineVerifyDomain=… at the gate's registry entry.
        File.WriteAllText(_spine.File("surfaces/verify/d3-entrypoint-smoke.sh"), "#!/usr/bin/env bash\necho D3 PASS\n");
        File.SetUnixFileMode(_spine.File("surfaces/verify/d3-entrypoint-smoke.sh"), (UnixFileMode)0b111_101_101);
        _spine.Edit("ops/bindings/ssh.targets.yaml", t => t.Replace("host: \"127.0.0.5\"", "host: \"198.51.100.5\""));
        (code, output) = Build("-p:SpineVerifyDomain=infra");
        Assert.NotEqual(0, code);
        var (gateLine, gateColumn) = _spine.Position("ops/bindings/gate.registry.yaml", "D14\n");
        Assert.Contains($"ops/bindings/gate.registry.yaml({gateLine},{gateColumn},", output);
        Assert.Contains("error SPINE610", output);
        Assert.Contains("D14 FAIL (rc=1)", output);

        // 4. Under a warn preset both failures are warnings and the build passes.
        File.Delete(_spine.File("surfaces/verify/d3-entrypoint-smoke.sh"));
        _spine.Edit("ops/bindings/tenant.profile.yaml", t => t.Replace("preset: balanced", "preset: permissive"));
        (code, output) = Build("-p:SpineVerifyDomain=infra");
        Assert.True(code == 0, output);
        Assert.Contains("warning SPINE601", output);
        Assert.Contains("warning SPINE610", output);
    }
}
