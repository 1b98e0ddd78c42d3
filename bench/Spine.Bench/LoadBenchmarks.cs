using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Spine.Generators;
using Spine.Model;
using Spine.Model.Loading;
using Spine.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Spine.Bench;

/// <summary>
/// The cold path's goal: loading a spine with positions, binding it, running every rule and generating the C# should
/// cost at most 1.5× YamlDotNet's own parse of the same files (texts already in memory) — on both corpora, and on a
/// synthetic spine ten times the 02-25 one, which must take at most 11× the 02-25 time (linear) and under 500 MB.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LoadBenchmarks
{
    private List<SpineFile> _files = new();
    private ImmutableArray<AdditionalText> _texts;
    private CSharpCompilation _compilation = null!;

    [Params("2026-02-17", "2026-02-25", "2026-02-25x10")]
    public string Spine { get; set; } = "2026-02-17";

    [GlobalSetup]
    public void Setup()
    {
        var date = Spine.Split('x')[0];
        var files = SpineDirectory.Read(Paths.CorpusOf(date));
        _files = (Spine.Contains('x') ? SyntheticSpine.Of(files, int.Parse(Spine.Split('x')[1])) : files).ToList();
        _texts = _files.Select(f => (AdditionalText)new GeneratorBenchmarks.MemoryText("/corpus/" + f.Path, f.Text)).ToImmutableArray();
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("public class A { }") }, Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>
    /// The bare parse: YamlDotNet's representation model over every file (it throws on the corpus's
    /// one duplicate key; that file is then counted as parsed up to the duplicate).
    /// </summary>
    [Benchmark(Baseline = true)]
    public int BareYamlDotNetParse()
    {
        var nodes = 0;
        foreach (var file in _files)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(file.Text));
                nodes += stream.Documents.Count;
            }
            catch (YamlDotNet.Core.YamlException)
            {
                nodes--;
            }
        }

        return nodes;
    }

    /// <summary>The lowest floor: YamlDotNet's parser events, no tree at all.</summary>
    [Benchmark]
    public int BareParserEvents()
    {
        var events = 0;
        foreach (var file in _files)
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(file.Text));
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    /// <summary>Spine's load alone: positioned parse, duplicate keys, binding.</summary>
    [Benchmark]
    public int Load() => SpineLoader.Load("/corpus", _files).LoadFindings.Count;

    /// <summary>Load plus every rule: what `spine check` and the analyzer do.</summary>
    [Benchmark]
    public int LoadAndAllRules() => RuleEngine.Check(SpineLoader.Load("/corpus", _files)).Count;

    /// <summary>A cold compiler process: the generator (which parses every file once) and the analyzer (all rules, from the shared per-file cache).</summary>
    [Benchmark]
    public int AllRulesAndGeneration() => ColdProcess.Forget() + Generate() + Analyze();

    /// <summary>The generator alone, cold (the breakdown of <see cref="AllRulesAndGeneration"/>).</summary>
    [Benchmark]
    public int GeneratorAloneCold() => ColdProcess.Forget() + Generate();

    /// <summary>The analyzer alone, cold: every file parsed and every rule run.</summary>
    [Benchmark]
    public int AnalyzerAloneCold() => ColdProcess.Forget() + Analyze();

    private int Generate() => CSharpGeneratorDriver.Create(new[] { new SpineGenerator().AsSourceGenerator() }, _texts, null, new GeneratorBenchmarks.Options("/corpus"))
        .RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    private int Analyze() => _compilation
        .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SpineAnalyzer()), new AnalyzerOptions(_texts, new GeneratorBenchmarks.Options("/corpus")))
        .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
}
