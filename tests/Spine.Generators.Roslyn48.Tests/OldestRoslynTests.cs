using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Spine.Generators;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Roslyn48.Tests;

/// <summary>The generator and the analyzer in a compilation made by Roslyn 4.8 (the .NET 8 SDK's compiler).</summary>
public sealed class OldestRoslynTests
{
    [Fact]
    public void This_test_runs_on_Roslyn_4_8()
    {
        Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpCompilation).Assembly.GetName().Version);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_generator_and_analyzer_load_and_run_on_Roslyn_4_8()
    {
        var spine = Paths.RepoRoot;
        var texts = Directory.GetFiles(Path.Combine(spine, "ops"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
        var options = new Options(new Dictionary<string, string> { ["build_property.SpineRoot"] = spine });
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var use = CSharpSyntaxTree.ParseText("internal static class Use { public static int N => Spine.Generated.SpineCapabilities.All.Count; }");
        var compilation = CSharpCompilation.Create("Consumer", new[] { use }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new SpineGenerator().AsSourceGenerator() }, texts, (CSharpParseOptions)use.Options, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);
        Assert.Empty(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzed = generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SpineAnalyzer()), new AnalyzerOptions(texts, options));
        var diagnostics = await analyzed.GetAllDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "CS8785" || d.Id.StartsWith("SPINE", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_drift_is_reported_on_Roslyn_4_8_located_in_the_yaml()
    {
        using var spine = TempCopy.OfSpine(Paths.RepoRoot);
        spine.Edit("ops/bindings/capability_map.yaml", t => t.Replace("capabilities:\n", "capabilities:\n  ghost.capability:\n    plugin: x\n    script: x\n", StringComparison.Ordinal));
        var texts = Directory.GetFiles(spine.File("ops"), "*.yaml", SearchOption.AllDirectories).Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
        var options = new Options(new Dictionary<string, string> { ["build_property.SpineRoot"] = spine.Path });
        var compilation = CSharpCompilation.Create("Consumer", Array.Empty<SyntaxTree>(), Array.Empty<MetadataReference>(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzed = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SpineAnalyzer()), new AnalyzerOptions(texts, options));
        var diagnostic = Assert.Single(await analyzed.GetAnalyzerDiagnosticsAsync(CancellationToken.None), d => d.Id == "SPINE067");
        Assert.EndsWith("capability_map.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("ghost.capability", diagnostic.GetMessage());
    }

    private sealed class FileText : AdditionalText
    {
        public FileText(string path) => Path = path;

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private readonly Global _global;

        public Options(Dictionary<string, string> values) => _global = new Global(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _global;

        private sealed class Global : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Global(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
