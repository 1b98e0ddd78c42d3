using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Spine.Model.Yaml;

namespace Spine.Model.Baselines
{
    /// <summary>Writes <c>ops/spine.baseline.yaml</c> from findings: sorted, one entry per finding, a header that says what it is.</summary>
    public static class BaselineWriter
    {
        /// <summary>Findings that may be baselined: warnings and errors with a place, except an unreadable spine.</summary>
        public static bool Accepts(Finding finding) =>
            finding.Severity != Severity.Info && finding.HasLocation && !(RuleCatalog.Find(finding.RuleId)?.IsUnreadableSpine ?? false)
            && finding.RuleId is not ("SPINE006" or "SPINE007" or "SPINE008");

        public static string Write(IEnumerable<Finding> findings, Func<string, YamlDocument?> documents, DateTime date)
        {
            var entries = findings.Where(Accepts)
                .Select(f => (Finding: f, Key: Fingerprint.Of(f, documents(f.Span.File))))
                .OrderBy(e => e.Finding.Span.File, StringComparer.Ordinal)
                .ThenBy(e => e.Finding.RuleId, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Path, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Hash, StringComparer.Ordinal)
                .ToList();
            var text = new StringBuilder();
            text.Append("# Spine baseline: findings accepted on ").Append(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(".\n");
            text.Append("# The build, the IDE, `spine check` and `spine verify` do not report these; new findings are reported as usual.\n");
            text.Append("# Written by `spine baseline`; `spine baseline --prune` drops the entries that no longer match. Fix, don't add.\n");
            text.Append("version: 1\n");
            text.Append(entries.Count == 0 ? "findings: []\n" : "findings:\n");
            foreach (var (finding, key) in entries)
            {
                text.Append("  - rule: ").Append(finding.RuleId).Append('\n');
                text.Append("    file: ").Append(Quote(finding.Span.File)).Append('\n');
                text.Append("    path: ").Append(Quote(key.Path)).Append('\n');
                text.Append("    fingerprint: ").Append(Quote(key.Hash)).Append('\n');
                text.Append("    message: ").Append(Quote(finding.Message)).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>A YAML double-quoted scalar.</summary>
        public static string Quote(string value)
        {
            var text = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default:
                        if (c < ' ')
                        {
                            text.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }

                        break;
                }
            }

            return text.Append('"').ToString();
        }
    }
}
