using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Baselines;
using Spine.Model.Policy;
using Spine.Model.Yaml;

namespace Spine.Model.Checking
{
    /// <summary>
    /// One check of a spine: what to report (the policy's severities and the baseline applied), how many findings the
    /// baseline suppressed, the resolved policy (or why it could not be resolved), and the rules' own findings as
    /// they came (<see cref="RuleFindings"/>, which parity compares with the scripts) and without the baselined ones
    /// (<see cref="ActiveRuleFindings"/>, by which compiled gates judge, whatever the policy's severities).
    /// </summary>
    public sealed record CheckReport(IReadOnlyList<Finding> Findings, int Baselined, ResolvedPolicy? Policy, string? PolicyError, IReadOnlyList<Finding> RuleFindings, IReadOnlyList<Finding> ActiveRuleFindings)
    {
        public int Errors => Findings.Count(f => f.Severity == Severity.Error);

        public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
    }

    /// <summary>What a caller reports: the rules' findings (or not: the MSBuild task leaves them to the analyzer) and its own.</summary>
    public sealed record CheckScope(bool ReportRules, IReadOnlyList<Finding> Extra, bool ChecksFileSystem)
    {
        /// <summary>The analyzer: the rules only.</summary>
        public static readonly CheckScope Rules = new CheckScope(true, Array.Empty<Finding>(), false);

        /// <summary><c>spine check</c>: the rules and the file-system checks.</summary>
        public static CheckScope RulesAnd(IReadOnlyList<Finding> fileSystem) => new CheckScope(true, fileSystem, true);

        /// <summary>The MSBuild task: only the file-system checks (the analyzer reports the rules in the same build).</summary>
        public static CheckScope FileSystemOnly(IReadOnlyList<Finding> fileSystem) => new CheckScope(false, fileSystem, true);
    }

    /// <summary>
    /// The one pipeline behind the analyzer, the MSBuild task, <c>spine check</c>, <c>spine verify</c> and the
    /// runtime: run the rules, add the caller's own findings (file-system checks), resolve the policy, apply the
    /// baseline, then the policy's severities.
    /// </summary>
    public static class SpineCheck
    {
        /// <param name="workspace">The loaded spine.</param>
        /// <param name="sources">The policy chain's inputs.</param>
        /// <param name="documents">The parsed file by spine-relative path (for baseline fingerprints); null when unknown.</param>
        /// <param name="scope">What this caller reports.</param>
        public static CheckReport Run(SpineWorkspace workspace, PolicySources sources, Func<string, YamlDocument?> documents, CheckScope scope)
        {
            var ruleFindings = RuleEngine.Check(workspace);
            var findings = new List<Finding>();
            if (scope.ReportRules)
            {
                findings.AddRange(ruleFindings);
            }

            findings.AddRange(scope.Extra);

            ResolvedPolicy? policy = null;
            string? policyError = null;
            try
            {
                policy = PolicyResolver.Resolve(workspace.Policy, sources);
            }
            catch (PolicyException ex)
            {
                policyError = ex.Message;
                if (SeverityPolicy.Problem(ex, sources, workspace.Tenant) is { } problem && scope.ReportRules)
                {
                    findings.Add(problem);
                }
            }

            // A stale entry is judged only by a caller that produces that rule's findings.
            bool Judges(string ruleId) => ruleId.StartsWith("SPINE60", StringComparison.Ordinal) ? scope.ChecksFileSystem : scope.ReportRules && !ruleId.StartsWith("SPINE6", StringComparison.Ordinal);
            var baseline = BaselineFilter.Apply(findings, workspace.Baseline, documents, Judges);
            // The baseline's own notes (summary, invalid entries) come from the caller that reports the rules; another
            // caller adds only the stale entries of its own rules, so nothing is said twice in one build.
            var notes = scope.ReportRules ? baseline.Notes : baseline.Notes.Where(n => n.RuleId == RuleCatalog.StaleBaseline.Id).ToList();
            var reported = baseline.Reported.Concat(notes).Select(f => SeverityPolicy.Apply(f, policy));
            var activeRules = BaselineFilter.Apply(ruleFindings, workspace.Baseline, documents, _ => false).Reported;
            return new CheckReport(RuleEngine.Sort(reported), baseline.Suppressed, policy, policyError, ruleFindings, activeRules);
        }

        /// <summary><c>spine check</c>'s exit code rule, shared by every command: 2 when the policy cannot be resolved, 1 for errors, else 0.</summary>
        public static int ExitCode(CheckReport report) => report.PolicyError != null ? 2 : report.Errors > 0 ? 1 : 0;
    }
}
