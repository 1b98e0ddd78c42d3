using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Spine.Model;

namespace Spine.Build.Verification
{
    /// <summary>
    /// Runs a resolved gate set as the seed's verify-topology does: a gate missing from the registry
    /// fails; retired → SKIP; inline → SKIP; a gate enforced by a Spine rule (enforced_by) → that rule's
    /// result over the workspace; otherwise its check_script runs (missing or not executable → FAIL).
    /// </summary>
    public static class GateRunner
    {
        public static IReadOnlyList<GateResult> Run(SpineWorkspace workspace, IEnumerable<string> gateIds, IReadOnlyList<Finding> ruleFindings, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            var results = new List<GateResult>();
            foreach (var id in gateIds)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                results.Add(RunOne(workspace, id, ruleFindings, timeout, cancellationToken));
            }

            return results;
        }

        private static GateResult RunOne(SpineWorkspace workspace, string id, IReadOnlyList<Finding> ruleFindings, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var gate = workspace.Registry?.Find(id);
            if (gate is null)
            {
                return new GateResult(id, GateOutcome.Fail, "not in the gate registry", 0, null, string.Empty, null);
            }

            if (gate.Retired)
            {
                return new GateResult(id, GateOutcome.Skip, "retired", 0, null, string.Empty, gate.Span);
            }

            if (gate.Inline)
            {
                return new GateResult(id, GateOutcome.Skip, "inline-only", 0, null, string.Empty, gate.Span);
            }

            if (gate.EnforcedBy is { } rule)
            {
                var failures = ruleFindings.Where(f => f.RuleId == rule.Value && f.Severity == Severity.Error).ToList();
                var output = string.Join(Environment.NewLine, failures.Select(f => f.ToString()));
                return failures.Count == 0
                    ? new GateResult(id, GateOutcome.Pass, $"(compiled: {rule.Value})", 0, null, string.Empty, gate.Span)
                    : new GateResult(id, GateOutcome.Fail, $"(compiled: {rule.Value}, {failures.Count} finding(s))", 0, null, output, gate.Span);
            }

            if (gate.CheckScript is not { } script || script.Value.Length == 0)
            {
                return new GateResult(id, GateOutcome.Fail, "missing check_script", 0, null, string.Empty, gate.Span);
            }

            var path = SpinePaths.Under(workspace.Root, script.Value);
            if (path is null)
            {
                return new GateResult(id, GateOutcome.Fail, $"check_script '{script.Value}' is outside the spine root; refusing to run it", 0, null, string.Empty, script.Span);
            }

            if (!Executable.Check(path))
            {
                return new GateResult(id, GateOutcome.Fail, $"missing/non-executable script: {script.Value}", 0, null, string.Empty, script.Span);
            }

            var watch = Stopwatch.StartNew();
            var (exitCode, captured, timedOut) = ScriptProcess.Run(workspace.Root, path, timeout, cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            if (timedOut)
            {
                return new GateResult(id, GateOutcome.Fail, $"(timeout after {timeout.TotalSeconds:0}s)", seconds, exitCode, captured, gate.Span);
            }

            return exitCode == 0
                ? new GateResult(id, GateOutcome.Pass, string.Empty, seconds, 0, captured, gate.Span)
                : new GateResult(id, GateOutcome.Fail, $"(rc={exitCode})", seconds, exitCode, captured, gate.Span);
        }
    }
}
