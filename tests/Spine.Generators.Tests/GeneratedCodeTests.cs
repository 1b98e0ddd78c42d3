using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Spine.Model;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Generators.Tests;

/// <summary>
/// Whatever the YAML holds, the generated C# has no error and no warning; the problem is the SPINE diagnostic at the
/// YAML. Each case is an edit of the repository's own spine that real data could hold (or that a typo makes).
/// </summary>
public class GeneratedCodeTests
{
    private const string Caps = "ops/capabilities.yaml";
    private const string Map = "ops/bindings/capability_map.yaml";
    private const string Reg = "ops/bindings/gate.registry.yaml";
    private const string Top = "ops/bindings/gate.execution.topology.yaml";
    private const string Seq = "ops/bindings/startup.sequencing.yaml";
    private const string Ssh = "ops/bindings/ssh.targets.yaml";
    private const string Policy = "ops/bindings/policy.presets.yaml";

    private readonly ITestOutputHelper _log;

    public GeneratedCodeTests(ITestOutputHelper log) => _log = log;

    private static readonly Dictionary<string, Func<FixtureSpine, FixtureSpine>> Cases = new()
    {
        ["a capability key twice"] = s => s.Replace(Caps, "  verify.core.run:\n", "  verify.core.run:\n    description: first\n  verify.core.run:\n"),
        ["a gate id twice"] = s => s.Replace(Reg, "gates:\n", "gates:\n  - id: D67\n    category: ssot-hygiene\n    severity: low\n    inline: true\n"),
        ["an SSH target id twice"] = s => s.Replace(Ssh, "  targets:\n", "  targets:\n    - id: \"pve\"\n      host: \"127.0.0.9\"\n"),
        ["a domain id twice"] = s => s.Replace(Top, "domain_metadata:\n", "domain_metadata:\n  - domain_id: core\n    description: again\n"),
        ["a site twice"] = s => s.Replace(Seq, "sites: [shop, home]", "sites: [shop, home, shop]"),
        ["two names, one identifier"] = s => s.Replace(Caps, "  verify.core.run:\n", "  verify.core-run:\n    description: collides\n  verify_core_run:\n    description: collides too\n  verify.core.run:\n"),
        ["C# keywords as names"] = s => s
            .Replace(Caps, "  verify.core.run:\n", "  class:\n    description: k\n  namespace:\n    description: k\n  int:\n    description: k\n  verify.core.run:\n")
            .Replace(Seq, "sites: [shop, home]", "sites: [shop, home, void, null]")
            .Replace(Ssh, "  targets:\n", "  targets:\n    - id: \"default\"\n      host: \"127.0.0.9\"\n    - id: \"this\"\n      host: \"127.0.0.9\"\n"),
        ["names starting with digits or without letters"] = s => s
            .Replace(Caps, "  verify.core.run:\n", "  123abc:\n    description: d\n  \"---\":\n    description: p\n  \"___\":\n    description: u\n  café.crème:\n    description: accents\n  verify.core.run:\n")
            .Replace(Ssh, "  targets:\n", "  targets:\n    - id: \"9\"\n      host: \"127.0.0.9\"\n    - id: \"_9\"\n      host: \"127.0.0.9\"\n"),
        ["names of generated members and types"] = s => s
            .Replace(Caps, "  verify.core.run:\n", "  all:\n    description: m\n  find:\n    description: m\n  to-string:\n    description: m\n  spine-capabilities:\n    description: t\n  verify.core.run:\n")
            .Replace(Seq, "sites: [shop, home]", "sites: [shop, home, phases, guests, find]"),
        ["text that could break a comment or a literal"] = s => s.Replace(Caps, "  verify.core.run:\n", "  verify.weird:\n    description: \"ends */ a </summary> tag \\u2028 line \\\" quote \\\\ back { brace } \\u0000 nul\"\n    command: \"./bin/spine \\\"$(rm -rf /)\\\"\"\n  verify.core.run:\n"),
        ["an enum with repeated and colliding values"] = s => s
            .Replace(Caps, "    plane:\n      - fabric\n", "    plane:\n      - fabric\n      - fabric\n      - unknown\n      - Unknown\n      - a-b\n      - a.b\n")
            .Replace(Policy, "    enum: [fail, warn]\n", "    enum: [fail, warn, fail, Fail, \"\"]\n"),
        ["knobs named like generated types and members"] = s => s
            .Replace(Policy, "knob_schema:\n", "knob_schema:\n  capability_safety:\n    type: string\n    enum: [a, b]\n  from:\n    type: integer\n  names:\n    type: boolean\n  knobs:\n    type: string\n    enum: [x]\n"),
        ["an empty capability registry"] = s => s.Set(Caps, string.Empty),
        ["a registry that is a list"] = s => s.Set(Reg, "- 1\n- 2\n"),
        ["a truncated capability registry"] = s => s.Set(Caps, s.Text(Caps)[..(s.Text(Caps).Length / 2)]),
        ["an empty startup sequencing"] = s => s.Set(Seq, "version: 3\n"),
        ["a map entry twice"] = s => s.Replace(Map, "capabilities:\n", "capabilities:\n  verify.core.run: {}\n"),
    };

    public static IEnumerable<object[]> Names() => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_code_has_no_error_and_no_warning(string name)
    {
        var spine = Cases[name](FixtureSpine.Own());
        var diagnostics = GeneratedDiagnostics(spine);
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics));
    }

    [Fact]
    public void A_duplicate_key_is_reported_once_at_the_second_occurrence()
    {
        var spine = Cases["a capability key twice"](FixtureSpine.Own());
        var finding = Assert.Single(spine.Check(), f => f.RuleId is "SPINE002" or "SPINE005" or "SPINE301");
        Assert.Equal("SPINE002", finding.RuleId);
        var text = spine.Text(Caps);
        var second = text.IndexOf("  verify.core.run:\n", text.IndexOf("  verify.core.run:\n", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.Equal(TextPosition.At(text, second + 2), (finding.Span.Line, finding.Span.Column));
        Assert.Single(finding.Related);
    }

    [Fact]
    public void A_collision_names_the_two_different_names_and_both_places()
    {
        var spine = Cases["two names, one identifier"](FixtureSpine.Own());
        var collisions = spine.Check().Where(f => f.RuleId == "SPINE005").ToList();
        Assert.Equal(2, collisions.Count);
        foreach (var c in collisions)
        {
            Assert.Contains("'verify.core-run'", c.Message);
            Assert.Single(c.Related);
        }

        Assert.DoesNotContain(collisions, c => c.Message.Contains("'verify.core.run' and 'verify.core.run'", StringComparison.Ordinal));
    }

    /// <summary>
    /// Random mutations of both real snapshots (truncate, drop a line, double a line, break a character) never give
    /// the generated code a diagnostic. Sample: <c>SPINE_MUTATIONS</c> per corpus (default 40; CI runs the default).
    /// </summary>
    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void Mutated_real_spines_always_generate_clean_code(string date)
    {
        var samples = int.TryParse(Environment.GetEnvironmentVariable("SPINE_MUTATIONS"), out var n) ? n : 40;
        var corpus = FixtureSpine.FromDirectory(Paths.CorpusOf(date));
        var modelled = new[] { Caps, Map, Reg, Top, Seq, Ssh, Policy, "ops/bindings/gate.domain.profiles.yaml", "ops/bindings/tenant.profile.yaml", "ops/bindings/vm.lifecycle.yaml" };
        var random = new Random(date.GetHashCode(StringComparison.Ordinal) ^ 1337);
        for (var i = 0; i < samples; i++)
        {
            var path = modelled[random.Next(modelled.Length)];
            var original = corpus.Text(path);
            var mutated = Mutate(original, random);
            var diagnostics = GeneratedDiagnostics(corpus.Copy().Set(path, mutated));
            Assert.True(diagnostics.Count == 0, $"{path} mutation {i}: {string.Join("\n", diagnostics)}");
        }

        _log.WriteLine($"{samples} mutations of {date}: generated code clean.");
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(4))
        {
            case 0:
                return text[..random.Next(text.Length)];
            case 1:
                lines.RemoveAt(at);
                return string.Join('\n', lines);
            case 2:
                lines.Insert(at, lines[at]);
                return string.Join('\n', lines);
            default:
                var chars = text.ToCharArray();
                chars[random.Next(chars.Length)] = ":-[]{}#&*!|>'\"%@`"[random.Next(17)];
                return new string(chars);
        }
    }

    /// <summary>Every diagnostic (warning or worse, any warning level) located in a generated file.</summary>
    internal static List<Diagnostic> GeneratedDiagnostics(FixtureSpine spine)
    {
        var driver = GeneratorHarness.Driver(GeneratorHarness.Texts(spine));
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation("public static class Use { }"), out var output, out var driverDiagnostics);
        var result = driver.GetRunResult();
        var problems = driverDiagnostics.ToList();
        problems.AddRange(output.WithOptions(((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)output.Options).WithWarningLevel(9999)).GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && (d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) ?? false)));
        problems.AddRange(result.Results.Where(r => r.Exception != null).Select(r => Diagnostic.Create("CRASH", "Spine", r.Exception!.ToString(), DiagnosticSeverity.Error, DiagnosticSeverity.Error, true, 0)));
        return problems;
    }
}
