using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Spine.Model;
using Spine.Model.Baselines;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>
/// The analyzer resolves the policy and applies the baseline with the same code as spine check: the preset comes
/// from the build property SpinePolicyPreset (the build sets it from SPINE_POLICY_PRESET), the tenant profile from
/// SpineTenantProfile and its additional file.
/// </summary>
public class AnalyzerPolicyTests
{
    private static DiagnosticResult Expected(Finding f, DiagnosticSeverity severity) =>
        SpineAnalyzerTest.Diagnostic(f.RuleId).WithSeverity(severity).WithLocation(SpineAnalyzerTest.Path(f.Span.File), f.Span.Line, f.Span.Column).WithArguments(f.Text);

    [Fact]
    public async Task A_warn_preset_from_the_build_makes_drift_a_warning()
    {
        var c = RuleCases.All["D137: plane missing"];
        var spine = c.Edit(FixtureSpine.Own());
        var finding = spine.Check().Single();
        await new SpineAnalyzerTest(spine, "build_property.SpinePolicyPreset = permissive\n").Expect(Expected(finding, DiagnosticSeverity.Warning)).RunAsync();
        await new SpineAnalyzerTest(spine, "build_property.SpinePolicyPreset = strict\n").Expect(Expected(finding, DiagnosticSeverity.Error)).RunAsync();
    }

    [Fact]
    public async Task A_tenant_profile_outside_the_spine_chooses_the_preset()
    {
        var c = RuleCases.All["D137: plane missing"];
        var spine = c.Edit(FixtureSpine.Own());
        var finding = spine.Check().Single();
        var test = new SpineAnalyzerTest(spine, "build_property.SpineTenantProfile = /elsewhere/tenant.yaml\n");
        test.TestState.AdditionalFiles.Add(("/elsewhere/tenant.yaml", "identity:\n  tenant_id: lab\npolicy:\n  preset: permissive\n"));
        await test.Expect(Expected(finding, DiagnosticSeverity.Warning)).RunAsync();
    }

    [Fact]
    public async Task An_unknown_preset_is_SPINE504_with_the_message_every_command_gives()
    {
        var test = new SpineAnalyzerTest(FixtureSpine.Own(), "build_property.SpinePolicyPreset = nosuch\n");
        await test.Expect(SpineAnalyzerTest.Diagnostic("SPINE504").WithSeverity(DiagnosticSeverity.Error).WithNoLocation()
            .WithArguments("Unknown policy preset 'nosuch' (from SPINE_POLICY_PRESET); the spine defines strict, balanced, permissive.")).RunAsync();
    }

    [Fact]
    public async Task Baselined_findings_are_not_reported_and_a_summary_says_how_many()
    {
        var c = RuleCases.All["registry: undeclared category"];
        var spine = c.Edit(FixtureSpine.Own());
        var findings = spine.Check();
        var baseline = BaselineWriter.Write(findings, p => ParsedFile.Parse(p, spine.Text(p)).Document, new System.DateTime(2026, 12, 1));
        var baselined = spine.Copy().Set("ops/spine.baseline.yaml", baseline);
        await new SpineAnalyzerTest(baselined)
            .Expect(SpineAnalyzerTest.Diagnostic("SPINE006").WithSeverity(DiagnosticSeverity.Info).WithLocation(SpineAnalyzerTest.Path("ops/spine.baseline.yaml"), 1, 1)
                .WithArguments("1 finding(s) baselined in ops/spine.baseline.yaml; only new findings are reported."))
            .RunAsync();

        // Fixed since: the entry is stale, and said so as a suggestion.
        var fixedSpine = baselined.Copy().Set(c.File, FixtureSpine.Own().Text(c.File));
        var ws = fixedSpine.Load();
        var stale = Spine.Model.Checking.SpineCheck.Run(ws, Spine.Model.Policy.PolicyEnvironment.Sources(ws, _ => null), p => ParsedFile.Parse(p, fixedSpine.Text(p)).Document, Spine.Model.Checking.CheckScope.Rules).Findings.Single();
        Assert.Equal("SPINE007", stale.RuleId);
        await new SpineAnalyzerTest(fixedSpine).Expect(Expected(stale, DiagnosticSeverity.Info)).RunAsync();
    }

    [Fact]
    public async Task The_analyzer_alone_says_what_to_add()
    {
        var test = new CSharpAnalyzerTest<SpineAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.Sources.Add("public static class Program { public static void Main() { } }");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(SpineDiagnostics.All.Single(d => d.Id == "SPINE009")).WithNoLocation().WithSeverity(DiagnosticSeverity.Warning)
            .WithMessage("The Spine analyzer is referenced, but the spine's YAML does not reach the compiler, so nothing is generated (Spine.Generated) or checked. Reference the Spine.Build package, which brings the analyzer and passes ops/**/*.yaml: <PackageReference Include=\"Spine.Build\" Version=\"...\" />."));
        await test.RunAsync();
    }
}
