using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;
using Spine.Model.Yaml;

namespace Spine.Model.Baselines
{
    /// <summary>What a baseline left: the findings to report, how many it suppressed, and its own notes (SPINE006–008).</summary>
    public sealed record BaselineResult(IReadOnlyList<Finding> Reported, int Suppressed, IReadOnlyList<Finding> Notes);

    /// <summary>
    /// Applies <c>ops/spine.baseline.yaml</c>: a finding whose (rule, file, fingerprint) the baseline lists is
    /// suppressed, once per entry; an entry that matches nothing is stale (SPINE007, info) — but only for the rules
    /// the caller runs (<paramref name="judges"/>), since the analyzer never sees the build task's SPINE6xx and the
    /// other way round. SPINE001 and SPINE004 are never suppressed; an entry for them is SPINE008.
    /// </summary>
    public static class BaselineFilter
    {
        public static BaselineResult Apply(IReadOnlyList<Finding> findings, SpineBaseline? baseline, Func<string, YamlDocument?> documents, Func<string, bool> judges)
        {
            if (baseline is null)
            {
                return new BaselineResult(findings, 0, Array.Empty<Finding>());
            }

            var notes = new List<Finding>();
            var open = new Dictionary<(string, string, string), Queue<BaselineEntry>>();
            foreach (var entry in baseline.Entries)
            {
                if (entry.Rule is not { } rule || entry.File is not { } file || entry.Fingerprint is not { } fingerprint)
                {
                    notes.Add(RuleCatalog.InvalidBaseline.At(entry.Span, "This baseline entry lacks its rule, file or fingerprint and matches nothing; rewrite the baseline with `spine baseline`."));
                    continue;
                }

                if (RuleCatalog.Find(rule.Value) is { IsUnreadableSpine: true })
                {
                    notes.Add(RuleCatalog.InvalidBaseline.At(rule.Span, $"{rule.Value} cannot be baselined: a spine that cannot be read is never accepted. Fix the file and remove this entry."));
                    continue;
                }

                var key = (rule.Value, file.Value, fingerprint.Value);
                if (!open.TryGetValue(key, out var queue))
                {
                    open[key] = queue = new Queue<BaselineEntry>();
                }

                queue.Enqueue(entry);
            }

            var reported = new List<Finding>(findings.Count);
            var suppressed = 0;
            foreach (var finding in findings)
            {
                if (finding.Severity == Severity.Info || !finding.HasLocation || RuleCatalog.Find(finding.RuleId) is { IsUnreadableSpine: true })
                {
                    reported.Add(finding);
                    continue;
                }

                var (_, hash) = Fingerprint.Of(finding, documents(finding.Span.File));
                if (open.TryGetValue((finding.RuleId, finding.Span.File, hash), out var queue) && queue.Count > 0)
                {
                    queue.Dequeue();
                    suppressed++;
                }
                else
                {
                    reported.Add(finding);
                }
            }

            foreach (var entry in open.Values.SelectMany(q => q).Where(e => judges(e.Rule!.Value.Value)).OrderBy(e => e.Span.Start))
            {
                notes.Add(RuleCatalog.StaleBaseline.At(
                    entry.Span,
                    $"Baseline entry {entry.Rule!.Value.Value} in {entry.File!.Value.Value} ({entry.NodePath?.Value ?? "?"}) matches no finding any more; remove it with `spine baseline --prune`."));
            }

            if (suppressed > 0)
            {
                notes.Add(RuleCatalog.Baselined.At(SourceSpan.FileStart(SpineBaseline.Path), $"{suppressed} finding(s) baselined in {SpineBaseline.Path}; only new findings are reported."));
            }

            return new BaselineResult(reported, suppressed, notes);
        }
    }
}
