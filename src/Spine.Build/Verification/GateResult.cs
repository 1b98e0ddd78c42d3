using Spine.Model;

namespace Spine.Build.Verification
{
    public enum GateOutcome
    {
        Pass,
        Fail,
        Skip,
    }

    /// <summary>
    /// What running one gate gave: PASS/FAIL/SKIP, why (in the seed's words), how long, the script's
    /// exit code and captured output, and the gate's registry entry (for located errors).
    /// </summary>
    public sealed record GateResult(string GateId, GateOutcome Outcome, string Detail, double Seconds, int? ExitCode, string Output, SourceSpan? Span)
    {
        /// <summary>The seed's line: <c>D67 PASS</c>, <c>D1 SKIP inline-only</c>, <c>D3 FAIL (rc=1)</c>.</summary>
        public override string ToString() => Detail.Length == 0 ? $"{GateId} {Word}" : $"{GateId} {Word} {Detail}";

        public string Word => Outcome switch
        {
            GateOutcome.Pass => "PASS",
            GateOutcome.Fail => "FAIL",
            _ => "SKIP",
        };
    }
}
