using Spine.Model;

namespace Spine.Generators
{
    // Pipeline models: plain values (strings, numbers, EquatableArray), built from the bindings by
    // GeneratorModel and read by the emitters. No Roslyn symbols, nodes or locations.

    internal sealed record CapabilitySpec(string Identifier, string Name, string? Description, string? Safety, string? Approval, string? Plane, string? Domain, string? Command, string? Lifecycle, EquatableArray<string> Requires);

    internal sealed record CapabilitiesSpec(EquatableArray<CapabilitySpec> Capabilities);

    internal sealed record GateSpec(string Identifier, string Id, string? Name, string? Category, string? Description, string? Severity, string? CheckScript, bool Inline, bool Retired, string? EnforcedBy, string? PrimaryDomain, EquatableArray<string> SecondaryDomains);

    internal sealed record GatesSpec(EquatableArray<GateSpec> Gates);

    internal sealed record DomainSpec(string Identifier, string Id, string? Description, string? Criticality, EquatableArray<string> DependsOn, int ReleasePosition, string GateSource, EquatableArray<string> GateIds);

    internal sealed record DomainsSpec(EquatableArray<DomainSpec> Domains, EquatableArray<string> CoreGateIds, int CoreCountLimit);

    internal sealed record SiteSpec(string Identifier, string Name, string? HostId, bool HasLifecycle, EquatableArray<int> Active, EquatableArray<int> Destroyed, EquatableArray<int> Templates, EquatableArray<int> StartupOrder, EquatableArray<int> ShutdownOrder);

    internal sealed record PhaseHostSpec(string Target, EquatableArray<string> Stacks, EquatableArray<int> VmIds, int WaitAfterSec, EquatableArray<string> HealthProbes, string? Description);

    internal sealed record PhaseSpec(int Number, string Site, string? Label, EquatableArray<PhaseHostSpec> Hosts);

    internal sealed record OobEndpointSpec(string Id, string Host, int Port, string? Description);

    internal sealed record ComposeStackSpec(string Target, string SshTarget, string Name, string Path);

    internal sealed record MaintenanceSpec(
        EquatableArray<SiteSpec> Sites,
        EquatableArray<string> CrossSiteShutdown,
        EquatableArray<string> CrossSiteStartup,
        EquatableArray<PhaseSpec> Phases,
        EquatableArray<string> OobSites,
        int OobTimeoutSec,
        EquatableArray<OobEndpointSpec> OobEndpoints,
        EquatableArray<ComposeStackSpec> ComposeStacks);

    internal sealed record SshTargetSpec(string Identifier, string Id, string Host, string User, int Port, int ConnectTimeoutSec, string? HostKey, bool Optional, EquatableArray<string> Tags, string? Notes);

    internal sealed record SshTargetsSpec(EquatableArray<SshTargetSpec> Targets, string? IdentityFile, string? KnownHostsFile);

    internal sealed record KnobSpec(string Identifier, string Name, string Type, EquatableArray<string> Enum, string? Description);

    internal sealed record KnobValueSpec(string Name, string Value);

    internal sealed record PresetSpec(string Identifier, string Name, string? Description, EquatableArray<KnobValueSpec> Values);

    internal sealed record PolicySpec(EquatableArray<KnobSpec> Knobs, EquatableArray<PresetSpec> Presets, string? TenantId, string? TenantPreset, EquatableArray<KnobValueSpec> TenantOverrides);
}
