using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Spine.Generators.CodeFixes;
using Spine.Model;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>
/// Each code fix on a planted fault in a copy of the own spine, with the fixed YAML asserted exactly. Before and after,
/// Microsoft.CodeAnalysis.Testing's additional-file state checks the analyzer's diagnostics (computed by Spine.Model, so
/// both lists are complete). The fix itself is applied the way the IDE applies it — a CodeFixContext on the additional
/// TextDocument, one fix per iteration until none is left, and separately Fix All in project and solution scope — because
/// the testing library (1.1.4) only offers fixes for diagnostics in source documents (its CodeFixTest keeps a diagnostic
/// only when <c>Solution.GetDocument(diagnostic.Location.SourceTree)</c> is not null).
/// </summary>
public sealed class CodeFixTests
{
    private static DiagnosticResult[] Expected(FixtureSpine spine) => spine.Check()
        .Select(f =>
        {
            var result = SpineAnalyzerTest.Diagnostic(f.RuleId).WithSeverity(f.Severity switch { Severity.Error => DiagnosticSeverity.Error, Severity.Warning => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info })
                .WithLocation(SpineAnalyzerTest.Path(f.Span.File), f.Span.Line, f.Span.Column);
            foreach (var related in f.Related)
            {
                result = result.WithLocation(SpineAnalyzerTest.Path(related.File), related.Line, related.Column);
            }

            return result.WithArguments(f.Text);
        })
        .ToArray();

    private static async Task Verify(FixtureSpine broken, FixtureSpine fixedSpine, string key)
    {
        await new SpineAnalyzerTest(broken).Expect(Expected(broken)).RunAsync();
        var iterative = await CodeFixHarness.FixOneByOne(broken, key);
        Assert.Equal(fixedSpine.Files.Keys, iterative.Keys);
        foreach (var (path, text) in fixedSpine.Files)
        {
            Assert.Equal(text, iterative[path]);
        }

        foreach (var scope in new[] { FixAllScope.Project, FixAllScope.Solution })
        {
            var all = await CodeFixHarness.FixAll(broken, key, scope);
            foreach (var (path, text) in fixedSpine.Files)
            {
                Assert.Equal(text, all[path]);
            }
        }

        await new SpineAnalyzerTest(fixedSpine).Expect(Expected(fixedSpine)).RunAsync();
    }

    private const string Caps = "ops/capabilities.yaml";
    private const string Map = "ops/bindings/capability_map.yaml";
    private const string Registry = "ops/bindings/gate.registry.yaml";

    private static string Block(string text, string name)
    {
        var start = text.IndexOf($"\n  {name}:\n", StringComparison.Ordinal) + 1;
        var end = text.IndexOf("\n  ", start + 3, StringComparison.Ordinal);
        while (end >= 0 && text[end + 3] == ' ')
        {
            end = text.IndexOf("\n  ", end + 1, StringComparison.Ordinal);
        }

        return text.Substring(start, (end < 0 ? text.Length : end + 1) - start);
    }

    [Fact]
    public Task A_capability_missing_from_the_map_gets_its_entry_back_where_it_was()
    {
        var own = FixtureSpine.Own();
        var entry = Block(own.Text(Map), "network.oob.guard.status");
        var broken = own.Copy().Replace(Map, entry, string.Empty);
        return Verify(broken, own, "SPINE067.AddMapEntry");
    }

    [Fact]
    public Task A_phantom_map_entry_is_removed()
    {
        var own = FixtureSpine.Own();
        var broken = own.Copy().Replace(Map, "capabilities:\n", "capabilities:\n  ghost.capability:\n    plugin: spine\n    script: bin/spine\n");
        return Verify(broken, own, "SPINE067.RemoveMapEntry");
    }

    [Fact]
    public Task Fix_all_removes_every_phantom_entry()
    {
        var own = FixtureSpine.Own();
        var broken = own.Copy().Replace(Map, "capabilities:\n", "capabilities:\n  ghost.one:\n    plugin: spine\n  ghost.two:\n    plugin: spine\n");
        return Verify(broken, own, "SPINE067.RemoveMapEntry");
    }

    [Theory]
    [InlineData("plane", "fabric")]
    [InlineData("domain", "infra")]
    public Task A_missing_plane_or_domain_is_added_with_the_expected_value(string field, string value)
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "infra.proxmox.maintenance.shutdown");
        var without = block.Replace($"    {field}: {value}\n", string.Empty, StringComparison.Ordinal);
        var broken = own.Copy().Replace(Caps, block, without);
        var fixedSpine = own.Copy().Replace(Caps, block, without + $"    {field}: {value}\n");
        return Verify(broken, fixedSpine, "SPINE137.AddExpected");
    }

    [Fact]
    public Task Missing_requires_are_added_as_the_host_check()
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "infra.proxmox.maintenance.shutdown");
        var without = block.Replace("    requires:\n      - ssh.target.status\n      - network.oob.guard.status\n", string.Empty, StringComparison.Ordinal);
        var broken = own.Copy().Replace(Caps, block, without);
        var fixedSpine = own.Copy().Replace(Caps, block, without + "    requires:\n      - ssh.target.status\n");
        return Verify(broken, fixedSpine, "SPINE137.AddExpected");
    }

    [Fact]
    public Task An_empty_requires_is_replaced()
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "infra.proxmox.maintenance.shutdown");
        var empty = block.Replace("    requires:\n      - ssh.target.status\n      - network.oob.guard.status\n", "    requires: []\n", StringComparison.Ordinal);
        var broken = own.Copy().Replace(Caps, block, empty);
        var fixedSpine = own.Copy().Replace(Caps, block, empty.Replace("    requires: []\n", "    requires:\n      - ssh.target.status\n", StringComparison.Ordinal));
        return Verify(broken, fixedSpine, "SPINE137.AddExpected");
    }

    [Fact]
    public Task A_wrong_plane_is_set_to_the_expected_one_keeping_its_quotes()
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "infra.proxmox.maintenance.shutdown");
        var broken = own.Copy().Replace(Caps, block, block.Replace("    plane: fabric\n", "    plane: \"control\"\n", StringComparison.Ordinal));
        var fixedSpine = own.Copy().Replace(Caps, block, block.Replace("    plane: fabric\n", "    plane: \"fabric\"\n", StringComparison.Ordinal));
        return Verify(broken, fixedSpine, "SPINE137.SetExpected");
    }

    [Fact]
    public Task An_undeclared_gate_category_is_declared_in_the_registry()
    {
        var own = FixtureSpine.Own();
        var registry = own.Text(Registry);
        var lastCategory = registry.Substring(0, registry.IndexOf("\ngates:", StringComparison.Ordinal) + 1);
        var gateCategory = registry.IndexOf("    category: ", registry.IndexOf("\ngates:", StringComparison.Ordinal), StringComparison.Ordinal);
        var lineEnd = registry.IndexOf('\n', gateCategory);
        var brokenText = registry.Substring(0, gateCategory) + "    category: brand-new-hygiene" + registry.Substring(lineEnd);
        var fixedText = lastCategory + "  - id: brand-new-hygiene\n" + brokenText.Substring(lastCategory.Length);
        return Verify(own.Copy().Set(Registry, brokenText), own.Copy().Set(Registry, fixedText), "SPINE303.DeclareCategory");
    }

    [Fact]
    public Task A_gate_count_that_disagrees_is_set_to_the_real_count()
    {
        var own = FixtureSpine.Own();
        var registry = own.Text(Registry);
        var total = System.Text.RegularExpressions.Regex.Match(registry, @"\n  total: (\d+)\n");
        Assert.True(total.Success, "the own registry has gate_count.total");
        var broken = own.Copy().Set(Registry, registry.Replace(total.Value, "\n  total: 999\n", StringComparison.Ordinal));
        return Verify(broken, own, "SPINE302.SetExpected");
    }

    [Fact]
    public Task A_repeated_key_with_the_same_value_is_removed()
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "ssh.target.status");
        var broken = own.Copy().Replace(Caps, block, block + "    safety: read-only\n");
        return Verify(broken, own, "SPINE002.RemoveRepeat");
    }

    [Theory]
    [InlineData("SPINE002.KeepFirst")]
    [InlineData("SPINE002.KeepSecond")]
    public Task A_repeated_key_with_another_value_keeps_the_one_chosen(string key)
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "ssh.target.status");
        var broken = own.Copy().Replace(Caps, block, block + "    lifecycle: deprecated\n");
        var fixedSpine = key.EndsWith("KeepFirst", StringComparison.Ordinal)
            ? own
            : own.Copy().Replace(Caps, block, block.Replace("    lifecycle: ready\n", string.Empty, StringComparison.Ordinal) + "    lifecycle: deprecated\n");
        return Verify(broken, fixedSpine, key);
    }

    [Fact]
    public Task A_plain_text_that_yaml_reads_as_a_mapping_is_quoted()
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "infra.proxmox.maintenance.shutdown");
        var broken = own.Copy().Replace(Caps, block, block.Replace("      - network.oob.guard.status\n", "      - note: check the guard\n", StringComparison.Ordinal));
        var fixedSpine = own.Copy().Replace(Caps, block, block.Replace("      - network.oob.guard.status\n", "      - \"note: check the guard\"\n", StringComparison.Ordinal));
        return Verify(broken, fixedSpine, "SPINE003.Quote");
    }

    [Fact]
    public Task An_unknown_reference_with_a_close_match_is_replaced_by_it()
    {
        var own = FixtureSpine.Own();
        var block = Block(own.Text(Caps), "infra.proxmox.maintenance.shutdown");
        var broken = own.Copy().Replace(Caps, block, block.Replace("      - network.oob.guard.status\n", "      - network.oob.guard.statu\n", StringComparison.Ordinal));
        var finding = broken.Check().Single(f => f.Message.Contains("Did you mean", StringComparison.Ordinal));
        return Verify(broken, own, finding.RuleId + ".DidYouMean");
    }
}
