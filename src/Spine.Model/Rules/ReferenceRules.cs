using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>SPINE401: every <c>requires</c> entry names a capability.</summary>
    internal sealed class UnknownRequiresRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UnknownRequires;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Capabilities is not { } registry)
            {
                yield break;
            }

            var names = Names.Set(registry.Capabilities.Select(c => c.Name));
            foreach (var capability in registry.Capabilities)
            {
                foreach (var required in capability.Requires.Where(r => !names.Contains(r.Value)))
                {
                    yield return Descriptor.At(required.Span, $"Capability '{capability.Name.Value}' requires '{required.Value}', which is not a capability.{Names.Hint(required.Value, names)}");
                }
            }
        }
    }

    /// <summary>SPINE402: domain and agent profiles name gates of the registry.</summary>
    internal sealed class UnknownProfileGateRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UnknownProfileGate;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Registry is not { } registry)
            {
                yield break;
            }

            var ids = Names.Set(registry.Gates.Select(g => g.Id));
            var references = (workspace.DomainProfiles?.Domains ?? EquatableArray<DomainProfile>.Empty)
                .SelectMany(p => p.GateIds.Select(g => (Gate: g, Owner: $"Domain profile '{p.Id.Value}'")))
                .Concat((workspace.AgentProfiles?.Profiles ?? EquatableArray<AgentProfile>.Empty)
                    .SelectMany(p => p.GateIds.Select(g => (Gate: g, Owner: $"Agent profile '{p.AgentId?.Value}'"))));
            foreach (var (gate, owner) in references)
            {
                if (!ids.Contains(gate.Value))
                {
                    yield return Descriptor.At(gate.Span, $"{owner} names gate '{gate.Value}', which the registry does not hold.{Names.Hint(gate.Value, ids)}");
                }
            }
        }
    }

    /// <summary>SPINE403: agent profiles name defined domains (topology domains, domain profiles, or their aliases).</summary>
    internal sealed class UnknownProfileDomainRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UnknownProfileDomain;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.AgentProfiles is not { } agents || (workspace.Topology is null && workspace.DomainProfiles is null))
            {
                yield break;
            }

            var defined = Names.Set(
                (workspace.Topology?.Domains.Select(d => d.Id.Value) ?? Enumerable.Empty<string>())
                .Concat(workspace.DomainProfiles?.Domains.Select(d => d.Id.Value) ?? Enumerable.Empty<string>()));
            var aliases = DomainAliases.For(workspace.Topology);
            foreach (var profile in agents.Profiles)
            {
                foreach (var domain in profile.Domains.Where(d => !defined.Contains(aliases.Resolve(d.Value))))
                {
                    yield return Descriptor.At(domain.Span, $"Agent profile '{profile.AgentId?.Value}' names domain '{domain.Value}', which is not defined.{Names.Hint(domain.Value, defined)}");
                }
            }
        }
    }

    /// <summary>
    /// SPINE404: SSH target ids used elsewhere exist: sequencing phase hosts, compose targets'
    /// <c>ssh_target</c>, targets' <c>probe_via</c>. A disabled compose target only warns: nothing will connect through it.
    /// </summary>
    internal sealed class UnknownSshTargetRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UnknownSshTarget;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.SshTargets is not { } ssh)
            {
                yield break;
            }

            var ids = Names.Set(ssh.Targets.Select(t => t.Id));
            Finding? Unknown(Located<string>? reference, string owner, Severity severity) =>
                reference is { } r && !ids.Contains(r.Value)
                    ? Descriptor.At(severity, r.Span, $"{owner} names SSH target '{r.Value}', which {SshTargets.Path} does not declare.{Names.Hint(r.Value, ids)}")
                    : null;

            var findings = new List<Finding?>();
            foreach (var phase in workspace.Sequencing?.Phases ?? EquatableArray<Phase>.Empty)
            {
                findings.AddRange(phase.Hosts.Select(h => Unknown(h.Target, $"Phase {phase.Number?.Value}", Descriptor.DefaultSeverity)));
            }

            foreach (var target in workspace.ComposeTargets?.Targets ?? EquatableArray<ComposeTarget>.Empty)
            {
                var severity = target.Enabled ? Descriptor.DefaultSeverity : Severity.Warning;
                findings.Add(Unknown(target.SshTarget, $"{(target.Enabled ? "Compose" : "Disabled compose")} target '{target.Id.Value}'", severity));
            }

            findings.AddRange(ssh.Targets.Select(t => Unknown(t.ProbeVia, $"SSH target '{t.Id.Value}' probe_via", Descriptor.DefaultSeverity)));
            foreach (var finding in findings)
            {
                if (finding != null)
                {
                    yield return finding;
                }
            }
        }
    }
}
