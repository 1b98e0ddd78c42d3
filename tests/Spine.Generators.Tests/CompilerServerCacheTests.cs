using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>
/// The command-line build through the compiler server: every build is a new compilation, new AdditionalText objects and
/// a new generator driver in the same process. The generator and the analyzer must share one parse per file content:
/// a C#-only edit parses no YAML at all, and an edited YAML file is the only one parsed again (counted per file by
/// <see cref="BoundFileCache.ParsesOf"/>, so tests running beside this one cannot disturb the count).
/// </summary>
public sealed class CompilerServerCacheTests
{
    /// <summary>The 02-25 snapshot, each file made unique to this test run (a comment line), so no other test has parsed it.</summary>
    private static FixtureSpine UniqueCorpus()
    {
        var spine = FixtureSpine.Corpus25();
        var marker = "# run " + Guid.NewGuid().ToString("N") + "\n";
        foreach (var path in spine.Files.Keys.ToList())
        {
            spine.Set(path, spine.Text(path) + "\n" + marker);
        }

        return spine;
    }

    /// <summary>One build: a fresh driver and analyzer run over a new compilation with new text objects.</summary>
    private static async Task Build(FixtureSpine spine, string csharp)
    {
        var texts = GeneratorHarness.Texts(spine);
        var compilation = GeneratorHarness.Compilation(csharp);
        GeneratorHarness.Driver(texts).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var options = new AnalyzerOptions(texts, new TestOptionsProvider(GeneratorHarness.Root));
        await generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SpineAnalyzer()), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private static Dictionary<string, int> Parses(FixtureSpine spine) =>
        spine.Files.ToDictionary(f => f.Key, f => BoundFileCache.ParsesOf(f.Key, f.Value), StringComparer.Ordinal);

    [Fact]
    public async Task A_csharp_only_build_parses_no_yaml_and_a_yaml_edit_parses_only_that_file()
    {
        var spine = UniqueCorpus();
        await Build(spine, "public class A { }");
        Assert.All(Parses(spine), p => Assert.True(p.Value == 1, $"{p.Key} parsed {p.Value}× in the first build (generator and analyzer share one parse)"));

        await Build(spine, "public class A { public int B => 1; }");
        Assert.All(Parses(spine), p => Assert.True(p.Value == 1, $"{p.Key} parsed again on a C#-only edit"));

        var before = Parses(spine);
        spine.Set("ops/bindings/gate.registry.yaml", spine.Text("ops/bindings/gate.registry.yaml").Replace("category: infra-hygiene", "category: infra-hygiene ", StringComparison.Ordinal));
        await Build(spine, "public class A { public int B => 1; }");
        var after = Parses(spine);
        Assert.Equal(1, after["ops/bindings/gate.registry.yaml"]);
        Assert.All(after.Where(p => p.Key != "ops/bindings/gate.registry.yaml"), p => Assert.Equal(before[p.Key], p.Value));
    }
}
