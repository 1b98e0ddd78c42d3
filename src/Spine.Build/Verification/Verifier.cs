using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Spine.Model;
using Spine.Model.Policy;

namespace Spine.Build.Verification
{
    /// <summary>
    /// The shared verify pipeline of the CLI and the MSBuild task: load the spine, run the rules and
    /// the file-system checks, resolve the policy, resolve and run a gate set.
    /// </summary>
    public static class Verifier
    {
        /// <summary>Runs <paramref name="gates"/> (null: no gate run, checks only) over a loaded spine.</summary>
        public static VerifyReport Run(SpineWorkspace workspace, string target, GateSet? gates, TimeSpan gateTimeout, Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
        {
            var started = DateTime.UtcNow;
            var watch = Stopwatch.StartNew();
            var ruleFindings = RuleEngine.Check(workspace);
            var fileFindings = FileSystemChecks.Run(workspace);
            ResolvedPolicy? policy = null;
            try
            {
                policy = PolicyEnvironment.Resolve(workspace, environment);
            }
            catch (PolicyException)
            {
                // The caller reports the policy problem; verification still describes the spine.
            }

            var results = gates is null
                ? (IReadOnlyList<GateResult>)Array.Empty<GateResult>()
                : GateRunner.Run(workspace, gates.Gates, ruleFindings, gateTimeout, cancellationToken);
            return new VerifyReport(workspace.Root, target, started, watch.Elapsed.TotalSeconds, policy, workspace.Files, RuleEngine.Sort(ruleFindings.Concat(fileFindings)), gates, results);
        }
    }
}
