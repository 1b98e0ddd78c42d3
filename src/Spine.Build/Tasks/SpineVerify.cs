using System;
using System.Linq;
using System.Threading;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Spine.Build.Receipts;
using Spine.Build.Verification;
using Spine.Model;
using Spine.Model.Loading;

namespace Spine.Build.Tasks
{
    /// <summary>
    /// The build's drift gate for what the analyzer may not check: check scripts exist and are executable, './…'
    /// capability commands exist, path_triggers exist (warnings); with <see cref="Domain"/> (or <see cref="Core"/>)
    /// it also runs that gate set, in parity mode with <see cref="Parity"/>. Severities follow the policy and the
    /// baseline, as everywhere. Every run writes a JSON receipt and a SARIF log.
    /// </summary>
    public sealed class SpineVerify : Task, ICancelableTask
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        [Required]
        public string SpineRoot { get; set; } = string.Empty;

        /// <summary>A domain whose gates to run (verify.domain.run); empty: checks only.</summary>
        public string Domain { get; set; } = string.Empty;

        /// <summary>Run core_mode's gates (verify.core.run).</summary>
        public bool Core { get; set; }

        /// <summary>Run both the compiled rule and the check_script of each gate that has both, and warn where they disagree (SPINE620).</summary>
        public bool Parity { get; set; }

        public string ReceiptsDirectory { get; set; } = string.Empty;

        public int GateTimeoutSeconds { get; set; } = 300;

        /// <summary>Where what parsing gave (findings; modelled files' trees) is kept by content between builds (the CLI's syntax cache); empty: none.</summary>
        public string CacheDirectory { get; set; } = string.Empty;

        [Output]
        public string Receipt { get; set; } = string.Empty;

        /// <summary>What this build node already parsed: a reused node parses only the files that changed since.</summary>
        private static readonly BoundFileMemo Memo = new BoundFileMemo();

        public void Cancel() => _cancel.Cancel();

        public override bool Execute()
        {
            var cache = CacheDirectory.Length > 0 && !SyntaxCache.TurnedOff ? SyntaxCache.Open(CacheDirectory, SpineRoot) : null;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var workspace = SpineDirectory.Load(SpineRoot, cache, Memo);
            var loaded = watch.ElapsedMilliseconds;
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
            var options = new GateRunOptions(TimeSpan.FromSeconds(Math.Max(1, GateTimeoutSeconds)), Parity, _cancel.Token);
            var report = Verifier.Run(workspace, target, gates, options, reportRules: false);
            var verified = watch.ElapsedMilliseconds;

            foreach (var finding in report.Findings)
            {
                SpineTaskLog.Finding(Log, SpineRoot, finding);
            }

            if (report.Check.Baselined > 0)
            {
                Log.LogMessage(MessageImportance.High, $"Spine: {report.Check.Baselined} finding(s) baselined ({Model.Bindings.SpineBaseline.Path}).");
            }

            foreach (var result in report.Results)
            {
                Log.LogMessage(MessageImportance.High, "  " + result + (result.Parity is { } p ? $"  [parity: {p.Describe()}]" : string.Empty));
            }

            foreach (var finding in report.GateFindings())
            {
                SpineTaskLog.Finding(Log, SpineRoot, finding);
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

            Log.LogMessage(MessageImportance.Normal, $"Spine: {workspace.Files.Count} files loaded in {loaded} ms, verified in {verified - loaded} ms, receipts in {watch.ElapsedMilliseconds - verified} ms.");

            return !Log.HasLoggedErrors;
        }
    }
}
