using System.Collections.Generic;

namespace Spine.Model
{
    /// <summary>Every rule Spine has, by id. The analyzer's descriptors and the docs pages follow this list.</summary>
    public static class RuleCatalog
    {
        public static readonly RuleDescriptor InternalError = new RuleDescriptor("SPINE000", "Spine rule failed", RuleFamily.Loading, Severity.Warning, null,
            "A rule threw on this spine; the other rules still ran. Please report it.");

        public static readonly RuleDescriptor YamlSyntax = new RuleDescriptor("SPINE001", "YAML syntax error", RuleFamily.Loading, Severity.Error, null,
            "The file is not valid YAML.");

        public static readonly RuleDescriptor DuplicateKey = new RuleDescriptor("SPINE002", "Duplicate mapping key", RuleFamily.Loading, Severity.Error, null,
            "A mapping names the same key twice.");

        public static readonly RuleDescriptor WrongType = new RuleDescriptor("SPINE003", "Wrong shape or type", RuleFamily.Loading, Severity.Error, null,
            "A modelled field holds a value of the wrong shape or type.");

        public static readonly RuleDescriptor MissingBinding = new RuleDescriptor("SPINE004", "Binding missing", RuleFamily.Loading, Severity.Error, null,
            "A binding file the rules need is missing.");

        public static readonly RuleDescriptor IdentifierCollision = new RuleDescriptor("SPINE005", "Names collide in generated code", RuleFamily.Generator, Severity.Error, null,
            "Two YAML names map to the same C# identifier.");

        public static readonly RuleDescriptor Baselined = new RuleDescriptor("SPINE006", "Findings baselined", RuleFamily.Baseline, Severity.Info, null,
            "Findings listed in ops/spine.baseline.yaml are suppressed; this says how many.");

        public static readonly RuleDescriptor StaleBaseline = new RuleDescriptor("SPINE007", "Stale baseline entry", RuleFamily.Baseline, Severity.Info, null,
            "A baseline entry matches no finding any more; remove it (spine baseline --prune) so the baseline only shrinks.");

        public static readonly RuleDescriptor InvalidBaseline = new RuleDescriptor("SPINE008", "Baseline entry cannot apply", RuleFamily.Baseline, Severity.Warning, null,
            "A baseline entry names a finding that cannot be baselined (SPINE001 syntax, SPINE004 missing binding) or lacks its rule, file or fingerprint.");

        public static readonly RuleDescriptor BuildIntegrationMissing = new RuleDescriptor("SPINE009", "Spine build integration missing", RuleFamily.Build, Severity.Warning, null,
            "The Spine analyzer runs in a project that does not pass the spine to the compiler (no Spine.Build props): nothing is generated or checked.");

        public static readonly RuleDescriptor CapabilityEnum = new RuleDescriptor("SPINE010", "Capability value outside its schema enum", RuleFamily.Capabilities, Severity.Error, null,
            "A capability field holds a value that capabilities.yaml's schema.enums does not declare.");

        public static readonly RuleDescriptor CapabilityMapParity = new RuleDescriptor("SPINE067", "Capability map parity", RuleFamily.Capabilities, Severity.Error, "D67",
            "Every capability has a capability_map entry and every map entry names a capability.")
        {
            Inputs = new[] { Bindings.CapabilityRegistry.Path, Bindings.CapabilityMap.Path },
        };

        public static readonly RuleDescriptor CapabilityMetadata = new RuleDescriptor("SPINE137", "Infra capability metadata parity", RuleFamily.Capabilities, Severity.Error, "D137",
            "The strict infra capabilities declare the expected plane, domain and non-empty requires; infra-core adjacent capabilities declare plane and domain.")
        {
            Inputs = new[] { Bindings.CapabilityRegistry.Path },
        };

        public static readonly RuleDescriptor SiteParity = new RuleDescriptor("SPINE138", "Site parity", RuleFamily.Maintenance, Severity.Error, "D138",
            "Startup sequencing is version 2 or later, every phase has a known site tag, and every site has a phase.")
        {
            Inputs = new[] { Bindings.StartupSequencing.Path },
        };

        public static readonly RuleDescriptor NasBaseline = new RuleDescriptor("SPINE139", "NAS baseline coverage", RuleFamily.Maintenance, Severity.Error, "D139",
            "The NAS is in the device registry with ip and role, and the backup inventory has NAS and offsite targets.")
        {
            Inputs = new[] { Bindings.HomeDeviceRegistry.Path, Bindings.BackupInventory.Path },
        };

        public static readonly RuleDescriptor MaintenanceOrder = new RuleDescriptor("SPINE140", "Maintenance order consistency", RuleFamily.Maintenance, Severity.Error, null,
            "Phase numbers are unique and ascending; per-site VM lifecycles name a host and order exactly their active VMs; the cross-site order names every site once.");

        public static readonly RuleDescriptor PrimaryDomain = new RuleDescriptor("SPINE201", "Gate without a primary domain", RuleFamily.Topology, Severity.Error, null,
            "Every active gate has a topology assignment with a primary domain, and assignments name registered gates.");

        public static readonly RuleDescriptor UndefinedDomain = new RuleDescriptor("SPINE202", "Undefined domain reference", RuleFamily.Topology, Severity.Error, null,
            "Every domain named by the topology and the domain profiles is defined in domain_metadata.");

        public static readonly RuleDescriptor ReleaseSequence = new RuleDescriptor("SPINE203", "Release sequence coverage and order", RuleFamily.Topology, Severity.Error, null,
            "release_sequence lists every domain once, after the domains it depends on.");

        public static readonly RuleDescriptor DependencyCycle = new RuleDescriptor("SPINE204", "Domain dependency cycle", RuleFamily.Topology, Severity.Error, null,
            "Domains' depends_on form no cycle.");

        public static readonly RuleDescriptor CoreGates = new RuleDescriptor("SPINE205", "Core mode gates", RuleFamily.Topology, Severity.Error, null,
            "core_gate_ids exist, are active, and do not exceed core_count_limit.");

        public static readonly RuleDescriptor DuplicateId = new RuleDescriptor("SPINE301", "Duplicate id", RuleFamily.Registry, Severity.Error, null,
            "Gate ids, gate assignments, domain ids and SSH target ids are unique.");

        public static readonly RuleDescriptor GateCount = new RuleDescriptor("SPINE302", "Gate count mismatch", RuleFamily.Registry, Severity.Error, null,
            "gate_count total/active/retired equal what the gate list holds.");

        public static readonly RuleDescriptor UndeclaredCategory = new RuleDescriptor("SPINE303", "Undeclared gate category", RuleFamily.Registry, Severity.Error, null,
            "Each gate's category is declared in the registry's categories.");

        public static readonly RuleDescriptor MissingCheckScript = new RuleDescriptor("SPINE304", "Active gate without check script", RuleFamily.Registry, Severity.Error, null,
            "Active, non-inline gates name a check_script (or are enforced by a Spine rule).");

        public static readonly RuleDescriptor UnknownSeverity = new RuleDescriptor("SPINE305", "Gate severity outside the vocabulary", RuleFamily.Registry, Severity.Error, null,
            "Each gate's severity is one of the registry's severities.");

        public static readonly RuleDescriptor UnknownRequires = new RuleDescriptor("SPINE401", "Unknown required capability", RuleFamily.References, Severity.Error, null,
            "requires entries name existing capabilities.");

        public static readonly RuleDescriptor UnknownProfileGate = new RuleDescriptor("SPINE402", "Unknown gate in a profile", RuleFamily.References, Severity.Error, null,
            "Domain and agent profiles name gates of the registry.");

        public static readonly RuleDescriptor UnknownProfileDomain = new RuleDescriptor("SPINE403", "Unknown domain in an agent profile", RuleFamily.References, Severity.Error, null,
            "Agent profiles name defined domains.");

        public static readonly RuleDescriptor UnknownSshTarget = new RuleDescriptor("SPINE404", "Unknown SSH target", RuleFamily.References, Severity.Error, null,
            "Sequencing hosts, compose targets and probe_via name SSH targets.");

        public static readonly RuleDescriptor PresetKnob = new RuleDescriptor("SPINE501", "Preset knob does not match knob_schema", RuleFamily.Policy, Severity.Error, null,
            "Every preset sets exactly the knobs of knob_schema, each of its declared type and enum.");

        public static readonly RuleDescriptor UnknownTenantPreset = new RuleDescriptor("SPINE502", "Unknown tenant preset", RuleFamily.Policy, Severity.Error, null,
            "A tenant's policy.preset names a preset.");

        public static readonly RuleDescriptor TenantOverride = new RuleDescriptor("SPINE503", "Tenant override does not match knob_schema", RuleFamily.Policy, Severity.Error, null,
            "A tenant's policy.overrides name knobs of knob_schema, with values of their type.");

        public static readonly RuleDescriptor PolicyUnresolved = new RuleDescriptor("SPINE504", "Policy cannot be resolved", RuleFamily.Policy, Severity.Error, null,
            "The policy preset chosen by SPINE_POLICY_PRESET, SPINE_TENANT_PROFILE or the tenant profile does not exist, or the tenant profile cannot be read.");

        public static readonly RuleDescriptor CheckScriptMissing = new RuleDescriptor("SPINE601", "Check script missing or not executable", RuleFamily.Build, Severity.Error, null,
            "The check_script of an active, non-inline gate exists under the spine root and is executable.");

        public static readonly RuleDescriptor CommandMissing = new RuleDescriptor("SPINE602", "Capability command missing", RuleFamily.Build, Severity.Error, null,
            "A './…' capability command exists under the spine root.");

        public static readonly RuleDescriptor PathTriggerMissing = new RuleDescriptor("SPINE603", "Path trigger names nothing", RuleFamily.Build, Severity.Warning, null,
            "A path_trigger that names a file or folder exists under the spine root.");

        public static readonly RuleDescriptor GateFailed = new RuleDescriptor("SPINE610", "Gate failed", RuleFamily.Build, Severity.Error, null,
            "A gate run by verify (script or compiled) failed.");

        public static readonly RuleDescriptor ParityMismatch = new RuleDescriptor("SPINE620", "Compiled gate and its script disagree", RuleFamily.Build, Severity.Warning, null,
            "In parity mode, a gate that Spine enforces as a compiled rule gave another verdict (or named other items) than the gate's own check_script.");

        public static IReadOnlyList<RuleDescriptor> All { get; } = new[]
        {
            InternalError, YamlSyntax, DuplicateKey, WrongType, MissingBinding, IdentifierCollision,
            Baselined, StaleBaseline, InvalidBaseline, BuildIntegrationMissing,
            CapabilityEnum, CapabilityMapParity, CapabilityMetadata, SiteParity, NasBaseline, MaintenanceOrder,
            PrimaryDomain, UndefinedDomain, ReleaseSequence, DependencyCycle, CoreGates,
            DuplicateId, GateCount, UndeclaredCategory, MissingCheckScript, UnknownSeverity,
            UnknownRequires, UnknownProfileGate, UnknownProfileDomain, UnknownSshTarget,
            PresetKnob, UnknownTenantPreset, TenantOverride, PolicyUnresolved,
            CheckScriptMissing, CommandMissing, PathTriggerMissing, GateFailed, ParityMismatch,
        };

        public static RuleDescriptor? Find(string id)
        {
            foreach (var d in All)
            {
                if (d.Id == id)
                {
                    return d;
                }
            }

            return null;
        }
    }
}
