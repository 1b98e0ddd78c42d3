using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE140 (Spine's own, no gate): what the maintenance runtime relies on beyond D138. Phase numbers are
    /// present, unique and ascending. Where the per-site VM lifecycle form is present, every known site has one,
    /// each names a <c>host_id</c> that is an SSH target, and each order is a permutation of the active ids
    /// without destroyed or template ids; a phase's <c>vm_ids</c> belong to its site. A declared cross-site order
    /// names every site exactly once.
    /// </summary>
    internal sealed class MaintenanceOrderRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.MaintenanceOrder;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Sequencing is not { } seq)
            {
                return Enumerable.Empty<Finding>();
            }

            var findings = new List<Finding>();
            var sites = seq.KnownSites;
            var known = Names.Set(sites);
            CheckPhases(seq, findings);
            CheckLifecycles(seq, known, sites, workspace.SshTargets, findings);
            CheckCrossSite(seq, known, sites, findings);
            return findings;
        }

        private void CheckPhases(StartupSequencing seq, List<Finding> findings)
        {
            var numbers = new Dictionary<int, SourceSpan>();
            int? previous = null;
            foreach (var phase in seq.Phases)
            {
                if (phase.Number is not { } number)
                {
                    findings.Add(Descriptor.At(phase.Span, "A phase has no 'phase' number."));
                    continue;
                }

                if (numbers.TryGetValue(number.Value, out var first))
                {
                    findings.Add(Descriptor.At(number.Span, $"Phase number {number.Value} is used twice (first at line {first.Line}).", first));
                }
                else
                {
                    numbers.Add(number.Value, number.Span);
                    if (previous is { } p && number.Value < p)
                    {
                        findings.Add(Descriptor.At(number.Span, $"Phase {number.Value} comes after phase {p}; phases must be in ascending order."));
                    }
                }

                previous = previous is { } q && q > number.Value ? q : number.Value;
                var lifecycle = phase.Site is { } s ? seq.Lifecycle(s.Value) : null;
                if (lifecycle is null)
                {
                    continue;
                }

                var active = new HashSet<int>(lifecycle.ActiveVmIds.Select(v => v.Value));
                foreach (var vm in phase.Hosts.SelectMany(h => h.VmIds).Where(v => !active.Contains(v.Value)))
                {
                    findings.Add(Descriptor.At(vm.Span, $"Phase {number.Value} starts VM {vm.Value}, which is not an active VM of site '{lifecycle.Site.Value}'."));
                }
            }
        }

        private void CheckLifecycles(StartupSequencing seq, HashSet<string> known, IReadOnlyList<string> sites, SshTargets? ssh, List<Finding> findings)
        {
            if (seq.Lifecycles.IsEmpty)
            {
                return;
            }

            foreach (var site in sites.Where(s => seq.Lifecycle(s) is null))
            {
                findings.Add(Descriptor.At(seq.Lifecycles[0].Span, $"Site '{site}' has no '{site}_vm_lifecycle' while other sites do; every site needs its VM orders."));
            }

            foreach (var lifecycle in seq.Lifecycles)
            {
                var site = lifecycle.Site.Value;
                if (!known.Contains(site))
                {
                    findings.Add(Descriptor.At(lifecycle.Span, $"'{site}_vm_lifecycle' is for site '{site}', which is not a known site ({Names.List(known)})."));
                }

                if (lifecycle.HostId is not { } host)
                {
                    findings.Add(Descriptor.At(lifecycle.Span, $"'{site}_vm_lifecycle' names no 'host_id'."));
                }
                else if (ssh != null && ssh.Find(host.Value) is null)
                {
                    findings.Add(Descriptor.At(host.Span, $"'{site}_vm_lifecycle' host_id '{host.Value}' is not an SSH target.{Names.Hint(host.Value, ssh.Targets.Select(t => t.Id.Value))}"));
                }

                CheckOrder(lifecycle, "startup_order", lifecycle.StartupOrder, findings);
                CheckOrder(lifecycle, "shutdown_order", lifecycle.ShutdownOrder, findings);
            }
        }

        private void CheckOrder(SiteVmLifecycle lifecycle, string name, EquatableArray<Located<int>> order, List<Finding> findings)
        {
            var site = lifecycle.Site.Value;
            var active = new HashSet<int>(lifecycle.ActiveVmIds.Select(v => v.Value));
            var destroyed = new HashSet<int>(lifecycle.DestroyedVmIds.Select(v => v.Value));
            var templates = new HashSet<int>(lifecycle.TemplateVmIds.Select(v => v.Value));
            var seen = new Dictionary<int, SourceSpan>();
            foreach (var vm in order)
            {
                if (seen.TryGetValue(vm.Value, out var first))
                {
                    findings.Add(Descriptor.At(vm.Span, $"VM {vm.Value} appears twice in {site} {name} (first at line {first.Line}).", first));
                    continue;
                }

                seen.Add(vm.Value, vm.Span);
                if (destroyed.Contains(vm.Value))
                {
                    findings.Add(Descriptor.At(vm.Span, $"VM {vm.Value} in {site} {name} is destroyed."));
                }
                else if (templates.Contains(vm.Value))
                {
                    findings.Add(Descriptor.At(vm.Span, $"VM {vm.Value} in {site} {name} is a template; templates are never started or stopped."));
                }
                else if (!active.Contains(vm.Value))
                {
                    findings.Add(Descriptor.At(vm.Span, $"VM {vm.Value} in {site} {name} is not in active_vm_ids."));
                }
            }

            var missing = lifecycle.ActiveVmIds.Where(v => !seen.ContainsKey(v.Value)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(Descriptor.At(
                    lifecycle.Span,
                    $"{site} {name} leaves out active VM(s) {string.Join(", ", missing.Select(m => m.Value))}; it must be a permutation of active_vm_ids.",
                    missing.Select(m => m.Span).ToArray()));
            }
        }

        private void CheckCrossSite(StartupSequencing seq, HashSet<string> known, IReadOnlyList<string> sites, List<Finding> findings)
        {
            if (seq.CrossSiteOrder is not { } order)
            {
                return;
            }

            foreach (var (name, list) in new[] { ("shutdown", order.Shutdown), ("startup", order.Startup) })
            {
                var seen = new HashSet<string>();
                foreach (var site in list)
                {
                    if (!known.Contains(site.Value))
                    {
                        findings.Add(Descriptor.At(site.Span, $"cross_site_order.{name} names '{site.Value}', which is not a known site ({Names.List(known)})."));
                    }
                    else if (!seen.Add(site.Value))
                    {
                        findings.Add(Descriptor.At(site.Span, $"cross_site_order.{name} names site '{site.Value}' twice."));
                    }
                }

                var missing = sites.Where(s => !seen.Contains(s)).ToList();
                if (missing.Count > 0)
                {
                    findings.Add(Descriptor.At(order.Span, $"cross_site_order.{name} leaves out site(s) {Names.List(missing)}; it must name every site exactly once."));
                }
            }
        }
    }
}
