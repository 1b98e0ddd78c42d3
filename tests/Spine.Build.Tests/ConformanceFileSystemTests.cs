using System.Linq;
using Spine.Build.Verification;
using Spine.Model;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;

namespace Spine.Build.Tests;

/// <summary>docs/conformance.md's file-system table is what SpineVerify's checks report on each snapshot.</summary>
public class ConformanceFileSystemTests
{
    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void The_conformance_page_states_the_real_file_system_counts(string date)
    {
        var corpus = "spine-" + date;
        var documented = ConformanceDoc.Counts().Where(c => c.Key.Corpus == corpus && c.Key.Rule.StartsWith("SPINE6", System.StringComparison.Ordinal))
            .ToDictionary(c => (c.Key.Rule, c.Key.Severity), c => c.Value);
        var actual = FileSystemChecks.Run(SpineDirectory.Load(Paths.CorpusOf(date)))
            .GroupBy(f => (f.RuleId, Finding.SeverityName(f.Severity)))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(documented.OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
    }
}
