using System.Linq;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>
/// The synthetic spine the scaling benchmark uses (bench/Spine.Bench ScaleBenchmarks) is what it says: ten times the
/// 02-25 snapshot's capabilities, gates and assignments with unique names, and ten times its drift, nothing new.
/// </summary>
public sealed class SyntheticSpineTests
{
    [Fact]
    public void Ten_times_the_snapshot_has_ten_times_its_entities_and_its_drift()
    {
        var files = SpineDirectory.Read(Paths.Corpus25);
        var one = SpineLoader.Load("/s", files);
        var ten = SpineLoader.Load("/s", SyntheticSpine.Of(files, 10));
        Assert.Equal(one.Capabilities!.Capabilities.Count * 10, ten.Capabilities!.Capabilities.Count);
        Assert.Equal(one.CapabilityMap!.Entries.Count * 10, ten.CapabilityMap!.Entries.Count);
        Assert.Equal(one.Registry!.Gates.Count * 10, ten.Registry!.Gates.Count);
        Assert.Equal(one.Topology!.Assignments.Count * 10, ten.Topology!.Assignments.Count);
        Assert.True(ten.Files.Count > one.Files.Count * 9);

        var before = RuleEngine.Check(one).Concat(one.LoadFindings).GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Count());
        var after = RuleEngine.Check(ten).Concat(ten.LoadFindings).GroupBy(f => f.RuleId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        Assert.DoesNotContain("SPINE000", after.Keys);
    }
}
