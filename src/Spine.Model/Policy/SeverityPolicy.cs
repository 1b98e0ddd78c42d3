using Spine.Model.Bindings;

namespace Spine.Model.Policy
{
    /// <summary>
    /// How the resolved policy changes a finding's severity, in every entry point alike: under
    /// <c>drift_gate_mode: warn</c> a drift error is a warning; a spine that cannot be read (SPINE001, SPINE004) or a
    /// policy that cannot be resolved (SPINE504) stays an error under every policy.
    /// </summary>
    public static class SeverityPolicy
    {
        public static bool AlwaysError(string ruleId) => ruleId is "SPINE001" or "SPINE004" or "SPINE504";

        public static Finding Apply(Finding finding, ResolvedPolicy? policy) =>
            policy?.DriftWarnOnly == true && finding.Severity == Severity.Error && !AlwaysError(finding.RuleId)
                ? finding.WithSeverity(Severity.Warning)
                : finding;

        /// <summary>
        /// The SPINE504 finding for a policy that cannot be resolved, or null when another finding already says it
        /// (the spine's own tenant profile naming an unknown preset is SPINE502 at that line).
        /// </summary>
        public static Finding? Problem(PolicyException problem, PolicySources sources, TenantProfile? spineTenant)
        {
            var fromEnvironment = !string.IsNullOrWhiteSpace(sources.EnvironmentPreset) || !string.IsNullOrWhiteSpace(sources.EnvironmentTenantPath);
            if (!fromEnvironment && spineTenant?.Preset is { } preset)
            {
                return null;
            }

            return RuleCatalog.PolicyUnresolved.At(SourceSpan.None, problem.Message);
        }
    }
}
