using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>SPINE201: every active gate has a topology assignment with a primary domain (switch: require_primary_domain_for_all_active_gates).</summary>
    internal sealed class PrimaryDomainRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.PrimaryDomain;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Topology is not { } topology || workspace.Registry is not { } registry)
            {
                yield break;
            }

            var gateIds = Names.Set(registry.Gates.Select(g => g.Id));
            foreach (var assignment in topology.Assignments.Where(a => !gateIds.Contains(a.GateId.Value)))
            {
                yield return Descriptor.At(assignment.Span, $"Gate assignment names gate '{assignment.GateId.Value}', which the registry does not hold.{Names.Hint(assignment.GateId.Value, gateIds)}");
            }

            if (!topology.Rules.RequirePrimaryDomainForAllActiveGates)
            {
                yield break;
            }

            var assigned = topology.Assignments.GroupBy(a => a.GateId.Value).ToDictionary(g => g.Key, g => g.First());
            foreach (var gate in registry.Gates.Where(g => g.IsActive && g.Id.Value.Length > 0))
            {
                if (!assigned.TryGetValue(gate.Id.Value, out var assignment))
                {
                    yield return Descriptor.At(gate.Span, $"Active gate {gate.Id.Value} has no gate_assignments entry in {GateTopology.Path}.");
                }
                else if (string.IsNullOrWhiteSpace(assignment.PrimaryDomain?.Value))
                {
                    yield return Descriptor.At(assignment.Span, $"Gate {gate.Id.Value} has no primary_domain.");
                }
            }
        }
    }

    /// <summary>SPINE202: every domain the topology and the domain profiles name is defined (switch: reject_undefined_domain_refs).</summary>
    internal sealed class UndefinedDomainRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UndefinedDomain;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Topology is not { } topology || !topology.Rules.RejectUndefinedDomainRefs)
            {
                yield break;
            }

            var defined = Names.Set(topology.Domains.Select(d => d.Id));
            IEnumerable<(Located<string> Ref, string Where)> References()
            {
                foreach (var a in topology.Assignments)
                {
                    if (a.PrimaryDomain is { } p)
                    {
                        yield return (p, $"primary_domain of gate {a.GateId.Value}");
                    }

                    foreach (var s in a.SecondaryDomains)
                    {
                        yield return (s, $"secondary_domains of gate {a.GateId.Value}");
                    }
                }

                foreach (var d in topology.Domains)
                {
                    foreach (var dep in d.DependsOn)
                    {
                        yield return (dep, $"depends_on of domain '{d.Id.Value}'");
                    }
                }

                foreach (var r in topology.ReleaseSequence)
                {
                    yield return (r, "release_sequence");
                }

                foreach (var alias in topology.Aliases)
                {
                    if (alias.Domain is { } target)
                    {
                        yield return (target, $"domain alias '{alias.Alias.Value}'");
                    }
                }

                foreach (var profile in workspace.DomainProfiles?.Domains ?? EquatableArray<DomainProfile>.Empty)
                {
                    yield return (profile.Id, "a domain profile");
                }
            }

            var aliases = DomainAliases.For(topology);
            foreach (var (reference, where) in References().Where(r => r.Ref.Value.Length > 0))
            {
                if (!defined.Contains(reference.Value) && !(where == "a domain profile" && defined.Contains(aliases.Resolve(reference.Value))))
                {
                    yield return Descriptor.At(reference.Span, $"Domain '{reference.Value}' ({where}) is not defined in domain_metadata.{Names.Hint(reference.Value, defined)}");
                }
            }
        }
    }

    /// <summary>SPINE203: release_sequence names every domain exactly once, each after its dependencies (switch: require_release_sequence_coverage).</summary>
    internal sealed class ReleaseSequenceRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.ReleaseSequence;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Topology is not { } topology || !topology.Rules.RequireReleaseSequenceCoverage)
            {
                yield break;
            }

            var position = new Dictionary<string, int>();
            for (var i = 0; i < topology.ReleaseSequence.Count; i++)
            {
                var entry = topology.ReleaseSequence[i];
                if (position.ContainsKey(entry.Value))
                {
                    yield return Descriptor.At(entry.Span, $"release_sequence names domain '{entry.Value}' twice.");
                }
                else
                {
                    position.Add(entry.Value, i);
                }
            }

            foreach (var domain in topology.Domains)
            {
                if (!position.TryGetValue(domain.Id.Value, out var at))
                {
                    yield return Descriptor.At(topology.ReleaseSequenceKey ?? domain.Span, $"Domain '{domain.Id.Value}' is missing from release_sequence.");
                    continue;
                }

                foreach (var dep in domain.DependsOn)
                {
                    if (position.TryGetValue(dep.Value, out var depAt) && depAt > at)
                    {
                        yield return Descriptor.At(
                            topology.ReleaseSequence[at].Span,
                            $"Domain '{domain.Id.Value}' is released before '{dep.Value}', which it depends on.");
                    }
                }
            }
        }
    }

    /// <summary>SPINE204: the domains' depends_on form no cycle; each cycle is reported once with all its members.</summary>
    internal sealed class DependencyCycleRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.DependencyCycle;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Topology is not { } topology)
            {
                yield break;
            }

            var byId = topology.Domains.GroupBy(d => d.Id.Value).ToDictionary(g => g.Key, g => g.First());
            foreach (var component in StronglyConnected(byId))
            {
                var members = component.OrderBy(m => byId[m].Span.Line).ToList();
                var first = byId[members[0]];
                if (members.Count == 1 && !first.DependsOn.Any(d => d.Value == members[0]))
                {
                    continue;
                }

                yield return Descriptor.At(
                    first.Span,
                    $"Domain dependency cycle: {string.Join(" → ", members.Concat(new[] { members[0] }))}.",
                    members.Skip(1).Select(m => byId[m].Span).ToArray());
            }
        }

        /// <summary>Tarjan's algorithm over depends_on edges between defined domains.</summary>
        private static List<List<string>> StronglyConnected(Dictionary<string, DomainMetadata> byId)
        {
            var index = new Dictionary<string, int>();
            var low = new Dictionary<string, int>();
            var stack = new Stack<string>();
            var onStack = new HashSet<string>();
            var result = new List<List<string>>();
            var counter = 0;

            void Visit(string v)
            {
                index[v] = low[v] = counter++;
                stack.Push(v);
                onStack.Add(v);
                foreach (var w in byId[v].DependsOn.Select(d => d.Value).Where(byId.ContainsKey))
                {
                    if (!index.ContainsKey(w))
                    {
                        Visit(w);
                        low[v] = System.Math.Min(low[v], low[w]);
                    }
                    else if (onStack.Contains(w))
                    {
                        low[v] = System.Math.Min(low[v], index[w]);
                    }
                }

                if (low[v] == index[v])
                {
                    var component = new List<string>();
                    string w;
                    do
                    {
                        w = stack.Pop();
                        onStack.Remove(w);
                        component.Add(w);
                    }
                    while (w != v);
                    result.Add(component);
                }
            }

            foreach (var v in byId.Keys.OrderBy(k => k, System.StringComparer.Ordinal))
            {
                if (!index.ContainsKey(v))
                {
                    Visit(v);
                }
            }

            return result;
        }
    }

    /// <summary>SPINE205: core_gate_ids exist, are active and do not exceed core_count_limit.</summary>
    internal sealed class CoreGatesRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.CoreGates;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Topology?.CoreMode is not { } core)
            {
                yield break;
            }

            if (workspace.Registry is { } registry)
            {
                foreach (var id in core.CoreGateIds)
                {
                    var gate = registry.Find(id.Value);
                    if (gate is null)
                    {
                        yield return Descriptor.At(id.Span, $"Core gate '{id.Value}' is not in the gate registry.");
                    }
                    else if (gate.Retired)
                    {
                        yield return Descriptor.At(id.Span, $"Core gate '{id.Value}' is retired.");
                    }
                }
            }

            if (core.CoreCountLimit is { } limit && core.CoreGateIds.Count > limit.Value)
            {
                yield return Descriptor.At(limit.Span, $"core_gate_ids holds {core.CoreGateIds.Count} gates; core_count_limit is {limit.Value}.");
            }
        }
    }
}
