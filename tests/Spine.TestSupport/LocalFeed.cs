using System;
using System.IO;

namespace Spine.TestSupport;

/// <summary>
/// The packages of this build (Spine.Build, Spine.Generators and the `spine` tool with its per-runtime packages),
/// packed once per test process into a private folder, the way a user gets them from a feed.
/// </summary>
public static class LocalFeed
{
    private static readonly Lazy<string> Feed = new(() =>
    {
        var feed = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spine-feed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(feed);
        RepositoryBuildLock.Run(() =>
        {
            foreach (var project in new[] { "src/Spine.Build", "src/Spine.Generators", "src/Spine.Runtime" })
            {
                Pack(feed, project, "--no-build", "-c", Paths.Configuration);
            }

            // The tool's per-runtime packages (.NET 10 RID-specific tools): `spine` above only points to them; linux-x64
            // carries the Native AOT executable, `any` the framework-dependent build for every other machine.
            Pack(feed, "src/Spine.Runtime", "-c", "Release", "-r", "linux-x64");
            Pack(feed, "src/Spine.Runtime", "-c", "Release", "-r", "any");
        });
        return feed;
    });

    private static void Pack(string feed, string project, params string[] options)
    {
        var (code, output) = DotnetCli.Run(Paths.RepoRoot, ["pack", project, .. options, "-o", feed, "-nologo"]);
        if (code != 0)
        {
            throw new InvalidOperationException($"dotnet pack {project} {string.Join(" ", options)} failed:\n{output}");
        }
    }

    public static string Path => Feed.Value;

    public static string Package(string id) => System.IO.Path.Combine(Path, $"{id}.1.0.0.nupkg");
}

/// <summary>
/// A fresh consumer project in a temp folder that references packages of the local feed (restored into its own
/// package folder, so no stale copy from another run is used) and builds against a given spine root.
/// </summary>
public sealed class ConsumerProject : IDisposable
{
    private readonly string _packages;

    public ConsumerProject(string spineRoot, string packageReferences, string? code = null, string? extraProperties = null)
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spine-consumer-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        _packages = System.IO.Path.Combine(Folder, ".packages");
        File.WriteAllText(System.IO.Path.Combine(Folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <SpineRoot>{spineRoot}</SpineRoot>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {packageReferences}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(System.IO.Path.Combine(Folder, "Use.cs"), code ?? "public static class Use { public static int N => 1; }\n");
        File.WriteAllText(System.IO.Path.Combine(Folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{LocalFeed.Path}" /></packageSources></configuration>
            """);
    }

    public const string SpineBuild = "<PackageReference Include=\"Spine.Build\" Version=\"1.0.0\" />";

    public string Folder { get; }

    public (int Code, string Output) Build(System.Collections.Generic.IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var arguments = new System.Collections.Generic.List<string> { "build", "Consumer.csproj", "--packages", _packages, "-nologo", "-clp:NoSummary" };
        arguments.AddRange(extra);
        return DotnetCli.Run(Folder, environment, arguments.ToArray());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
