using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Model.Loading;
using Spine.Model.Yaml;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>
/// The syntax cache (parse findings and modelled files' trees, kept on disk between runs): a spine loaded from it is
/// the spine parsed afresh, in every binding, span and finding; an edit, a damaged cache or another spine's cache is
/// parsed again; a tree comes back with its aliases shared.
/// </summary>
public sealed class SyntaxCacheTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spine-syntax-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void A_spine_loaded_from_its_cache_equals_the_spine_parsed_afresh(string date)
    {
        var root = Paths.CorpusOf(date);
        var fresh = SpineDirectory.Load(root);
        Assert.Equal(fresh, SpineDirectory.Load(root)); // bindings compare by value: the comparison below means something

        var cold = SpineDirectory.Load(root, SyntaxCache.Open(_folder, root));
        var warm = SpineDirectory.Load(root, SyntaxCache.Open(_folder, root));
        Assert.Equal(fresh, cold);
        Assert.Equal(fresh, warm);
        Assert.Equal(RuleEngine.Check(fresh), RuleEngine.Check(warm));
        Assert.NotNull(warm.Capabilities);
    }

    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void Every_modelled_tree_of_the_corpora_comes_back_node_for_node(string date)
    {
        var root = Paths.CorpusOf(date);
        var modelled = SpineDirectory.Read(root).Where(f => SpineLoader.IsModelled(f.Path)).ToList();
        Assert.True(modelled.Count >= 10);
        foreach (var file in modelled)
        {
            var parsed = ParsedFile.Parse(file.Path, file.Text);
            var payload = SyntaxCodec.Encode(parsed.Findings, parsed.Document);
            var (findings, document) = SyntaxCodec.Decode(file.Path, payload, 0, payload.Length);
            Assert.Equal(parsed.Findings, findings);
            Assert.Equal(parsed.Document.HasSyntaxError, document!.HasSyntaxError);
            AssertSameTree(parsed.Document.Root, document.Root);
        }
    }

    [Fact]
    public void Aliases_come_back_as_the_same_node_and_an_alias_bomb_stays_small()
    {
        var text = "a: &x [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + string.Join("\n", Enumerable.Range(0, 6).Select(i => $"l{i + 1}: &l{i + 1} [{string.Join(", ", Enumerable.Repeat(i == 0 ? "*x" : $"*l{i}", 9))}]")) + "\n";
        var parsed = ParsedFile.Parse("ops/bindings/x.yaml", text);
        var payload = SyntaxCodec.Encode(parsed.Findings, parsed.Document);
        Assert.True(payload.Length < 4 * text.Length, $"{payload.Length} bytes for {text.Length} characters");

        var (_, document) = SyntaxCodec.Decode("ops/bindings/x.yaml", payload, 0, payload.Length);
        var root = (YamlMapping)document!.Root!;
        var l1 = (YamlSequence)root["l1"]!;
        Assert.Same(root["a"], l1.Items[0]);
        Assert.Same(l1.Items[0], l1.Items[8]);
        AssertSameTree(parsed.Document.Root, document.Root);
    }

    [Fact]
    public void Findings_and_syntax_errors_come_back_exactly()
    {
        foreach (var text in new[] { "a: 1\na: 2\nb:\n  c: [x\n", "top:\n  name: a\n  name: b\n", string.Empty, "# only a comment\n", "- just\n- a list\n" })
        {
            var parsed = ParsedFile.Parse("ops/capabilities.yaml", text);
            var payload = SyntaxCodec.Encode(parsed.Findings, parsed.Document);
            var (findings, document) = SyntaxCodec.Decode("ops/capabilities.yaml", payload, 0, payload.Length);
            Assert.Equal(parsed.Findings, findings);
            Assert.Equal(parsed.Document.HasSyntaxError, document!.HasSyntaxError);
            AssertSameTree(parsed.Document.Root, document.Root);
        }
    }

    [Fact]
    public void A_modelled_file_edited_after_a_cached_load_is_parsed_again()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        Assert.DoesNotContain(SpineDirectory.Load(spine.Path, SyntaxCache.Open(_folder, spine.Path)).LoadFindings, f => f.Span.File == "ops/capabilities.yaml");

        spine.Edit("ops/capabilities.yaml", t => t + "\nmeta: 1\nmeta: 2\n");
        var edited = SpineDirectory.Load(spine.Path, SyntaxCache.Open(_folder, spine.Path));
        Assert.Equal(SpineDirectory.Load(spine.Path), edited);
        Assert.Contains(edited.LoadFindings, f => f.RuleId == RuleCatalog.DuplicateKey.Id && f.Span.File == "ops/capabilities.yaml");
        Assert.Equal(edited, SpineDirectory.Load(spine.Path, SyntaxCache.Open(_folder, spine.Path))); // the duplicate key from the cache, exactly

        spine.Edit("ops/capabilities.yaml", t => t.Replace("\nmeta: 1\nmeta: 2\n", string.Empty, StringComparison.Ordinal));
        var reverted = SpineDirectory.Load(spine.Path, SyntaxCache.Open(_folder, spine.Path));
        Assert.Equal(SpineDirectory.Load(spine.Path), reverted);
    }

    [Fact]
    public void A_damaged_cache_file_costs_only_a_parse()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus);
        var expected = SpineDirectory.Load(spine.Path);
        SpineDirectory.Load(spine.Path, SyntaxCache.Open(_folder, spine.Path));
        var file = Assert.Single(Directory.GetFiles(_folder, SyntaxCache.FilePattern));
        var good = File.ReadAllBytes(file);

        // Cut short, bytes flipped along the whole file (headers, counts, strings, node kinds), or not a cache at all.
        var damaged = new List<byte[]> { good.Take(good.Length / 2).ToArray(), new byte[] { 1, 2, 3 }, Array.Empty<byte>() };
        var random = new Random(17);
        for (var i = 0; i < 40; i++)
        {
            var copy = (byte[])good.Clone();
            copy[random.Next(copy.Length)] ^= (byte)(1 + random.Next(255));
            damaged.Add(copy);
        }

        foreach (var bytes in damaged)
        {
            File.WriteAllBytes(file, bytes);
            var loaded = SpineDirectory.Load(spine.Path, SyntaxCache.Open(_folder, spine.Path));
            Assert.Equal(expected.LoadFindings, loaded.LoadFindings);
            Assert.Equal(expected.Capabilities, loaded.Capabilities);
            Assert.Equal(expected.Registry, loaded.Registry);
        }
    }

    [Fact]
    public void Each_spine_root_has_its_own_cache_file()
    {
        SpineDirectory.Load(Paths.Corpus, SyntaxCache.Open(_folder, Paths.Corpus));
        SpineDirectory.Load(Paths.Corpus25, SyntaxCache.Open(_folder, Paths.Corpus25));
        Assert.Equal(2, Directory.GetFiles(_folder, SyntaxCache.FilePattern).Length);
        Assert.Equal(SpineDirectory.Load(Paths.Corpus25), SpineDirectory.Load(Paths.Corpus25, SyntaxCache.Open(_folder, Paths.Corpus25)));
    }

    private static void AssertSameTree(YamlNode? expected, YamlNode? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual!.GetType());
        Assert.Equal(expected.Span, actual.Span);
        switch (expected)
        {
            case YamlScalar scalar:
                var other = (YamlScalar)actual;
                Assert.Equal(scalar.Value, other.Value);
                Assert.Equal(scalar.IsPlain, other.IsPlain);
                break;
            case YamlSequence sequence:
                var items = ((YamlSequence)actual).Items;
                Assert.Equal(sequence.Items.Count, items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSameTree(sequence.Items[i], items[i]);
                }

                break;
            case YamlMapping mapping:
                var entries = ((YamlMapping)actual).Entries;
                Assert.Equal(mapping.Entries.Count, entries.Count);
                for (var i = 0; i < entries.Count; i++)
                {
                    AssertSameTree(mapping.Entries[i].Key, entries[i].Key);
                    AssertSameTree(mapping.Entries[i].Value, entries[i].Value);
                }

                break;
        }
    }
}
