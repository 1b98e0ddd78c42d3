using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Bindings;

namespace Spine.Generators
{
    /// <summary>Builds the emitters' specs from a workspace, and finds the names that would collide as C# identifiers.</summary>
    internal static class GeneratorModel
    {
        // The members and the name of each generated class: YAML names must not take them.
        private static readonly string[] CapabilityReserved = { "SpineCapabilities", "All", "Find" };
        private static readonly string[] GateReserved = { "SpineGates", "All", "Find" };
        private static readonly string[] DomainReserved = { "SpineDomains", "All", "Find", "CoreGateIds", "CoreCountLimit" };
        private static readonly string[] SiteReserved = { "SpineMaintenance", "Sites", "Find", "Phases", "CrossSiteShutdown", "CrossSiteStartup", "OobGuardSites", "OobGuardTimeoutSec", "OobGuardEndpoints", "ComposeStacks" };
        private static readonly string[] SshReserved = { "SpineSshTargets", "All", "Find", "DefaultIdentityFile", "DefaultKnownHostsFile" };
        private static readonly string[] KnobReserved = { "SpineKnobs", "From", "Get", "Fail", "Names" };
        private static readonly string[] PresetReserved = { "SpinePolicy", "All", "Find", "TenantId", "TenantPreset", "TenantOverrides" };

        public static CapabilitiesSpec? Capabilities(SpineWorkspace ws)
        {
            if (ws.Capabilities is not { } registry)
            {
                return null;
            }

            var ids = Identifiers.Assign(registry.Capabilities.Select(c => c.Name.Value), CapabilityReserved).Identifiers;
            return new CapabilitiesSpec(registry.Capabilities.Select((c, i) => new CapabilitySpec(
                ids[i], c.Name.Value, c.Description?.Value, c.Safety?.Value, c.Approval?.Value, c.Plane?.Value, c.Domain?.Value, c.Command?.Value, c.Lifecycle?.Value,
                c.Requires.Select(r => r.Value).ToEquatableArray())).ToEquatableArray());
        }

        public static GatesSpec? Gates(SpineWorkspace ws)
        {
            if (ws.Registry is not { } registry)
            {
                return null;
            }

            var gates = registry.Gates.Where(g => g.Id.Value.Length > 0).ToList();
            var ids = Identifiers.Assign(gates.Select(g => g.Id.Value), GateReserved).Identifiers;
            var assignments = (ws.Topology?.Assignments ?? EquatableArray<GateAssignment>.Empty).GroupBy(a => a.GateId.Value).ToDictionary(g => g.Key, g => g.First());
            return new GatesSpec(gates.Select((g, i) =>
            {
                assignments.TryGetValue(g.Id.Value, out var a);
                return new GateSpec(
                    ids[i], g.Id.Value, g.Name?.Value, g.Category?.Value, g.Description?.Value, g.Severity?.Value, g.CheckScript?.Value, g.Inline, g.Retired, g.EnforcedBy?.Value,
                    a?.PrimaryDomain?.Value, (a?.SecondaryDomains ?? EquatableArray<Located<string>>.Empty).Select(s => s.Value).ToEquatableArray());
            }).ToEquatableArray());
        }

        public static DomainsSpec? Domains(SpineWorkspace ws)
        {
            if (ws.Topology is not { } topology)
            {
                return null;
            }

            var ids = Identifiers.Assign(topology.Domains.Select(d => d.Id.Value), DomainReserved).Identifiers;
            var release = topology.ReleaseSequence.Select(r => r.Value).ToList();
            return new DomainsSpec(
                topology.Domains.Select((d, i) =>
                {
                    var set = DomainRouting.Resolve(ws, d.Id.Value);
                    return new DomainSpec(ids[i], d.Id.Value, d.Description?.Value, d.Criticality?.Value, d.DependsOn.Select(x => x.Value).ToEquatableArray(), release.IndexOf(d.Id.Value), set.Source.ToString(), set.Gates);
                }).ToEquatableArray(),
                DomainRouting.Core(ws).Gates,
                topology.CoreMode?.CoreCountLimit?.Value ?? 0);
        }

        public static MaintenanceSpec? Maintenance(SpineWorkspace ws)
        {
            if (ws.Sequencing is not { } seq)
            {
                return null;
            }

            var sites = seq.KnownSites;
            var ids = Identifiers.Assign(sites, SiteReserved).Identifiers;
            static EquatableArray<int> Ints(EquatableArray<Located<int>> values) => values.Select(v => v.Value).ToEquatableArray();
            var siteSpecs = sites.Select((s, i) =>
            {
                var l = seq.Lifecycle(s);
                return l is null
                    ? new SiteSpec(ids[i], s, null, false, EquatableArray<int>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty)
                    : new SiteSpec(ids[i], s, l.HostId?.Value, true, Ints(l.ActiveVmIds), Ints(l.DestroyedVmIds), Ints(l.TemplateVmIds), Ints(l.StartupOrder), Ints(l.ShutdownOrder));
            }).ToEquatableArray();

            var phases = seq.Phases
                .Where(p => p.Number != null && p.Site != null)
                .Select(p => new PhaseSpec(p.Number!.Value.Value, p.Site!.Value.Value, p.Label?.Value, p.Hosts
                    .Where(h => h.Target != null)
                    .Select(h => new PhaseHostSpec(h.Target!.Value.Value, h.Stacks.Select(x => x.Value).ToEquatableArray(), Ints(h.VmIds), h.WaitAfterSec?.Value ?? 0, h.HealthProbes.Select(x => x.Value).ToEquatableArray(), h.Description?.Value))
                    .ToEquatableArray()))
                .ToEquatableArray();

            var guard = ws.NetworkCutover?.OobGuard;
            return new MaintenanceSpec(
                siteSpecs,
                seq.ShutdownSiteOrder.ToEquatableArray(),
                seq.StartupSiteOrder.ToEquatableArray(),
                phases,
                (guard?.Sites ?? EquatableArray<Located<string>>.Empty).Select(x => x.Value).ToEquatableArray(),
                guard?.TimeoutSec?.Value ?? NetworkCutoverPolicy.DefaultTimeoutSec,
                (guard?.Endpoints ?? EquatableArray<OobEndpoint>.Empty)
                    .Where(e => e.Id != null && e.Host != null && e.Port != null)
                    .Select(e => new OobEndpointSpec(e.Id!.Value.Value, e.Host!.Value.Value, e.Port!.Value.Value, e.Description?.Value))
                    .ToEquatableArray(),
                (ws.ComposeTargets?.Targets ?? EquatableArray<ComposeTarget>.Empty)
                    .Where(t => t.Enabled)
                    .SelectMany(t => t.Stacks.Where(s => s.Name != null && s.Path != null).Select(s => new ComposeStackSpec(t.Id.Value, t.SshTarget?.Value ?? t.Id.Value, s.Name!.Value.Value, s.Path!.Value.Value)))
                    .ToEquatableArray());
        }

        public static SshTargetsSpec? SshTargets(SpineWorkspace ws)
        {
            if (ws.SshTargets is not { } ssh)
            {
                return null;
            }

            var d = ssh.Defaults;
            var ids = Identifiers.Assign(ssh.Targets.Select(t => t.Id.Value), SshReserved).Identifiers;
            return new SshTargetsSpec(ssh.Targets.Select((t, i) => new SshTargetSpec(
                ids[i],
                t.Id.Value,
                t.Host?.Value ?? string.Empty,
                ssh.UserOf(t),
                ssh.PortOf(t),
                ssh.ConnectTimeoutOf(t),
                t.HostKey?.Value,
                t.Optional,
                t.Tags.Select(x => x.Value).ToEquatableArray(),
                t.Notes?.Value)).ToEquatableArray(),
                d.IdentityFile?.Value,
                d.KnownHostsFile?.Value);
        }

        public static PolicySpec? Policy(SpineWorkspace ws)
        {
            if (ws.Policy is not { } policy)
            {
                return null;
            }

            var knobIds = Identifiers.Assign(policy.KnobSchema.Select(k => k.Name.Value), KnobReserved).Identifiers;
            var presetIds = Identifiers.Assign(policy.Presets.Select(p => p.Name.Value), PresetReserved).Identifiers;
            var tenant = ws.Tenant;
            return new PolicySpec(
                policy.KnobSchema.Select((k, i) => new KnobSpec(knobIds[i], k.Name.Value, k.Type?.Value ?? "string", (k.Enum ?? EquatableArray<Located<string>>.Empty).Select(e => e.Value).ToEquatableArray(), k.Description?.Value)).ToEquatableArray(),
                policy.Presets.Select((p, i) => new PresetSpec(presetIds[i], p.Name.Value, p.Description?.Value, p.Knobs.Where(k => k.Value != null).Select(k => new KnobValueSpec(k.Name.Value, k.Value!)).ToEquatableArray())).ToEquatableArray(),
                tenant?.TenantId?.Value,
                tenant?.Preset?.Value,
                (tenant?.Overrides ?? EquatableArray<KnobSetting>.Empty).Where(k => k.Value != null).Select(k => new KnobValueSpec(k.Name.Value, k.Value!)).ToEquatableArray());
        }

        /// <summary>SPINE005: names of one generated class that map to the same identifier.</summary>
        public static IEnumerable<Finding> Collisions(SpineWorkspace ws)
        {
            IEnumerable<Finding> Check(string what, IEnumerable<Located<string>> names, params string[] reserved)
            {
                var list = names.ToList();
                var (_, collisions) = Identifiers.Assign(list.Select(n => n.Value), reserved);
                foreach (var (first, second, id) in collisions)
                {
                    var at = list.LastOrDefault(n => n.Value == second);
                    var before = list.FirstOrDefault(n => n.Value == first);
                    yield return before.Span.File is null
                        ? RuleCatalog.IdentifierCollision.At(at.Span, $"{what} '{second}' becomes the C# identifier '{id}', which the generated class already uses; its member is '{id}_2' (or later). Rename it.")
                        : RuleCatalog.IdentifierCollision.At(
                            at.Span,
                            $"{what} '{second}' and '{first}' both become the C# identifier '{id}'; the generated member for '{second}' is '{id}_2' (or later). Rename one of them.",
                            before.Span);
                }
            }

            var result = new List<Finding>();
            if (ws.Capabilities is { } caps)
            {
                result.AddRange(Check("Capability", caps.Capabilities.Select(c => c.Name), CapabilityReserved));
            }

            if (ws.Registry is { } reg)
            {
                result.AddRange(Check("Gate", reg.Gates.Where(g => g.Id.Value.Length > 0).Select(g => g.Id), GateReserved));
            }

            if (ws.Topology is { } top)
            {
                result.AddRange(Check("Domain", top.Domains.Select(d => d.Id), DomainReserved));
            }

            if (ws.SshTargets is { } ssh)
            {
                result.AddRange(Check("SSH target", ssh.Targets.Select(t => t.Id), SshReserved));
            }

            if (ws.Policy is { } policy)
            {
                result.AddRange(Check("Knob", policy.KnobSchema.Select(k => k.Name), KnobReserved));
                result.AddRange(Check("Preset", policy.Presets.Select(p => p.Name), PresetReserved));
            }

            if (ws.Sequencing is { } seq)
            {
                result.AddRange(Check("Site", seq.Sites, SiteReserved));
            }

            return result;
        }
    }
}
