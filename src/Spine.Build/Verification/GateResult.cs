using System.Collections.Generic;
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
    /// What running one gate gave: PASS/FAIL/SKIP, why (in the seed's words), how long, the script's exit code and
    /// captured output, the gate's registry entry (for located errors), and in parity mode both sides' verdicts.
    /// </summary>
    public sealed record GateResult(string GateId, GateOutcome Outcome, string Detail, double Seconds, int? ExitCode, string Output, SourceSpan? Span)
    {
        /// <summary>Parity mode: the compiled rule's and the script's verdicts, when the gate has both.</summary>
        public ParityResult? Parity { get; init; }

        /// <summary>The seed's line: <c>D67 PASS</c>, <c>D1 SKIP inline-only</c>, <c>D3 FAIL (rc=1)</c>.</summary>
        public override string ToString() => Detail.Length == 0 ? $"{GateId} {Word}" : $"{GateId} {Word} {Detail}";

        public string Word => Words.Of(Outcome);
    }

    /// <summary>
    /// A gate judged twice (GitHub Scientist's idea: run the old and the new path, compare, publish mismatches): by
    /// Spine's compiled rule and by the gate's own check_script, with the items each side named (capabilities, map
    /// entries), where the gate names items.
    /// </summary>
    public sealed record ParityResult(
        string RuleId,
        GateOutcome Compiled,
        IReadOnlyList<string> CompiledItems,
        GateOutcome Script,
        IReadOnlyList<string> ScriptItems,
        bool ComparesItems)
    {
        public bool Agree => Compiled == Script && (!ComparesItems || Same(CompiledItems, ScriptItems));

        /// <summary>Both sides in one sentence: <c>compiled SPINE137 FAIL (secrets.status); script FAIL (secrets.status, auth.login)</c>.</summary>
        public string Describe() => $"compiled {RuleId} {Words.Of(Compiled)}{Items(CompiledItems)}; script {Words.Of(Script)}{Items(ScriptItems)}";

        private static string Items(IReadOnlyList<string> items) => items.Count == 0 ? string.Empty : " (" + string.Join(", ", items) + ")";

        private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
            new HashSet<string>(a, System.StringComparer.Ordinal).SetEquals(b);
    }

    internal static class Words
    {
        public static string Of(GateOutcome outcome) => outcome switch
        {
            GateOutcome.Pass => "PASS",
            GateOutcome.Fail => "FAIL",
            _ => "SKIP",
        };
    }
}
