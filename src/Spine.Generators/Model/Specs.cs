using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Naming;

namespace Spine.Generators
{
    // Pipeline models: plain values (strings, numbers, EquatableArray), built from the bindings by
    // GeneratorModel and read by the emitters. No Roslyn symbols, nodes or locations.

    /// <summary>How every generated type is declared: its accessibility (internal unless the project says public) and the generator's version.</summary>
    internal sealed record EmitOptions(string Accessibility, string Version)
    {
        public static readonly EmitOptions Default = new EmitOptions("internal", "1.0.0");
    }

    /// <summary>An enum generated from a vocabulary of the data (schema.enums, a knob's enum): distinct values, one member each, plus Unknown.</summary>
    internal sealed record EnumSpec(string Field, string TypeName, EquatableArray<string> Values, EquatableArray<string> Members)
    {
        /// <summary>The type names of the generated code that an enum of a knob must not take.</summary>
        public static readonly string[] FixedTypeNames =
        {
            "SpineCapability", "SpineCapabilities", "SpineGate", "SpineGates", "SpineDomain", "SpineDomains", "SpineSite", "SpinePhaseHost", "SpinePhase",
            "SpineOobEndpoint", "SpineComposeStack", "SpineGuest", "SpineMaintenance", "SpineSshTarget", "SpineSshTargets", "SpineKnobs", "SpinePolicy",
            "SpineCapabilitySafety", "SpineCapabilityApproval", "SpineCapabilityPlane", "SpineCapabilityDomain", "SpineCapabilityLifecycle",
        };

        /// <summary>An enum of the distinct <paramref name="values"/>; its members never take <c>Unknown</c> (the value for anything else).</summary>
        public static EnumSpec Of(string field, string typeName, IEnumerable<string> values)
        {
            var distinct = values.Distinct(System.StringComparer.Ordinal).ToList();
            var members = Identifiers.Assign(distinct, new[] { "Unknown", typeName });
            return new EnumSpec(field, typeName, distinct.ToEquatableArray(), distinct.Select(v => members[v]).ToEquatableArray());
        }
    }

    internal sealed record CapabilitySpec(string Identifier, string Name, string? Description, string? Safety, string? Approval, string? Plane, string? Domain, string? Command, string? Lifecycle, EquatableArray<string> Requires);

    internal sealed record CapabilitiesSpec(EquatableArray<CapabilitySpec> Capabilities, EquatableArray<EnumSpec> Enums);

    internal sealed record GateSpec(string Identifier, string Id, string? Name, string? Category, string? Description, string? Severity, string? CheckScript, bool Inline, bool Retired, string? EnforcedBy, string? PrimaryDomain, EquatableArray<string> SecondaryDomains);

    internal sealed record GatesSpec(EquatableArray<GateSpec> Gates);

    internal sealed record DomainSpec(string Identifier, string Id, string? Description, string? Criticality, EquatableArray<string> DependsOn, int ReleasePosition, string GateSource, EquatableArray<string> GateIds);

    internal sealed record DomainsSpec(EquatableArray<DomainSpec> Domains, EquatableArray<string> CoreGateIds, int CoreCountLimit);

    internal sealed record SiteSpec(string Identifier, string Name, string? HostId, bool HasLifecycle, EquatableArray<int> Active, EquatableArray<int> Destroyed, EquatableArray<int> Templates, EquatableArray<int> StartupOrder, EquatableArray<int> ShutdownOrder);

    internal sealed record PhaseHostSpec(string Target, EquatableArray<string> Stacks, EquatableArray<int> VmIds, int WaitAfterSec, EquatableArray<string> HealthProbes, string? Description);

    internal sealed record PhaseSpec(int Number, string Site, string? Label, EquatableArray<PhaseHostSpec> Hosts);

    internal sealed record OobEndpointSpec(string Id, string Host, int Port, string? Description);

    internal sealed record ComposeStackSpec(string Target, string SshTarget, string Name, string Path);

    internal sealed record GuestSpec(int Id, string? Hostname, string? ProxmoxHost, string? SshTarget, string? Status, bool IsContainer);

    internal sealed record MaintenanceSpec(
        EquatableArray<SiteSpec> Sites,
        EquatableArray<string> CrossSiteShutdown,
        EquatableArray<string> CrossSiteStartup,
        EquatableArray<PhaseSpec> Phases,
        EquatableArray<string> OobSites,
        int OobTimeoutSec,
        EquatableArray<OobEndpointSpec> OobEndpoints,
        EquatableArray<ComposeStackSpec> ComposeStacks,
        EquatableArray<GuestSpec> Guests);

    internal sealed record SshTargetSpec(string Identifier, string Id, string Host, string User, int Port, int ConnectTimeoutSec, string? HostKey, bool Optional, EquatableArray<string> Tags, string? Notes);

    internal sealed record SshTargetsSpec(EquatableArray<SshTargetSpec> Targets, string? IdentityFile, string? KnownHostsFile);

    internal sealed record KnobSpec(string Identifier, string Name, string Type, EnumSpec? Enum, string? Description);

    internal sealed record KnobValueSpec(string Name, string Value);

    internal sealed record PresetSpec(string Identifier, string Name, string? Description, EquatableArray<KnobValueSpec> Values);

    internal sealed record PolicySpec(EquatableArray<KnobSpec> Knobs, EquatableArray<PresetSpec> Presets, string? TenantId, string? TenantPreset, EquatableArray<KnobValueSpec> TenantOverrides);
}
