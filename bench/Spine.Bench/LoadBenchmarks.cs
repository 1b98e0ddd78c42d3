using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Spine.Model;
using Spine.Model.Loading;
using Spine.TestSupport;
using YamlDotNet.RepresentationModel;

namespace Spine.Bench;

/// <summary>
/// Issue 3's goal: loading the 2026-02-17 corpus with positions, binding it and running every rule
/// should cost at most 1.5× YamlDotNet's own parse of the same files (texts already in memory).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LoadBenchmarks
{
    private List<SpineFile> _files = new();

    [GlobalSetup]
    public void Setup() => _files = SpineDirectory.Read(Paths.Corpus).ToList();

    /// <summary>
    /// The bare parse: YamlDotNet's representation model over every file (it throws on the corpus's
    /// one duplicate key; that file is then counted as parsed up to the duplicate).
    /// </summary>
    [Benchmark(Baseline = true)]
    public int BareYamlDotNetParse()
    {
        var nodes = 0;
        foreach (var file in _files)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(file.Text));
                nodes += stream.Documents.Count;
            }
            catch (YamlDotNet.Core.YamlException)
            {
                nodes--;
            }
        }

        return nodes;
    }

    /// <summary>The lowest floor: YamlDotNet's parser events, no tree at all.</summary>
    [Benchmark]
    public int BareParserEvents()
    {
        var events = 0;
        foreach (var file in _files)
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(file.Text));
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    /// <summary>Spine's load alone: positioned parse, duplicate keys, binding.</summary>
    [Benchmark]
    public int Load() => SpineLoader.Load("/corpus", _files).LoadFindings.Count;

    /// <summary>Load plus every rule: what `spine check` and the analyzer do.</summary>
    [Benchmark]
    public int LoadAndAllRules() => RuleEngine.Check(SpineLoader.Load("/corpus", _files)).Count;
}
