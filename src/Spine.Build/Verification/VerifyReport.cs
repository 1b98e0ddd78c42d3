using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Checking;
using Spine.Model.Policy;

namespace Spine.Build.Verification
{
    /// <summary>One verify run: which spine, what the check found (policy and baseline applied), what each gate gave.</summary>
    public sealed record VerifyReport(
        string Root,
        string Target,
        System.DateTime StartedUtc,
        double Seconds,
        CheckReport Check,
        IReadOnlyList<string> Files,
        GateSet? Gates,
        IReadOnlyList<GateResult> Results)
    {
        public ResolvedPolicy? Policy => Check.Policy;

        public bool WarnOnly => Policy?.DriftWarnOnly == true;

        public IReadOnlyList<Finding> Findings => Check.Findings;

        public int Failed => Results.Count(r => r.Outcome == GateOutcome.Fail);

        /// <summary>The gates' own findings: SPINE610 per failed gate (a warning under drift_gate_mode=warn), SPINE620 per parity disagreement.</summary>
        public IReadOnlyList<Finding> GateFindings()
        {
            var findings = new List<Finding>();
            foreach (var result in Results)
            {
                var span = result.Span ?? SourceSpan.FileStart(Model.Bindings.GateRegistry.Path);
                if (result.Outcome == GateOutcome.Fail)
                {
                    var output = result.Output.Trim();
                    var message = $"Gate {result.GateId} failed {result.Detail}".Trim() + (output.Length > 0 ? ": " + OneLine(output) : ".");
                    findings.Add(SeverityPolicy.Apply(RuleCatalog.GateFailed.At(span, message), Policy));
                }

                if (result.Parity is { Agree: false } parity)
                {
                    findings.Add(RuleCatalog.ParityMismatch.At(span, $"Gate {result.GateId}: the compiled rule and the check_script disagree: {parity.Describe()}. One of them moved on; align the rule's parameters or the script.").About(result.GateId));
                }
            }

            return findings;
        }

        private static string OneLine(string output)
        {
            var oneLine = output.Replace("\r", string.Empty).Replace('\n', ' ');
            return oneLine.Length <= 400 ? oneLine : oneLine.Substring(0, 400) + "…";
        }
    }
}
