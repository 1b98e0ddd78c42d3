using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Spine.Generators;
using Spine.Model.Loading;
using Spine.TestSupport;

namespace Spine.Bench;

/// <summary>
/// Issue 4: the generator and the analyzer over the corpus, cold and incremental (one binding edited,
/// one C# file edited), next to the bare parse of <see cref="LoadBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _texts;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _registry = null!;
    private AdditionalText _registryEdited = null!;
    private AnalyzerOptions _analyzerOptions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = SpineDirectory.Read(Paths.Corpus).Select(f => (AdditionalText)new MemoryText("/corpus/" + f.Path, f.Text)).ToImmutableArray();
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("public class A { }") }, Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warm = NewDriver().RunGenerators(_compilation);
        _registry = _texts.First(t => t.Path.EndsWith("gate.registry.yaml", System.StringComparison.Ordinal));
        _registryEdited = new MemoryText(_registry.Path, _registry.GetText()!.ToString().Replace("Canonical gate registry", "Canonical gate registry (edited)"));
        _analyzerOptions = new AnalyzerOptions(_texts, new Options("/corpus"));
    }

    [Benchmark]
    public GeneratorDriver GeneratorCold()
    {
        ColdProcess.Forget();
        return NewDriver().RunGenerators(_compilation);
    }

    [Benchmark]
    public GeneratorDriver GeneratorOneBindingEdited() => _warm.ReplaceAdditionalText(_registry, _registryEdited).RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver GeneratorOneCSharpFileEdited() => _warm.RunGenerators(_compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class B { }")));

    /// <summary>The analyzer on a new compilation whose YAML did not change (every keystroke in C#): files come from the per-file cache.</summary>
    [Benchmark]
    public int AnalyzerUnchangedYaml() => Analyze(_analyzerOptions);

    /// <summary>The analyzer cold: every file's text is new, so every file is parsed.</summary>
    [Benchmark]
    public int AnalyzerCold() => ColdProcess.Forget() + Analyze(new AnalyzerOptions(_texts.Select(t => (AdditionalText)new MemoryText(t.Path, t.GetText()!.ToString())).ToImmutableArray(), new Options("/corpus")));

    private int Analyze(AnalyzerOptions options) => _compilation
        .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SpineAnalyzer()), options)
        .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(new[] { new SpineGenerator().AsSourceGenerator() }, _texts, null, new Options("/corpus"));

    internal sealed class MemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public MemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    internal sealed class Options : AnalyzerConfigOptionsProvider
    {
        private readonly Global _global;

        public Options(string root) => _global = new Global(root);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Global.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Global.Empty;

        private sealed class Global : AnalyzerConfigOptions
        {
            public static readonly Global Empty = new(null);
            private readonly string? _root;

            public Global(string? root) => _root = root;

            public override bool TryGetValue(string key, out string value)
            {
                value = _root ?? string.Empty;
                return _root != null && key == "build_property.SpineRoot";
            }
        }
    }
}
