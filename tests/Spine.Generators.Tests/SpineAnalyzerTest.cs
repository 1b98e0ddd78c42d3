using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Spine.Generators;
using Spine.TestSupport;

namespace Spine.Generators.Tests;

/// <summary>
/// Microsoft.CodeAnalysis.Testing harness for <see cref="SpineAnalyzer"/>: a spine's files become
/// AdditionalFiles under /spine, SpineRoot is passed the way the build passes it, and references come
/// from Basic.Reference.Assemblies (no package download at test time).
/// </summary>
internal sealed class SpineAnalyzerTest : CSharpAnalyzerTest<SpineAnalyzer, DefaultVerifier>
{
    public const string Root = "/spine";

    public SpineAnalyzerTest(FixtureSpine spine, string? extraGlobalConfig = null)
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        TestState.Sources.Add("public static class Program { public static void Main() { } }");
        foreach (var (path, text) in spine.Files)
        {
            TestState.AdditionalFiles.Add((Path(path), text));
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.SpineRoot = " + Root + "\n" + (extraGlobalConfig ?? string.Empty)));
    }

    public static string Path(string relative) => Root + "/" + relative;

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(SpineDiagnostics.All.Single(d => d.Id == id));

    public SpineAnalyzerTest Expect(params DiagnosticResult[] results)
    {
        ExpectedDiagnostics.AddRange(results);
        return this;
    }
}
