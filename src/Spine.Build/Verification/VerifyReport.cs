using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Policy;

namespace Spine.Build.Verification
{
    /// <summary>One verify run: which spine, under which policy, what was found and what each gate gave.</summary>
    public sealed record VerifyReport(
        string Root,
        string Target,
        DateTime StartedUtc,
        double Seconds,
        ResolvedPolicy? Policy,
        IReadOnlyList<string> Files,
        IReadOnlyList<Finding> Findings,
        GateSet? Gates,
        IReadOnlyList<GateResult> Results)
    {
        public bool WarnOnly => Policy?.DriftWarnOnly == true;

        public int Failed => Results.Count(r => r.Outcome == GateOutcome.Fail);
    }
}
