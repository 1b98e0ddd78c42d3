using Spine.Model.Bindings;

namespace Spine.Model
{
    /// <summary>
    /// Everything loaded from one spine root: each binding (null when its file is missing or could not
    /// be parsed) and the findings of loading. Rules are pure functions over it.
    /// </summary>
    public sealed record SpineWorkspace(
        string Root,
        EquatableArray<string> Files,
        CapabilityRegistry? Capabilities,
        CapabilityMap? CapabilityMap,
        GateRegistry? Registry,
        GateTopology? Topology,
        DomainProfiles? DomainProfiles,
        AgentProfiles? AgentProfiles,
        StartupSequencing? Sequencing,
        SshTargets? SshTargets,
        ComposeTargets? ComposeTargets,
        PolicyPresets? Policy,
        EquatableArray<TenantProfile> Tenants,
        HomeDeviceRegistry? Devices,
        BackupInventory? Backups,
        NetworkCutoverPolicy? NetworkCutover,
        VmLifecycle? Guests,
        SpineBaseline? Baseline,
        EquatableArray<Finding> LoadFindings)
    {
        /// <summary>The active tenant profile (<c>ops/bindings/tenant.profile.yaml</c>), if present.</summary>
        public TenantProfile? Tenant
        {
            get
            {
                foreach (var tenant in Tenants)
                {
                    if (tenant.Path == TenantProfile.DefaultPath)
                    {
                        return tenant;
                    }
                }

                return null;
            }
        }
    }
}
