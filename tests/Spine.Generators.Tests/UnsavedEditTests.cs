using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Generators.Tests;

/// <summary>
/// What an IDE does while the user edits a binding: a real project (02-25's ops/ as AdditionalFiles, the analyzer from
/// this build) opened in MSBuildWorkspace, one YAML document changed in memory without saving, and the analyzer asked
/// for that document's diagnostics only. The new finding appears at the edited line and goes when the text is
/// reverted; both requests are timed (printed; the figures are in docs/benchmarks.md).
/// </summary>
public sealed class UnsavedEditTests
{
    private readonly ITestOutputHelper _log;

    public UnsavedEditTests(ITestOutputHelper log) => _log = log;

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task An_unsaved_edit_of_a_binding_shows_its_finding_and_reverting_removes_it()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        var bin = AppContext.BaseDirectory;
        File.WriteAllText(spine.File("Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <SpineRoot>{spine.Path}</SpineRoot>
              </PropertyGroup>
              <ItemGroup>
                <CompilerVisibleProperty Include="SpineRoot" />
                <AdditionalFiles Include="ops/**/*.yaml" />
                <Analyzer Include="{bin}Spine.Generators.dll;{bin}Spine.Model.dll;{bin}YamlDotNet.dll" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(spine.File("Use.cs"), "public static class Use { }\n");
        var (restored, log) = DotnetCli.Run(spine.Path, "restore", "Consumer.csproj", "-nologo");
        Assert.True(restored == 0, log);

        using var workspace = MSBuildWorkspace.Create();
        var project = await workspace.OpenProjectAsync(spine.File("Consumer.csproj"));
        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        Assert.Contains(analyzers, a => a is SpineAnalyzer);
        var path = spine.File("ops/bindings/gate.registry.yaml");
        var document = project.AdditionalDocuments.Single(d => d.FilePath == path);
        var original = await document.GetTextAsync();

        // The request's time is the analyzer's for that document; the new snapshot's compilation (the workspace reruns
        // the incremental generator for the edited text) is timed apart.
        var compilations = new System.Collections.Generic.List<double>();
        async Task<(ImmutableArray<Diagnostic> Diagnostics, double Milliseconds)> Analyze(Project p)
        {
            var compileWatch = Stopwatch.StartNew();
            var compilation = await p.GetCompilationAsync();
            compilations.Add(compileWatch.Elapsed.TotalMilliseconds);
            var watch = Stopwatch.StartNew();
            var file = p.AnalyzerOptions.AdditionalFiles.Single(f => f.Path == path);
            var analysis = compilation!.WithAnalyzers(analyzers, p.AnalyzerOptions);
            var result = await analysis.GetAnalysisResultAsync(file, CancellationToken.None);
            watch.Stop();
            var diagnostics = result.AdditionalFileDiagnostics.TryGetValue(file, out var byAnalyzer) ? byAnalyzer.Values.SelectMany(d => d).ToImmutableArray() : ImmutableArray<Diagnostic>.Empty;
            return (diagnostics, watch.Elapsed.TotalMilliseconds);
        }

        var (before, cold) = await Analyze(project);
        Assert.DoesNotContain(before, d => d.Id == "SPINE303" && d.GetMessage().Contains("brand-new-hygiene", StringComparison.Ordinal));

        // Change one gate's category in memory: the registry does not declare it.
        var text = original.ToString();
        var at = text.IndexOf("    category: infra-hygiene", StringComparison.Ordinal);
        var edited = original.WithChanges(new TextChange(new TextSpan(at, "    category: infra-hygiene".Length), "    category: brand-new-hygiene"));
        var editedProject = project.Solution.WithAdditionalDocumentText(document.Id, edited).GetProject(project.Id)!;
        var (after, warmEdit) = await Analyze(editedProject);
        var finding = Assert.Single(after, d => d.Id == "SPINE303" && d.GetMessage().Contains("brand-new-hygiene", StringComparison.Ordinal));
        Assert.Equal(original.Lines.GetLineFromPosition(at).LineNumber, finding.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(path, finding.Location.GetLineSpan().Path);

        var revertedProject = editedProject.Solution.WithAdditionalDocumentText(document.Id, original).GetProject(project.Id)!;
        var (reverted, warmRevert) = await Analyze(revertedProject);
        Assert.DoesNotContain(reverted, d => d.GetMessage().Contains("brand-new-hygiene", StringComparison.Ordinal));

        // Keystrokes once the workspace is warm: a new text each time (as typing makes), then back.
        var edits = new System.Collections.Generic.List<double>();
        var reverts = new System.Collections.Generic.List<double>();
        for (var i = 0; i < 7; i++)
        {
            var typed = original.WithChanges(new TextChange(new TextSpan(at, "    category: infra-hygiene".Length), $"    category: brand-new-hygiene-{i}"));
            var typedProject = revertedProject.Solution.WithAdditionalDocumentText(document.Id, typed).GetProject(project.Id)!;
            var (typedDiagnostics, ms) = await Analyze(typedProject);
            Assert.Contains(typedDiagnostics, d => d.GetMessage().Contains($"brand-new-hygiene-{i}", StringComparison.Ordinal));
            edits.Add(ms);
            reverts.Add((await Analyze(typedProject.Solution.WithAdditionalDocumentText(document.Id, original).GetProject(project.Id)!)).Milliseconds);
        }

        static double Median(System.Collections.Generic.List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        _log.WriteLine($"02-25, one additional document: first request {cold:0} ms (workspace cold), first edit {warmEdit:0} ms, first revert {warmRevert:0} ms; warm medians of 7: edit {Median(edits):0.0} ms, revert {Median(reverts):0.0} ms; the snapshot's compilation (generator rerun) {Median(compilations.Skip(3).ToList()):0.0} ms");
    }
}
