using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Rules;

namespace Spine.Model
{
    /// <summary>
    /// Runs every rule over a workspace and returns the loading findings plus the rules' findings in
    /// a deterministic order (file, line, column, rule id, message). A rule that throws becomes one
    /// SPINE000 finding; the others still run. The analyzer, the MSBuild task and the CLI all call this.
    /// </summary>
    public static class RuleEngine
    {
        public static IReadOnlyList<IRule> Rules { get; } = new IRule[]
        {
            new IdentifierCollisionRule(),
            new CapabilityEnumRule(),
            new CapabilityMapParityRule(),
            new CapabilityMetadataRule(),
            new SiteParityRule(),
            new NasBaselineRule(),
            new MaintenanceOrderRule(),
            new PrimaryDomainRule(),
            new UndefinedDomainRule(),
            new ReleaseSequenceRule(),
            new DependencyCycleRule(),
            new CoreGatesRule(),
            new DuplicateIdRule(),
            new GateCountRule(),
            new UndeclaredCategoryRule(),
            new MissingCheckScriptRule(),
            new UnknownSeverityRule(),
            new UnknownRequiresRule(),
            new UnknownProfileGateRule(),
            new UnknownProfileDomainRule(),
            new UnknownSshTargetRule(),
            new PresetKnobRule(),
            new UnknownTenantPresetRule(),
            new TenantOverrideRule(),
        };

        public static IReadOnlyList<Finding> Check(SpineWorkspace workspace)
        {
            var findings = new List<Finding>(workspace.LoadFindings);
            foreach (var rule in Rules.Where(r => InForce(r, workspace)))
            {
                findings.AddRange(Run(rule, workspace));
            }

            return Sort(findings);
        }

        /// <summary>
        /// A rule that enforces a spine gate (D67, D137…) holds only where that gate is in force: the
        /// registry lists it and has not retired it. An older snapshot without D138 is not judged by D138.
        /// Without a registry (reported as missing) every rule runs.
        /// </summary>
        public static bool InForce(IRule rule, SpineWorkspace workspace)
        {
            var gateId = rule.Descriptor.GateId;
            if (gateId is null || workspace.Registry is null)
            {
                return true;
            }

            var gate = workspace.Registry.Find(gateId);
            return gate != null && !gate.Retired;
        }

        public static IReadOnlyList<Finding> Sort(IEnumerable<Finding> findings) => findings
            .Distinct()
            .OrderBy(f => f.Span.File, StringComparer.Ordinal)
            .ThenBy(f => f.Span.Line)
            .ThenBy(f => f.Span.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();

        private static IReadOnlyList<Finding> Run(IRule rule, SpineWorkspace workspace)
        {
            try
            {
                return rule.Check(workspace).ToList();
            }
            catch (Exception ex)
            {
                return new[]
                {
                    RuleCatalog.InternalError.At(
                        SourceSpan.FileStart(Bindings.CapabilityRegistry.Path),
                        $"Rule {rule.Descriptor.Id} failed: {ex.GetType().Name}: {ex.Message}"),
                };
            }
        }
    }
}
