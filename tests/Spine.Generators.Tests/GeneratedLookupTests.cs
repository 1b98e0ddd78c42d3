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

    /// <summary>The members are data decoded on first use (TableEmitter): every field of every entry must come back exactly, whatever its characters.</summary>
    [Fact]
    public void Every_field_of_every_entry_comes_back_from_the_table_exactly()
    {
        var awkward = "  tricky.fields:\n    description: \"a|b:c~d*e 3:x| \\\"quoted\\\" \\u00e9 \\U0001F680 \\\\ end\\nsecond line\"\n    command: \"|\"\n    safety: \"\"\n    requires: [\"ssh.target.status\", \"odd|name:\", \"\"]\n";
        var spine = FixtureSpine.Corpus25().Replace("ops/capabilities.yaml", "\ncapabilities:\n", "\ncapabilities:\n" + awkward);
        var assembly = Load(spine);
        var workspace = spine.Load();
        var capabilities = GeneratorModel.Capabilities(workspace)!.Capabilities;
        var gates = GeneratorModel.Gates(workspace)!.Gates;
        Assert.Contains(capabilities, c => c.Name == "tricky.fields" && c.Description!.Contains("second line") && c.Requires.Count == 3);

        var generatedCapabilities = All(assembly, "SpineCapabilities");
        Assert.Equal(capabilities.Count, generatedCapabilities.Count);
        for (var i = 0; i < capabilities.Count; i++)
        {
            var c = capabilities[i];
            Assert.Equal(new object?[] { c.Name, c.Description, c.Safety, c.Approval, c.Plane, c.Domain, c.Command, c.Lifecycle, string.Join("\u0001", c.Requires) },
                Fields(generatedCapabilities[i], "Name", "Description", "Safety", "Approval", "Plane", "Domain", "Command", "Lifecycle", "RequiresNames"));
        }

        var generatedGates = All(assembly, "SpineGates");
        Assert.Equal(gates.Count, generatedGates.Count);
        for (var i = 0; i < gates.Count; i++)
        {
            var g = gates[i];
            Assert.Equal(new object?[] { g.Id, g.Name, g.Category, g.Description, g.Severity, g.CheckScript, g.Inline, g.Retired, g.EnforcedBy, g.PrimaryDomain, string.Join("\u0001", g.SecondaryDomains) },
                Fields(generatedGates[i], "Id", "Name", "Category", "Description", "Severity", "CheckScript", "Inline", "Retired", "EnforcedBy", "PrimaryDomain", "SecondaryDomains"));
        }

        // And each member is its table entry.
        var lookup = assembly.GetType("Spine.Generated.SpineCapabilities", throwOnError: true)!;
        Assert.Same(generatedCapabilities.Single(e => (string)e.GetType().GetProperty("Name")!.GetValue(e)! == "tricky.fields"), lookup.GetField("TrickyFields")!.GetValue(null));
    }

    private static System.Collections.Generic.List<object> All(Assembly assembly, string type) =>
        ((IEnumerable)assembly.GetType("Spine.Generated." + type, throwOnError: true)!.GetProperty("All")!.GetValue(null)!).Cast<object>().ToList();

    private static object?[] Fields(object entry, params string[] names) => names
        .Select(n => entry.GetType().GetProperty(n)!.GetValue(entry))
        .Select(v => v is IEnumerable list and not string ? string.Join("\u0001", list.Cast<string>()) : v)
        .ToArray();

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
