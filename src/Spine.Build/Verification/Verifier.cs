using System;
using System.Diagnostics;
using System.Linq;
using Spine.Model;
using Spine.Model.Checking;
using Spine.Model.Loading;
using Spine.Model.Policy;

namespace Spine.Build.Verification
{
    /// <summary>
    /// The shared verify pipeline of the CLI and the MSBuild task: the check (rules, file-system checks, policy,
    /// baseline) and, when asked, a gate set run.
    /// </summary>
    public static class Verifier
    {
        /// <summary>Runs <paramref name="gates"/> (null: no gate run, checks only) over a loaded spine.</summary>
        /// <param name="reportRules">False in the build, where the analyzer reports the rules' findings.</param>
        public static VerifyReport Run(SpineWorkspace workspace, string target, GateSet? gates, GateRunOptions options, bool reportRules = true, Func<string, string?>? environment = null)
        {
            var started = DateTime.UtcNow;
            var watch = Stopwatch.StartNew();
            var fileSystem = FileSystemChecks.Run(workspace);
            var scope = reportRules ? CheckScope.RulesAnd(fileSystem) : CheckScope.FileSystemOnly(fileSystem);
            var check = SpineCheck.Run(workspace, PolicyEnvironment.Sources(workspace, environment), SpineDirectory.Documents(workspace.Root), scope);
            var results = gates is null
                ? Array.Empty<GateResult>()
                : GateRunner.Run(workspace, gates.Gates, check, options).ToArray();
            return new VerifyReport(workspace.Root, target, started, watch.Elapsed.TotalSeconds, check, workspace.Files, gates, results);
        }
    }
}
