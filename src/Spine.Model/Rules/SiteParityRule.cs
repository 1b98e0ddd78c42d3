using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE138 (D138, script <c>d138-site-parity-maintenance-order.sh</c> at 0d71a402): startup sequencing
    /// declares version 2 or later; it has phases; every phase has a <c>site</c> tag naming a known site; every
    /// known site has at least one phase. The known sites come from the data (<c>sites:</c>), else the script's
    /// shop and home. The order checks beyond the script are SPINE140's.
    /// </summary>
    internal sealed class SiteParityRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.SiteParity;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Sequencing is not { } seq)
            {
                yield break;
            }

            var sites = seq.KnownSites;
            var known = Names.Set(sites);
            if (seq.Version is not { } version)
            {
                yield return Descriptor.At(seq.Span, "Startup sequencing declares no 'version' (expected 2 or later, with site-tagged phases).");
            }
            else if (version.Value < 2)
            {
                yield return Descriptor.At(version.Span, $"Startup sequencing version {version.Value} predates site tags; expected 2 or later.");
            }

            if (seq.Phases.IsEmpty)
            {
                yield return Descriptor.At(seq.PhasesKey ?? seq.Span, "Startup sequencing has no phases.");
                yield break;
            }

            var represented = new HashSet<string>();
            foreach (var phase in seq.Phases)
            {
                var label = phase.Number is { } n ? $"Phase {n.Value}" : "A phase";
                if (phase.Site is not { } site)
                {
                    yield return Descriptor.At(phase.Span, $"{label} is missing its 'site' tag (one of {Names.List(known)}).");
                }
                else if (!known.Contains(site.Value))
                {
                    yield return Descriptor.At(site.Span, $"{label} has site '{site.Value}', which is not a known site ({Names.List(known)}).{Names.Hint(site.Value, known)}");
                }
                else
                {
                    represented.Add(site.Value);
                }
            }

            foreach (var missing in sites.Where(s => !represented.Contains(s)))
            {
                yield return Descriptor.At(seq.PhasesKey ?? seq.Span, $"No phase is tagged with site '{missing}'; every site needs at least one phase.");
            }
        }
    }
}
