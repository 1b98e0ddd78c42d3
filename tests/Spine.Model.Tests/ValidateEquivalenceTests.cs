using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Loading;
using Spine.Model.Yaml;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>
/// The files no binding reads are only validated (no tree is built): <see cref="YamlParser.Validate"/> must find exactly
/// what <see cref="YamlParser.Parse"/> finds — the same syntax errors and duplicate keys, spans and messages — on every
/// corpus file, on mutations of them, and on the YAML corners (anchors, aliases as keys, complex keys, documents).
/// </summary>
public sealed class ValidateEquivalenceTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("SPINE_MUTATIONS"), out var n) ? n : 40;

    private static void Same(string path, string text)
    {
        var parsed = new List<Finding>();
        var document = YamlParser.Parse(path, text, parsed);
        var validated = new List<Finding>();
        var ok = YamlParser.Validate(path, text, validated);
        var expected = string.Join("\n", parsed.Select(f => f.ToString() + " " + f.Span + " " + string.Join(";", f.Related)));
        var actual = string.Join("\n", validated.Select(f => f.ToString() + " " + f.Span + " " + string.Join(";", f.Related)));
        Assert.True(expected == actual, $"Parse:\n{expected}\nValidate:\n{actual}");
        Assert.Equal(!document.HasSyntaxError, ok);
    }

    [Theory]
    [InlineData("a: 1\nb: 2\na: 3\n")]
    [InlineData("x: &k key\ny:\n  *k : 1\n  key: 2\n")]
    [InlineData("? [a, b]\n: 1\n? [a, b]\n: 2\n")]
    [InlineData("? {a: 1}\n: x\n? {a: 1}\n: y\nc: *nothing\n")]
    [InlineData("a: &m {k: 1, k: 2}\nb: *m\nb: *m\n")]
    [InlineData("a: 1\n---\na: 1\na: 2\n")]
    [InlineData("a: [1, 2\nb: 3\n")]
    [InlineData("- a: 1\n  a: 2\n- {x: 1, x: 1}\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("a: &s self\nb: *s\n*s : dup\nself: again\n")]
    public void The_corners_are_found_alike(string text) => Same("ops/x.yaml", text);

    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void Every_corpus_file_and_its_mutations_are_found_alike(string date)
    {
        var random = new Random(int.Parse(date.Replace("-", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        const string specials = "[{:-&*!|>'\"\t%@`?";
        foreach (var file in SpineDirectory.Read(Paths.CorpusOf(date)))
        {
            Same(file.Path, file.Text);
        }

        var files = SpineDirectory.Read(Paths.CorpusOf(date)).Where(f => f.Text.Length < 40_000).ToList();
        for (var i = 0; i < Iterations * 10; i++)
        {
            var file = files[random.Next(files.Count)];
            var text = file.Text;
            var at = random.Next(Math.Max(1, text.Length));
            var mutated = (i % 5) switch
            {
                0 => text[..at],
                1 => text[..at] + specials[random.Next(specials.Length)] + text[Math.Min(text.Length, at + 1)..],
                2 => text.Insert(at, "\n" + text[..Math.Min(text.Length, random.Next(200))]),
                3 => text.Insert(at, "&a" + random.Next(3) + " "),
                _ => text.Insert(at, " *a" + random.Next(3)),
            };
            Same(file.Path, mutated);
        }
    }
}
