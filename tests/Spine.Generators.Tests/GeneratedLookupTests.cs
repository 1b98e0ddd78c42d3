using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>
/// The generated lookups run: the code generated for the 02-25 spine (518 capabilities, 235 gates) is compiled,
/// loaded and called. <c>Find</c> is a dictionary built on first use (a string switch of every name cost each compile
/// 0.7 s, docs/benchmarks.md); it must find every entry by its own key and nothing for an unknown or null key.
/// </summary>
public class GeneratedLookupTests
{
    [Theory]
    [InlineData("SpineCapabilities", "Name")]
    [InlineData("SpineGates", "Id")]
    public void Find_returns_each_entry_by_its_key_and_null_for_an_unknown_or_null_key(string type, string key)
    {
        var lookup = Load(FixtureSpine.FromDirectory(Paths.Corpus25)).GetType("Spine.Generated." + type, throwOnError: true)!;
        var all = ((IEnumerable)lookup.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();
        var find = lookup.GetMethod("Find")!;
        Assert.True(all.Count > 200, $"{all.Count} entries");
        foreach (var entry in all)
        {
            var name = (string)entry.GetType().GetProperty(key)!.GetValue(entry)!;
            Assert.Same(all.First(e => (string)e.GetType().GetProperty(key)!.GetValue(e)! == name), find.Invoke(null, new object?[] { name }));
        }

        Assert.Null(find.Invoke(null, new object?[] { "no.such.entry" }));
        Assert.Null(find.Invoke(null, new object?[] { null }));
    }

    private static Assembly Load(FixtureSpine spine)
    {
        var compilation = GeneratorHarness.Compilation("namespace Consumer { public static class Use { } }");
        GeneratorHarness.Driver(GeneratorHarness.Texts(spine)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
    }
}
