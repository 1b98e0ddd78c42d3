using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Spine.TestSupport;

namespace Spine.Generators.Tests;

/// <summary>An additional file for the driver (the testing library's InMemoryAdditionalText is internal).</summary>
internal sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public TestAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global options with build_property.SpineRoot, as the build passes them.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions _global;

    public TestOptionsProvider(string root) => _global = new TestOptions(new Dictionary<string, string> { ["build_property.SpineRoot"] = root });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _values;

        public TestOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

/// <summary>Runs <see cref="SpineGenerator"/> through a real CSharpGeneratorDriver with step tracking on.</summary>
internal static class GeneratorHarness
{
    public const string Root = "/spine";

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
        Basic.Reference.Assemblies.Net100.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static ImmutableArray<AdditionalText> Texts(FixtureSpine spine) =>
        spine.Files.Select(f => (AdditionalText)new TestAdditionalText(Root + "/" + f.Key, f.Value)).ToImmutableArray();

    public static GeneratorDriver Driver(ImmutableArray<AdditionalText> texts) => CSharpGeneratorDriver.Create(
        new[] { new SpineGenerator().AsSourceGenerator() },
        texts,
        new CSharpParseOptions(LanguageVersion.Latest),
        new TestOptionsProvider(Root),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}
