using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Spine.Model;

namespace Spine.Generators
{
    /// <summary>
    /// Every diagnostic Spine reports in the compiler, made from <c>Spine.Model.RuleCatalog</c> (one list of rules
    /// for the analyzer, the build task and the CLI). The message is the rule's finding text; the help link is the
    /// rule's page under the project's <c>SpineDocsBaseUrl</c> (docs/diagnostics/SPINE###.md in this repository).
    /// Diagnostics that can only be reported once the whole compilation is seen carry the CompilationEnd tag.
    /// </summary>
    internal static class SpineDiagnostics
    {
        /// <summary>Reported at compilation end: they concern no additional file (a missing binding, the environment's policy, a failure).</summary>
        private static readonly HashSet<string> CompilationEnd = new HashSet<string> { "SPINE000", "SPINE004", "SPINE009", "SPINE504" };

        private static readonly object Gate = new object();
        private static readonly Dictionary<string, Dictionary<string, DiagnosticDescriptor>> ByBaseUrl = new Dictionary<string, Dictionary<string, DiagnosticDescriptor>>();

        /// <summary>The supported descriptors, with the default help links.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = For(SpineAdditionalFiles.DefaultDocsBaseUrl).Values.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToImmutableArray();

        /// <summary>The descriptors whose help links point under <paramref name="baseUrl"/> (same ids, titles and severities).</summary>
        public static IReadOnlyDictionary<string, DiagnosticDescriptor> For(string baseUrl)
        {
            lock (Gate)
            {
                if (!ByBaseUrl.TryGetValue(baseUrl, out var descriptors))
                {
                    descriptors = RuleCatalog.All.ToDictionary(r => r.Id, r => Create(r, baseUrl));
                    ByBaseUrl[baseUrl] = descriptors;
                }

                return descriptors;
            }
        }

        public static DiagnosticDescriptor Create(RuleDescriptor rule, string baseUrl) => new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            "{0}",
            rule.Family,
            ToRoslyn(rule.DefaultSeverity),
            isEnabledByDefault: true,
            description: rule.Summary,
            helpLinkUri: baseUrl + rule.Id + ".md",
            customTags: CompilationEnd.Contains(rule.Id) ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());

        public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
        {
            Severity.Error => DiagnosticSeverity.Error,
            Severity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
    }
}
