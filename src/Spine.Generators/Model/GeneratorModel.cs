using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Bindings;
using Spine.Model.Naming;

namespace Spine.Generators
{
    /// <summary>
    /// Builds the emitters' specs from a workspace. Whatever the YAML holds, the specs name every member once:
    /// a name given twice (a duplicate key, a duplicate id) is taken once, first occurrence wins (SPINE002/SPINE301
    /// report the duplicate), and two names with one identifier get distinct identifiers (SPINE005 reports it).
    /// </summary>
    internal static class GeneratorModel
    {
        public static CapabilitiesSpec? Capabilities(SpineWorkspace ws)
        {
            if (ws.Capabilities is not { } registry)
            {
                return null;
            }

            var capabilities = Distinct(registry.Capabilities, c => c.Name.Value);
            var ids = Identifiers.Assign(capabilities.Select(c => c.Name.Value), GeneratedNames.Capabilities);
            var enums = registry.Schema.Enums
                .Where(e => CapabilityFields.Contains(e.Field.Value))
                .GroupBy(e => e.Field.Value)
                .Select(g => g.First())
                .Select(e => EnumSpec.Of(e.Field.Value, "SpineCapability" + Identifiers.From(e.Field.Value), e.Values.Select(v => v.Value)))
                .ToEquatableArray();
            return new CapabilitiesSpec(
                capabilities.Select(c => new CapabilitySpec(
                    ids[c.Name.Value], c.Name.Value, c.Description?.Value, c.Safety?.Value, c.Approval?.Value, c.Plane?.Value, c.Domain?.Value, c.Command?.Value, c.Lifecycle?.Value,
                    c.Requires.Select(r => r.Value).Distinct().ToEquatableArray())).ToEquatableArray(),
                enums);
        }

        /// <summary>The capability fields that may get a generated enum (they are generated as properties).</summary>
        internal static readonly string[] CapabilityFields = { "safety", "approval", "plane", "domain", "lifecycle" };

        public static GatesSpec? Gates(SpineWorkspace ws)
        {
            if (ws.Registry is not { } registry)
            {
                return null;
            }

            var gates = Distinct(registry.Gates.Where(g => g.Id.Value.Length > 0), g => g.Id.Value);
            var ids = Identifiers.Assign(gates.Select(g => g.Id.Value), GeneratedNames.Gates);
            var assignments = (ws.Topology?.Assignments ?? EquatableArray<GateAssignment>.Empty).GroupBy(a => a.GateId.Value).ToDictionary(g => g.Key, g => g.First());
            return new GatesSpec(gates.Select(g =>
            {
                assignments.TryGetValue(g.Id.Value, out var a);
                return new GateSpec(
                    ids[g.Id.Value], g.Id.Value, g.Name?.Value, g.Category?.Value, g.Description?.Value, g.Severity?.Value, g.CheckScript?.Value, g.Inline, g.Retired, g.EnforcedBy?.Value,
                    a?.PrimaryDomain?.Value, (a?.SecondaryDomains ?? EquatableArray<Located<string>>.Empty).Select(s => s.Value).ToEquatableArray());
            }).ToEquatableArray());
        }

        public static DomainsSpec? Domains(SpineWorkspace ws)
        {
            if (ws.Topology is not { } topology)
            {
                return null;
            }

            var domains = Distinct(topology.Domains, d => d.Id.Value);
            var ids = Identifiers.Assign(domains.Select(d => d.Id.Value), GeneratedNames.Domains);
            var release = topology.ReleaseSequence.Select(r => r.Value).ToList();
            return new DomainsSpec(
                domains.Select(d =>
                {
                    var set = DomainRouting.Resolve(ws, d.Id.Value);
                    return new DomainSpec(ids[d.Id.Value], d.Id.Value, d.Description?.Value, d.Criticality?.Value, d.DependsOn.Select(x => x.Value).ToEquatableArray(), release.IndexOf(d.Id.Value), set.Source.ToString(), set.Gates);
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
            var ids = Identifiers.Assign(sites, GeneratedNames.Sites);
            static EquatableArray<int> Ints(EquatableArray<Located<int>> values) => values.Select(v => v.Value).ToEquatableArray();
            var siteSpecs = sites.Select(s =>
            {
                var l = seq.Lifecycle(s);
                return l is null
                    ? new SiteSpec(ids[s], s, null, false, EquatableArray<int>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty, EquatableArray<int>.Empty)
                    : new SiteSpec(ids[s], s, l.HostId?.Value, true, Ints(l.ActiveVmIds), Ints(l.DestroyedVmIds), Ints(l.TemplateVmIds), Ints(l.StartupOrder), Ints(l.ShutdownOrder));
            }).ToEquatableArray();

            var phases = seq.Phases
                .Where(p => p.Number != null && p.Site != null)
                .Select(p => new PhaseSpec(p.Number!.Value.Value, p.Site!.Value.Value, p.Label?.Value, p.Hosts
                    .Where(h => h.Target != null)
                    .Select(h => new PhaseHostSpec(h.Target!.Value.Value, h.Stacks.Select(x => x.Value).ToEquatableArray(), Ints(h.VmIds), h.WaitAfterSec?.Value ?? 0, h.HealthProbes.Select(x => x.Value).ToEquatableArray(), h.Description?.Value))
                    .ToEquatableArray()))
                .ToEquatableArray();

            var guests = (ws.Guests?.Guests ?? EquatableArray<TrackedGuest>.Empty)
                .GroupBy(g => g.Id.Value)
                .Select(g => g.First())
                .Select(g => new GuestSpec(g.Id.Value, g.Hostname?.Value, g.ProxmoxHost?.Value, g.SshTarget?.Value, g.Status?.Value, g.IsContainer))
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
                    .ToEquatableArray(),
                guests);
        }

        public static SshTargetsSpec? SshTargets(SpineWorkspace ws)
        {
            if (ws.SshTargets is not { } ssh)
            {
                return null;
            }

            var d = ssh.Defaults;
            var targets = Distinct(ssh.Targets, t => t.Id.Value);
            var ids = Identifiers.Assign(targets.Select(t => t.Id.Value), GeneratedNames.SshTargets);
            return new SshTargetsSpec(
                targets.Select(t => new SshTargetSpec(
                    ids[t.Id.Value],
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

            var knobs = Distinct(policy.KnobSchema, k => k.Name.Value);
            var knobIds = Identifiers.Assign(knobs.Select(k => k.Name.Value), GeneratedNames.Knobs);
            var presetIds = Identifiers.Assign(policy.Presets.Select(p => p.Name.Value), GeneratedNames.Presets);
            var enumKnobs = knobs.Where(k => k.Enum is { IsEmpty: false }).Select(k => k.Name.Value).ToList();
            var enumTypes = Identifiers.Assign(enumKnobs.Select(k => "Spine" + knobIds[k]), EnumSpec.FixedTypeNames);
            var tenant = ws.Tenant;
            return new PolicySpec(
                knobs.Select(k => new KnobSpec(
                    knobIds[k.Name.Value],
                    k.Name.Value,
                    k.Type?.Value ?? "string",
                    k.Enum is { IsEmpty: false } values ? EnumSpec.Of(k.Name.Value, enumTypes["Spine" + knobIds[k.Name.Value]], values.Select(e => e.Value)) : null,
                    k.Description?.Value)).ToEquatableArray(),
                policy.Presets.Select(p => new PresetSpec(presetIds[p.Name.Value], p.Name.Value, p.Description?.Value, Values(p.Knobs))).ToEquatableArray(),
                tenant?.TenantId?.Value,
                tenant?.Preset?.Value,
                Values(tenant?.Overrides ?? EquatableArray<KnobSetting>.Empty));
        }

        /// <summary>Knob settings as text, each name once (first wins).</summary>
        private static EquatableArray<KnobValueSpec> Values(EquatableArray<KnobSetting> settings) =>
            Distinct(settings.Where(k => k.Value != null), k => k.Name.Value).Select(k => new KnobValueSpec(k.Name.Value, k.Value!)).ToEquatableArray();

        private static List<T> Distinct<T>(IEnumerable<T> items, System.Func<T, string> key)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            return items.Where(i => seen.Add(key(i))).ToList();
        }
    }
}
