using System;
using System.Linq;
using Spine.Model;
using Spine.Model.Bindings;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>
/// Mutated files (truncated anywhere, a line deleted, a character replaced) never make the loader or
/// a rule throw: every mutation ends in findings, never in SPINE000 or an exception.
/// </summary>
public class MutationRobustnessTests
{
    private static readonly string[] Bindings =
    {
        CapabilityRegistry.Path, CapabilityMap.Path, GateRegistry.Path, GateTopology.Path, DomainProfiles.Path, AgentProfiles.Path,
        StartupSequencing.Path, SshTargets.Path, ComposeTargets.Path, PolicyPresets.Path, TenantProfile.DefaultPath, HomeDeviceRegistry.Path,
        BackupInventory.Path, NetworkCutoverPolicy.Path,
    };

    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("SPINE_MUTATIONS"), out var n) ? n : 40;

    private const string Specials = "[{:-&*!|>'\"\t%@`";

    public static TheoryData<string> Paths() => new(Bindings);

    [Theory]
    [MemberData(nameof(Paths))]
    public void Truncations_deletions_and_substitutions_never_throw(string path)
    {
        var original = FixtureSpine.Own().Text(path);
        var random = new Random(path.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
        var lines = original.Split('\n');
        for (var i = 0; i < Iterations; i++)
        {
            string mutated = (i % 4) switch
            {
                0 => original[..random.Next(original.Length)],
                1 => string.Join('\n', lines.Where((_, n) => n != random.Next(lines.Length))),
                2 => Replace(original, random.Next(original.Length), Specials[random.Next(Specials.Length)]),
                _ => original.Insert(random.Next(original.Length), "\n  - " + new string('x', random.Next(5)) + ":\n"),
            };
            var findings = FixtureSpine.Own().Set(path, mutated).Check();
            Assert.DoesNotContain(findings, f => f.RuleId == "SPINE000");
            Assert.All(findings, f => Assert.True(f.Span.Line >= 1 && f.Span.Column >= 1, f.ToString()));
        }
    }

    [Fact]
    public void Every_corpus_file_survives_truncation()
    {
        foreach (var file in SpineDirectory.Read(Spine.TestSupport.Paths.Corpus))
        {
            foreach (var cut in new[] { file.Text.Length / 3, file.Text.Length / 2, file.Text.Length * 9 / 10 })
            {
                var workspace = SpineLoader.Load("/c", new[] { new SpineFile(file.Path, file.Text[..cut]) });
                Assert.DoesNotContain(RuleEngine.Check(workspace), f => f.RuleId == "SPINE000");
            }
        }
    }

    private static string Replace(string text, int at, char c) => text[..at] + c + text[(at + 1)..];
}
