using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Spine.Model.Loading;
using Spine.Runtime.Cli;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// The JSON Schemas of `spine schema` in the real yaml-language-server: every modelled file of both corpora validates
/// with no schema error (a duplicate key is YAML's own error, which Spine reports too as SPINE002, so only the
/// schema's diagnostics count here), and each planted structural fault is an error at its line.
/// </summary>
public sealed class SchemaTests
{
    private readonly ITestOutputHelper _log;

    public SchemaTests(ITestOutputHelper log) => _log = log;

    private static (string Folder, JsonObject Schemas) Write(TempCopy spine)
    {
        var folder = Path.Combine(spine.Path, ".spine", "schemas");
        var output = new StringWriter();
        Assert.Equal(0, SchemaCommand.Run(spine.Path, null, output, new StringWriter()));
        Assert.Contains("schema(s) in " + folder, output.ToString());

        // The settings file maps schema paths (relative to the root) to file patterns; the server wants URIs and globs.
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "yaml-language-server.json")))!["yaml.schemas"]!.AsObject();
        var schemas = new JsonObject();
        foreach (var (schema, patterns) in settings)
        {
            schemas[new Uri(Path.Combine(spine.Path, schema)).AbsoluteUri] = new JsonArray(patterns!.AsArray().Select(p => (JsonNode)JsonValue.Create("**/" + p!.GetValue<string>())!).ToArray());
        }

        return (folder, schemas);
    }

    private static JsonNode[] SchemaErrors(JsonArray diagnostics) =>
        diagnostics.Where(d => d!["source"]?.GetValue<string>()?.StartsWith("yaml-schema", StringComparison.Ordinal) == true && d["severity"]?.GetValue<int>() == 1).Select(d => d!).ToArray();

    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void Every_modelled_file_of_a_real_snapshot_validates_against_its_schema(string date)
    {
        using var spine = TempCopy.OfSpine(Paths.CorpusOf(date));
        var (_, schemas) = Write(spine);
        using var server = new YamlLanguageServer(spine.Path, schemas);
        var files = SpineDirectory.Read(spine.Path).Where(f => SpineLoader.IsModelled(f.Path)).ToList();
        Assert.True(files.Count >= 12, string.Join(", ", files.Select(f => f.Path)));
        foreach (var file in files)
        {
            var diagnostics = server.Diagnostics(spine.File(file.Path), file.Text);
            _log.WriteLine($"{file.Path}: {diagnostics.Count} diagnostic(s) {diagnostics.ToJsonString()[..Math.Min(300, diagnostics.ToJsonString().Length)]}");
            Assert.True(SchemaErrors(diagnostics).Length == 0, $"{file.Path}: {diagnostics.ToJsonString()}");
        }
    }

    /// <summary>A planted structural fault: the file, what to change, and the text of the line the error must be on.</summary>
    [Theory]
    [InlineData("ops/bindings/gate.registry.yaml", @"(?m)^  - id: D67\n", "  - name: no-id-here\n", "  - name: no-id-here")]
    [InlineData("ops/bindings/ssh.targets.yaml", @"(?m)^(\s+port:) \d+$", "$1 twenty-two", "port: twenty-two")]
    [InlineData("ops/bindings/startup.sequencing.yaml", @"(?m)^(  - phase:) \d+$", "$1 first", "phase: first")]
    [InlineData("ops/capabilities.yaml", @"(?m)^(    safety:) read-only$", "$1 [read-only]", "safety: [read-only]")]
    [InlineData("ops/capabilities.yaml", @"(?m)^(    plane:) fabric$", "$1 control", "plane: control")]
    [InlineData("ops/bindings/gate.execution.topology.yaml", @"(?m)^(    secondary_domains:) \[\]$", "$1 {a: b}", "secondary_domains: {a: b}")]
    public void A_structural_fault_is_an_error_at_its_line(string file, string pattern, string replacement, string line)
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        var (_, schemas) = Write(spine);
        var text = File.ReadAllText(spine.File(file));
        var regex = new Regex(pattern);
        Assert.Matches(regex, text);
        var broken = regex.Replace(text, replacement, 1);
        var expectedLine = broken.Split('\n').ToList().FindIndex(l => l.Contains(line, StringComparison.Ordinal));
        Assert.True(expectedLine >= 0);

        using var server = new YamlLanguageServer(spine.Path, schemas);
        Assert.Empty(SchemaErrors(server.Diagnostics(spine.File(file), text)));
        var diagnostics = server.Diagnostics(spine.File(file), broken);
        _log.WriteLine(diagnostics.ToJsonString());
        var errors = SchemaErrors(diagnostics);
        Assert.Contains(errors, e => e["range"]!["start"]!["line"]!.GetValue<int>() == expectedLine);
    }
}
