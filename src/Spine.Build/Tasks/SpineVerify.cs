using System;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Spine.Build.Receipts;
using Spine.Build.Verification;
using Spine.Model;
using Spine.Model.Loading;

namespace Spine.Build.Tasks
{
    /// <summary>
    /// The build's drift gate for what the analyzer may not check: check scripts exist and are
    /// executable, './…' capability commands exist, path_triggers exist (warnings); with
    /// <see cref="Domain"/> (or <see cref="Core"/>) it also runs that gate set. Failures are errors,
    /// warnings under drift_gate_mode=warn. Every run writes a JSON receipt and a SARIF log.
    /// </summary>
    public sealed class SpineVerify : Task
    {
        [Required]
        public string SpineRoot { get; set; } = string.Empty;

        /// <summary>A domain whose gates to run (verify.domain.run); empty: checks only.</summary>
        public string Domain { get; set; } = string.Empty;

        /// <summary>Run core_mode's gates (verify.core.run).</summary>
        public bool Core { get; set; }

        public string ReceiptsDirectory { get; set; } = string.Empty;

        public int GateTimeoutSeconds { get; set; } = 300;

        [Output]
        public string Receipt { get; set; } = string.Empty;

        public override bool Execute()
        {
            var workspace = SpineDirectory.Load(SpineRoot);
            GateSet? gates = null;
            if (Domain.Length > 0)
            {
                if (!DomainRouting.IsKnown(workspace, Domain))
                {
                    Log.LogError(null, RuleCatalog.GateFailed.Id, null, SpineRoot, 0, 0, 0, 0, $"Unknown domain '{Domain}': neither the topology nor the domain profiles define it.");
                    return false;
                }

                gates = DomainRouting.Resolve(workspace, Domain);
            }
            else if (Core)
            {
                gates = DomainRouting.Core(workspace);
            }

            var target = gates is null ? "build" : Domain.Length > 0 ? "domain " + Domain : "core";
            var report = Verifier.Run(workspace, target, gates, TimeSpan.FromSeconds(GateTimeoutSeconds));
            var warnOnly = report.WarnOnly;

            foreach (var finding in report.Findings.Where(f => f.RuleId.StartsWith("SPINE6", StringComparison.Ordinal)))
            {
                SpineTaskLog.Finding(Log, SpineRoot, finding, warnOnly);
            }

            foreach (var result in report.Results)
            {
                Log.LogMessage(MessageImportance.High, "  " + result);
                if (result.Outcome == GateOutcome.Fail)
                {
                    var span = result.Span ?? SourceSpan.FileStart(Model.Bindings.GateRegistry.Path);
                    var output = result.Output.Trim();
                    var message = $"Gate {result.GateId} failed {result.Detail}".Trim() + (output.Length > 0 ? ": " + Truncate(output) : ".");
                    SpineTaskLog.Finding(Log, SpineRoot, RuleCatalog.GateFailed.At(span, message), warnOnly);
                }
            }

            if (gates != null)
            {
                Log.LogMessage(MessageImportance.High, $"Spine verify {target}: pass={report.Results.Count(r => r.Outcome == GateOutcome.Pass)} fail={report.Failed} skip={report.Results.Count(r => r.Outcome == GateOutcome.Skip)}");
            }

            if (ReceiptsDirectory.Length > 0)
            {
                var baseName = "spine.verify." + (Domain.Length > 0 ? Domain : Core ? "core" : "build");
                Receipt = ReceiptWriter.Write(report, ReceiptsDirectory, baseName).Receipt;
            }

            return !Log.HasLoggedErrors;
        }

        private static string Truncate(string output)
        {
            var oneLine = output.Replace("\r", string.Empty).Replace('\n', ' ');
            return oneLine.Length <= 400 ? oneLine : oneLine.Substring(0, 400) + "…";
        }
    }
}
