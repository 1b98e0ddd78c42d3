using System.IO;
using System.Linq;
using Spine.TestSupport;
using Xunit;

namespace Spine.Build.Tests;

/// <summary>
/// The one NuGet package a consumer references, Spine.Build (the analyzer in analyzers/dotnet/cs with Spine.Model and
/// YamlDotNet; build/ props and targets; tasks/): packed from this build, restored from a local folder into a private
/// package cache, built against a copy of the repository's spine.
/// </summary>
public sealed class PackageTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void A_consumer_of_the_packages_gets_generated_code_the_drift_gate_and_the_task()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        var feed = LocalFeed.Path;
        File.WriteAllText(Path.Combine(spine.Path, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Spine.Build" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(spine.Path, "Use.cs"), "public static class Use { public static string Host => Spine.Generated.SpineSshTargets.Pve.Host; }\n");
        File.WriteAllText(Path.Combine(spine.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        var packages = Path.Combine(spine.Path, "packages");

        var (code, log) = DotnetCli.Run(spine.Path, "build", "Consumer.csproj", "--packages", packages, "-nologo");
        Assert.True(code == 0, log);
        Assert.True(File.Exists(Path.Combine(spine.Path, "obj", "spine", "receipts", "spine.verify.build.json")), log);

        spine.Edit("ops/capabilities.yaml", t =>
        {
            var at = t.IndexOf("    plane: fabric\n", t.IndexOf("  infra.proxmox.maintenance.shutdown:", System.StringComparison.Ordinal), System.StringComparison.Ordinal);
            return t.Remove(at, "    plane: fabric\n".Length);
        });
        (code, log) = DotnetCli.Run(spine.Path, "build", "Consumer.csproj", "--packages", packages, "-nologo");
        Assert.NotEqual(0, code);
        Assert.Contains("ops/capabilities.yaml(", log);
        Assert.Contains("error SPINE137: [D137]", log);
        Assert.DoesNotContain("CS8785", log);
    }
}
