using System.Linq;
using Microsoft.CodeAnalysis;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>
/// A new generator driver over new texts of an unchanged spine (every build in the compiler server) reuses the text
/// each output was emitted with; an edit that changes an output's spec emits that output again, and only it.
/// </summary>
public class EmittedSourcesTests
{
    [Fact]
    public void An_unchanged_spine_reuses_each_emitted_text_and_an_edit_emits_only_what_it_changed()
    {
        var spine = FixtureSpine.Corpus25();
        var first = Generated(spine);
        var second = Generated(spine);
        Assert.Equal(first.Keys.OrderBy(k => k), second.Keys.OrderBy(k => k));
        foreach (var name in first.Keys)
        {
            Assert.Same(first[name], second[name]);
        }

        var edited = Generated(spine.Copy().Replace("ops/bindings/gate.registry.yaml", "description: \"Enforce canonical Privado VPN routing", "description: \"(edited) Enforce canonical Privado VPN routing"));
        Assert.NotEqual(first["Gates.g.cs"].ToString(), edited["Gates.g.cs"].ToString());
        Assert.Contains("(edited) ", edited["Gates.g.cs"].ToString());
        Assert.Same(first["Capabilities.g.cs"], edited["Capabilities.g.cs"]);
    }

    private static System.Collections.Generic.Dictionary<string, Microsoft.CodeAnalysis.Text.SourceText> Generated(FixtureSpine spine) =>
        GeneratorHarness.Driver(GeneratorHarness.Texts(spine)).RunGenerators(GeneratorHarness.Compilation("namespace Consumer { }"))
            .GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText);
}
