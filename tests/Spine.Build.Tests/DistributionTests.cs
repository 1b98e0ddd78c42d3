using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Build.Tests;

/// <summary>
/// Spine as a user gets it: packages with their metadata and files (nuspec and file list read back), the `spine` .NET
/// tool installed from a local folder into a temporary tool path and run on a machine-like folder without this
/// repository, one package reference giving a working setup (internal generated types), the analyzer alone saying what
/// is missing, and `dotnet build -o` / `dotnet publish -o` of every project.
/// </summary>
public sealed class DistributionTests
{
    private readonly ITestOutputHelper _log;

    public DistributionTests(ITestOutputHelper log) => _log = log;

    private static XElement Nuspec(string package, out List<string> files)
    {
        using var zip = ZipFile.OpenRead(LocalFeed.Package(package));
        files = zip.Entries.Select(e => e.FullName).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Field(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;

    [Theory]
    [InlineData("Spine.Build")]
    [InlineData("Spine.Generators")]
    [InlineData("spine")]
    [InlineData("spine.linux-x64")]
    [InlineData("spine.any")]
    public void Every_package_says_what_it_is_who_made_it_its_license_readme_and_repository(string package)
    {
        var metadata = Nuspec(package, out var files);
        Assert.Equal(package, Field(metadata, "id"));
        Assert.Equal("1.0.0", Field(metadata, "version"));
        Assert.DoesNotContain("Package Description", Field(metadata, "description"));
        Assert.True(Field(metadata, "description").Length > 80, Field(metadata, "description"));
        Assert.Equal("Spine contributors", Field(metadata, "authors"));
        Assert.Equal("MIT", Field(metadata, "license"));
        Assert.Equal("README.md", Field(metadata, "readme"));
        Assert.Contains("README.md", files);
        Assert.Contains("governance", Field(metadata, "tags"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/spine-governance/spine.git", repository.Attribute("url")?.Value);
        Assert.False(string.IsNullOrEmpty(repository.Attribute("commit")?.Value), "Source Link records the commit");
    }

    [Fact]
    public void Spine_Build_carries_the_analyzer_the_task_the_msbuild_logic_and_the_docs()
    {
        Nuspec("Spine.Build", out var files);
        foreach (var file in new[]
        {
            "analyzers/dotnet/cs/Spine.Generators.dll", "analyzers/dotnet/cs/Spine.Model.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
            "analyzers/dotnet/cs/Spine.Generators.CodeFixes.dll",
            "build/Spine.Build.props", "build/Spine.Build.targets",
            "tasks/netstandard2.0/Spine.Build.dll", "tasks/netstandard2.0/Spine.Model.dll", "tasks/netstandard2.0/YamlDotNet.dll",
            "docs/diagnostics/SPINE137.md",
        })
        {
            Assert.Contains(file, files);
        }

        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void The_spine_package_is_a_dotnet_tool_pointing_to_a_native_and_a_portable_package_with_no_msbuild_inside()
    {
        var metadata = Nuspec("spine", out var files);
        var types = metadata.Elements().Single(e => e.Name.LocalName == "packageTypes").Elements().Select(e => e.Attribute("name")?.Value);
        Assert.Contains("DotnetTool", types);
        var settings = ToolSettings("spine", files);
        Assert.Equal("spine", settings.Descendants().Single(e => e.Name.LocalName == "Command").Attribute("Name")?.Value);
        var pointers = settings.Descendants().Where(e => e.Name.LocalName == "RuntimeIdentifierPackage")
            .ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value);
        Assert.Equal("spine.linux-x64", pointers["linux-x64"]);
        Assert.Equal("spine.any", pointers["any"]);

        Nuspec("spine.linux-x64", out var native);
        Assert.Contains("tools/any/linux-x64/spine", native);
        Assert.DoesNotContain(native, f => f.EndsWith(".dll", StringComparison.Ordinal));

        Nuspec("spine.any", out var portable);
        Assert.Contains(portable, f => f.EndsWith("/spine.dll", StringComparison.Ordinal));
        foreach (var package in new[] { files, native, portable })
        {
            Assert.DoesNotContain(package, f => Path.GetFileName(f).StartsWith("Microsoft.Build", StringComparison.Ordinal));
        }
    }

    private static XDocument ToolSettings(string package, List<string> files)
    {
        var settings = files.Single(f => f.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(LocalFeed.Package(package));
        using var reader = new StreamReader(zip.GetEntry(settings)!.Open());
        return XDocument.Parse(reader.ReadToEnd());
    }

    /// <summary>Installed from the feed into a temporary tool path and run from a folder that is not this repository.</summary>
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void The_tool_installs_from_a_folder_and_checks_explains_and_says_when_there_is_no_spine()
    {
        var home = Path.Combine(Path.GetTempPath(), "spine-tool-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(home);
        try
        {
            var config = Path.Combine(home, "nuget.config");
            File.WriteAllText(config, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><configuration><packageSources><clear /><add key=\"local\" value=\"{LocalFeed.Path}\" /></packageSources></configuration>");
            var tools = Path.Combine(home, "tools");
            var (installed, log) = DotnetCli.Run(home, "tool", "install", "spine", "--tool-path", tools, "--configfile", config, "--version", "1.0.0");
            Assert.True(installed == 0, log);

            // On linux-x64 the CLI picks the Native AOT package: the command is an ELF executable, not a dotnet host shim.
            var spine = Path.Combine(tools, "spine");
            var target = new FileInfo(spine).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? spine;
            Assert.Contains(Path.Combine("spine.linux-x64", "1.0.0"), target);
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target)[..4]);
            var (version, versionOut) = Run(home, spine, "--version");
            Assert.Equal(0, version);
            Assert.StartsWith("1.0.0", versionOut.Trim());

            var (check, checkOut) = Run(home, spine, "check", "--root", Paths.Corpus25);
            Assert.Equal(1, check);
            Assert.Contains("error SPINE137: [D137]", checkOut);

            var (explain, explainOut) = Run(home, spine, "explain", "SPINE137");
            Assert.Equal(0, explain);
            Assert.Contains("# SPINE137", explainOut);

            var (none, noneOut) = Run(home, spine, "check");
            Assert.Equal(2, none);
            Assert.Contains("no spine here: no ops/ folder in the current folder or above it", noneOut);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>One package reference: generated code (internal by default, so it cannot leak into the API), the drift gate and the task.</summary>
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void One_package_reference_gives_internal_generated_types_and_the_gate()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        using var consumer = new ConsumerProject(spine.Path, ConsumerProject.SpineBuild, "public static class Use { public static Spine.Generated.SpineGuest? Leak => null; public static string Host => Spine.Generated.SpineSshTargets.Pve.Host; }\n");
        var (code, output) = consumer.Build();
        _log.WriteLine(output);
        Assert.NotEqual(0, code);
        Assert.Contains("error CS0053", output);

        var (publicCode, publicOutput) = consumer.Build(null, "-p:SpineGeneratedAccessibility=public");
        Assert.True(publicCode == 0, publicOutput);
        Assert.True(File.Exists(Path.Combine(consumer.Folder, "obj", "spine", "receipts", "spine.verify.build.json")), publicOutput);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public void The_analyzer_package_alone_says_to_add_Spine_Build()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        using var consumer = new ConsumerProject(spine.Path, "<PackageReference Include=\"Spine.Generators\" Version=\"1.0.0\" />");
        var (code, output) = consumer.Build();
        _log.WriteLine(output);
        Assert.Equal(0, code);
        Assert.Contains("warning SPINE009", output);
        Assert.Contains("Spine.Build", output);
    }

    /// <summary>-o for every project, and publish of the CLI (native): the published tool runs verify without any MSBuild assembly.</summary>
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Build_and_publish_with_an_output_folder_work_for_every_project()
    {
        using var repo = TempCopy.OfRepository();
        foreach (var project in new[] { "src/Spine.Model", "src/Spine.Generators", "src/Spine.Build", "src/Spine.Runtime" })
        {
            var output = Path.Combine(repo.Path, "out", Path.GetFileName(project));
            var (code, log) = DotnetCli.Run(repo.Path, "build", project, "-c", "Release", "-o", output, "-nologo", "-clp:ErrorsOnly");
            Assert.True(code == 0, $"dotnet build {project} -o: {log}");
        }

        var published = Path.Combine(repo.Path, "published");
        var (pub, pubLog) = DotnetCli.Run(repo.Path, "publish", "src/Spine.Runtime", "-c", "Release", "-o", published, "-nologo", "-clp:ErrorsOnly");
        Assert.True(pub == 0, pubLog);
        Assert.DoesNotContain(Directory.GetFiles(published), f => Path.GetFileName(f).StartsWith("Microsoft.Build", StringComparison.Ordinal));
        // PublishAot: dotnet publish gives the native executable for this machine's runtime.
        Assert.True(File.Exists(Path.Combine(published, "spine")), string.Join(", ", Directory.GetFiles(published).Select(Path.GetFileName)));
        var (verify, verifyOut) = Run(repo.Path, Path.Combine(published, "spine"), "verify", "domain", "network", "--root", repo.Path);
        Assert.True(verify == 0, verifyOut);
        Assert.Contains("D14 PASS", verifyOut);
    }

    private static (int Code, string Output) Run(string folder, string file, params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("SPINE_ROOT");
        using var p = System.Diagnostics.Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + error.Result);
    }
}
