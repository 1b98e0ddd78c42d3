using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Spine.TestSupport;

/// <summary>The counts docs/conformance.md states, from its tables: (corpus, rule, severity) → count.</summary>
public static class ConformanceDoc
{
    private static readonly Regex Row = new(@"^\| (spine-\d{4}-\d{2}-\d{2}) \| (SPINE\d+) \| (error|warning|info) \| (\d+) \|$", RegexOptions.Multiline);

    public static IReadOnlyDictionary<(string Corpus, string Rule, string Severity), int> Counts()
    {
        var text = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "conformance.md")).Replace("\r\n", "\n");
        return Row.Matches(text).ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value), m => int.Parse(m.Groups[4].Value));
    }
}
