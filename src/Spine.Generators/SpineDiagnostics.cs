using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Spine.Generators
{
    /// <summary>
    /// Every diagnostic Spine reports in the compiler, in one place. Ids, titles, categories and default
    /// severities mirror <c>Spine.Model.RuleCatalog</c> (a test keeps them equal); the message is the
    /// rule's finding text. Help pages live in docs/diagnostics/SPINE###.md.
    /// </summary>
    internal static class SpineDiagnostics
    {
        // Relative to the repository root: the pages ship with the source, not on a web host.
        private const string HelpBase = "docs/diagnostics/";

        /// <summary>SPINE000: A rule threw on this spine; the other rules still ran. Please report it. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor InternalError = new DiagnosticDescriptor(
            "SPINE000",
            "Spine rule failed",
            "{0}",
            "Spine.Loading",
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A rule threw on this spine; the other rules still ran. Please report it.",
            helpLinkUri: HelpBase + "SPINE000.md");

        /// <summary>SPINE001: The file is not valid YAML. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor YamlSyntax = new DiagnosticDescriptor(
            "SPINE001",
            "YAML syntax error",
            "{0}",
            "Spine.Loading",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The file is not valid YAML.",
            helpLinkUri: HelpBase + "SPINE001.md");

        /// <summary>SPINE002: A mapping names the same key twice. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor DuplicateKey = new DiagnosticDescriptor(
            "SPINE002",
            "Duplicate mapping key",
            "{0}",
            "Spine.Loading",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A mapping names the same key twice.",
            helpLinkUri: HelpBase + "SPINE002.md");

        /// <summary>SPINE003: A modelled field holds a value of the wrong shape or type. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor WrongType = new DiagnosticDescriptor(
            "SPINE003",
            "Wrong shape or type",
            "{0}",
            "Spine.Loading",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A modelled field holds a value of the wrong shape or type.",
            helpLinkUri: HelpBase + "SPINE003.md");

        /// <summary>SPINE004: A binding file the rules need is missing. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor MissingBinding = new DiagnosticDescriptor(
            "SPINE004",
            "Binding missing",
            "{0}",
            "Spine.Loading",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A binding file the rules need is missing.",
            helpLinkUri: HelpBase + "SPINE004.md");

        /// <summary>SPINE005: Two YAML names map to the same C# identifier. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor IdentifierCollision = new DiagnosticDescriptor(
            "SPINE005",
            "Names collide in generated code",
            "{0}",
            "Spine.Generator",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Two YAML names map to the same C# identifier.",
            helpLinkUri: HelpBase + "SPINE005.md");

        /// <summary>SPINE010: A capability field holds a value that capabilities.yaml's schema.enums does not declare. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor CapabilityEnum = new DiagnosticDescriptor(
            "SPINE010",
            "Capability value outside its schema enum",
            "{0}",
            "Spine.Capabilities",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A capability field holds a value that capabilities.yaml's schema.enums does not declare.",
            helpLinkUri: HelpBase + "SPINE010.md");

        /// <summary>SPINE067: Every capability has a capability_map entry and every map entry names a capability. Message: the finding's text, prefixed with the gate id.</summary>
        public static readonly DiagnosticDescriptor CapabilityMapParity = new DiagnosticDescriptor(
            "SPINE067",
            "Capability map parity",
            "{0}",
            "Spine.Capabilities",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every capability has a capability_map entry and every map entry names a capability.",
            helpLinkUri: HelpBase + "SPINE067.md");

        /// <summary>SPINE137: In-scope infra capabilities declare the expected plane, domain and non-empty requires. Message: the finding's text, prefixed with the gate id.</summary>
        public static readonly DiagnosticDescriptor CapabilityMetadata = new DiagnosticDescriptor(
            "SPINE137",
            "Infra capability metadata parity",
            "{0}",
            "Spine.Capabilities",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "In-scope infra capabilities declare the expected plane, domain and non-empty requires.",
            helpLinkUri: HelpBase + "SPINE137.md");

        /// <summary>SPINE138: Startup sequencing is v2, site-tagged, covers every site, and its VM orders are consistent. Message: the finding's text, prefixed with the gate id.</summary>
        public static readonly DiagnosticDescriptor SiteParity = new DiagnosticDescriptor(
            "SPINE138",
            "Site parity and maintenance order",
            "{0}",
            "Spine.Maintenance",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Startup sequencing is v2, site-tagged, covers every site, and its VM orders are consistent.",
            helpLinkUri: HelpBase + "SPINE138.md");

        /// <summary>SPINE139: The NAS is in the device registry and the backup inventory has NAS and offsite targets. Message: the finding's text, prefixed with the gate id.</summary>
        public static readonly DiagnosticDescriptor NasBaseline = new DiagnosticDescriptor(
            "SPINE139",
            "NAS baseline coverage",
            "{0}",
            "Spine.Maintenance",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The NAS is in the device registry and the backup inventory has NAS and offsite targets.",
            helpLinkUri: HelpBase + "SPINE139.md");

        /// <summary>SPINE201: Every active gate has a topology assignment with a primary domain, and assignments name registered gates. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor PrimaryDomain = new DiagnosticDescriptor(
            "SPINE201",
            "Gate without a primary domain",
            "{0}",
            "Spine.Topology",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every active gate has a topology assignment with a primary domain, and assignments name registered gates.",
            helpLinkUri: HelpBase + "SPINE201.md");

        /// <summary>SPINE202: Every domain named by the topology and the domain profiles is defined in domain_metadata. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UndefinedDomain = new DiagnosticDescriptor(
            "SPINE202",
            "Undefined domain reference",
            "{0}",
            "Spine.Topology",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every domain named by the topology and the domain profiles is defined in domain_metadata.",
            helpLinkUri: HelpBase + "SPINE202.md");

        /// <summary>SPINE203: release_sequence lists every domain once, after the domains it depends on. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor ReleaseSequence = new DiagnosticDescriptor(
            "SPINE203",
            "Release sequence coverage and order",
            "{0}",
            "Spine.Topology",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "release_sequence lists every domain once, after the domains it depends on.",
            helpLinkUri: HelpBase + "SPINE203.md");

        /// <summary>SPINE204: Domains' depends_on form no cycle. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor DependencyCycle = new DiagnosticDescriptor(
            "SPINE204",
            "Domain dependency cycle",
            "{0}",
            "Spine.Topology",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Domains' depends_on form no cycle.",
            helpLinkUri: HelpBase + "SPINE204.md");

        /// <summary>SPINE205: core_gate_ids exist, are active, and do not exceed core_count_limit. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor CoreGates = new DiagnosticDescriptor(
            "SPINE205",
            "Core mode gates",
            "{0}",
            "Spine.Topology",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "core_gate_ids exist, are active, and do not exceed core_count_limit.",
            helpLinkUri: HelpBase + "SPINE205.md");

        /// <summary>SPINE301: Gate ids, gate assignments, domain ids and SSH target ids are unique. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor DuplicateId = new DiagnosticDescriptor(
            "SPINE301",
            "Duplicate id",
            "{0}",
            "Spine.Registry",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Gate ids, gate assignments, domain ids and SSH target ids are unique.",
            helpLinkUri: HelpBase + "SPINE301.md");

        /// <summary>SPINE302: gate_count total/active/retired equal what the gate list holds. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor GateCount = new DiagnosticDescriptor(
            "SPINE302",
            "Gate count mismatch",
            "{0}",
            "Spine.Registry",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "gate_count total/active/retired equal what the gate list holds.",
            helpLinkUri: HelpBase + "SPINE302.md");

        /// <summary>SPINE303: Each gate's category is declared in the registry's categories. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UndeclaredCategory = new DiagnosticDescriptor(
            "SPINE303",
            "Undeclared gate category",
            "{0}",
            "Spine.Registry",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Each gate's category is declared in the registry's categories.",
            helpLinkUri: HelpBase + "SPINE303.md");

        /// <summary>SPINE304: Active, non-inline gates name a check_script (or are enforced by a Spine rule). Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor MissingCheckScript = new DiagnosticDescriptor(
            "SPINE304",
            "Active gate without check script",
            "{0}",
            "Spine.Registry",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Active, non-inline gates name a check_script (or are enforced by a Spine rule).",
            helpLinkUri: HelpBase + "SPINE304.md");

        /// <summary>SPINE305: Each gate's severity is one of the registry's severities. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UnknownSeverity = new DiagnosticDescriptor(
            "SPINE305",
            "Gate severity outside the vocabulary",
            "{0}",
            "Spine.Registry",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Each gate's severity is one of the registry's severities.",
            helpLinkUri: HelpBase + "SPINE305.md");

        /// <summary>SPINE401: requires entries name existing capabilities. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UnknownRequires = new DiagnosticDescriptor(
            "SPINE401",
            "Unknown required capability",
            "{0}",
            "Spine.References",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "requires entries name existing capabilities.",
            helpLinkUri: HelpBase + "SPINE401.md");

        /// <summary>SPINE402: Domain and agent profiles name gates of the registry. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UnknownProfileGate = new DiagnosticDescriptor(
            "SPINE402",
            "Unknown gate in a profile",
            "{0}",
            "Spine.References",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Domain and agent profiles name gates of the registry.",
            helpLinkUri: HelpBase + "SPINE402.md");

        /// <summary>SPINE403: Agent profiles name defined domains. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UnknownProfileDomain = new DiagnosticDescriptor(
            "SPINE403",
            "Unknown domain in an agent profile",
            "{0}",
            "Spine.References",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Agent profiles name defined domains.",
            helpLinkUri: HelpBase + "SPINE403.md");

        /// <summary>SPINE404: Sequencing hosts, compose targets and probe_via name SSH targets. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UnknownSshTarget = new DiagnosticDescriptor(
            "SPINE404",
            "Unknown SSH target",
            "{0}",
            "Spine.References",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Sequencing hosts, compose targets and probe_via name SSH targets.",
            helpLinkUri: HelpBase + "SPINE404.md");

        /// <summary>SPINE501: Every preset sets exactly the knobs of knob_schema, each of its declared type and enum. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor PresetKnob = new DiagnosticDescriptor(
            "SPINE501",
            "Preset knob does not match knob_schema",
            "{0}",
            "Spine.Policy",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every preset sets exactly the knobs of knob_schema, each of its declared type and enum.",
            helpLinkUri: HelpBase + "SPINE501.md");

        /// <summary>SPINE502: A tenant's policy.preset names a preset. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor UnknownTenantPreset = new DiagnosticDescriptor(
            "SPINE502",
            "Unknown tenant preset",
            "{0}",
            "Spine.Policy",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A tenant's policy.preset names a preset.",
            helpLinkUri: HelpBase + "SPINE502.md");

        /// <summary>SPINE503: A tenant's policy.overrides name knobs of knob_schema, with values of their type. Message: the finding's text.</summary>
        public static readonly DiagnosticDescriptor TenantOverride = new DiagnosticDescriptor(
            "SPINE503",
            "Tenant override does not match knob_schema",
            "{0}",
            "Spine.Policy",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A tenant's policy.overrides name knobs of knob_schema, with values of their type.",
            helpLinkUri: HelpBase + "SPINE503.md");

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            InternalError,
            YamlSyntax,
            DuplicateKey,
            WrongType,
            MissingBinding,
            IdentifierCollision,
            CapabilityEnum,
            CapabilityMapParity,
            CapabilityMetadata,
            SiteParity,
            NasBaseline,
            PrimaryDomain,
            UndefinedDomain,
            ReleaseSequence,
            DependencyCycle,
            CoreGates,
            DuplicateId,
            GateCount,
            UndeclaredCategory,
            MissingCheckScript,
            UnknownSeverity,
            UnknownRequires,
            UnknownProfileGate,
            UnknownProfileDomain,
            UnknownSshTarget,
            PresetKnob,
            UnknownTenantPreset,
            TenantOverride);

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();

        public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var d) ? d : null;

        private static Dictionary<string, DiagnosticDescriptor> Index()
        {
            var map = new Dictionary<string, DiagnosticDescriptor>();
            foreach (var d in All)
            {
                map[d.Id] = d;
            }

            return map;
        }
    }
}
