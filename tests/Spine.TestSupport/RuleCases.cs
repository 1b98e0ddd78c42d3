using System;
using System.Collections.Generic;

namespace Spine.TestSupport;

/// <summary>
/// One failing fixture per violation kind: an edit of the repository's own (clean) spine, the rule
/// and gate expected, and where: the first occurrence of <see cref="Token"/> (after <see cref="After"/>)
/// in <see cref="File"/>, plus <see cref="ColumnOffset"/> when the node starts inside the token.
/// </summary>
public sealed record RuleCase(
    string Rule,
    string? Gate,
    Func<FixtureSpine, FixtureSpine> Edit,
    string File,
    string Token,
    string? After = null,
    int ColumnOffset = 0);

public static class RuleCases
{
    private const string Caps = "ops/capabilities.yaml";
    private const string Map = "ops/bindings/capability_map.yaml";
    private const string Reg = "ops/bindings/gate.registry.yaml";
    private const string Top = "ops/bindings/gate.execution.topology.yaml";
    private const string Prof = "ops/bindings/gate.domain.profiles.yaml";
    private const string Agents = "ops/bindings/gate.agent.profiles.yaml";
    private const string Seq = "ops/bindings/startup.sequencing.yaml";
    private const string Ssh = "ops/bindings/ssh.targets.yaml";
    private const string Compose = "ops/bindings/docker.compose.targets.yaml";
    private const string Policy = "ops/bindings/policy.presets.yaml";
    private const string Tenant = "ops/bindings/tenant.profile.yaml";
    private const string Devices = "ops/bindings/home.device.registry.yaml";
    private const string Backups = "ops/bindings/backup.inventory.yaml";

    private const string Shutdown = "infra.proxmox.maintenance.shutdown:";

    public static readonly IReadOnlyDictionary<string, RuleCase> All = new Dictionary<string, RuleCase>
    {
        // ─── Loading ───
        ["missing binding"] = new("SPINE004", null, s => s.Remove(Devices), Devices, ""),
        ["names collide in generated code"] = new("SPINE005", null, s => s
            .Replace(Caps, "  verify.core.run:\n", "  verify.core-run:\n    description: collides\n  verify.core.run:\n")
            .Replace(Map, "capabilities:\n", "capabilities:\n  verify.core-run:\n    plugin: spine\n"), Caps, "verify.core.run:"),
        // ─── Capabilities ───
        ["enum: plane not declared"] = new("SPINE010", null, s => s.Replace(Caps, "plane: fabric\n    domain: network", "plane: fabrik\n    domain: network"), Caps, "fabrik"),
        ["enum: safety not declared"] = new("SPINE010", null, s => s.Replace(Caps, "safety: read-only\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n    domain: network", "safety: readonly\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n    domain: network"), Caps, "readonly"),
        ["D67: capability without map entry"] = new("SPINE067", "D67", s => s.Replace(Map, "  verify.core.run:\n    plugin: spine\n    script: bin/spine\n    safety: read-only\n", ""), Caps, "verify.core.run:"),
        ["D67: phantom map entry"] = new("SPINE067", "D67", s => s.Replace(Map, "capabilities:\n", "capabilities:\n  ghost.capability:\n    plugin: spine\n"), Map, "ghost.capability:"),
        ["D137: plane missing"] = new("SPINE137", "D137", s => s.Replace(Caps, Shutdown + "\n    description: \"Mutating: guarded shutdown of all running guests on a Proxmox host (optional host poweroff).\"\n    tags: [infra]\n    command: \"./bin/spine maintenance-window --mode shutdown\"\n    safety: mutating\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n", Shutdown + "\n    description: \"x\"\n    tags: [infra]\n    command: \"./bin/spine maintenance-window --mode shutdown\"\n    safety: mutating\n    approval: auto\n    lifecycle: ready\n"), Caps, Shutdown),
        ["D137: plane missing, seed default scope"] = new("SPINE137", "D137", s => s
            .Replace(Reg, "    rule:\n      capability_prefixes: [infra.proxmox., infra.post_power., infra.maintenance.]\n      expected_plane: fabric\n      expected_domain: infra\n      requires_optional: [infra.proxmox.node_path.migrate]\n", "")
            .Replace(Caps, "    lifecycle: draft\n    plane: fabric\n", "    lifecycle: draft\n"), Caps, "infra.proxmox.node_path.migrate:"),
        ["D137: wrong plane"] = new("SPINE137", "D137", s => s.Replace(Caps, "    command: \"./bin/spine maintenance-window --mode startup\"\n    safety: mutating\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n", "    command: \"./bin/spine maintenance-window --mode startup\"\n    safety: mutating\n    approval: auto\n    lifecycle: ready\n    plane: domain_external\n"), Caps, "domain_external", "infra.proxmox.maintenance.startup:"),
        ["D137: wrong domain"] = new("SPINE137", "D137", s => s.Replace(Caps, "    command: \"./bin/spine maintenance-window\"\n    safety: mutating\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n    domain: infra\n", "    command: \"./bin/spine maintenance-window\"\n    safety: mutating\n    approval: auto\n    lifecycle: ready\n    plane: fabric\n    domain: storage\n"), Caps, "storage"),
        ["D137: requires missing"] = new("SPINE137", "D137", s => s.Replace(Caps, "    domain: infra\n    requires:\n      - ssh.target.status\n    outputs: [\"stdout\"]\n  infra.post_power.recovery.status:", "    domain: infra\n    outputs: [\"stdout\"]\n  infra.post_power.recovery.status:"), Caps, "infra.proxmox.maintenance.startup:"),
        ["D137: requires empty"] = new("SPINE137", "D137", s => s.Replace(Caps, "    domain: infra\n    requires:\n      - ssh.target.status\n    outputs: [\"stdout\"]\n  infra.post_power.recovery.status:", "    domain: infra\n    requires: []\n    outputs: [\"stdout\"]\n  infra.post_power.recovery.status:"), Caps, "requires: []"),
        // ─── D138 ───
        ["D138: version below 2"] = new("SPINE138", "D138", s => s.Replace(Seq, "version: 2\n", "version: 1\n"), Seq, "version: 1", ColumnOffset: 9),
        ["D138: phase without site"] = new("SPINE138", "D138", s => s.Replace(Seq, "  - phase: 2\n    site: shop\n", "  - phase: 2\n"), Seq, "phase: 2"),
        ["D138: unknown site"] = new("SPINE138", "D138", s => s.Replace(Seq, "  - phase: 2\n    site: shop\n", "  - phase: 2\n    site: shed\n"), Seq, "shed"),
        ["D138: site not represented"] = new("SPINE138", "D138", s => s.Replace(Seq, "  - phase: 10\n    site: home\n", "  - phase: 10\n    site: shop\n").Replace(Seq, "        vm_ids: [100]\n", ""), Seq, "phases:"),
        ["order: duplicate phase number"] = new("SPINE140", null, s => s.Replace(Seq, "  - phase: 3\n", "  - phase: 2\n"), Seq, "phase: 2", "Observability", 7),
        ["order: phases not ascending"] = new("SPINE140", null, s => s.Replace(Seq, "  - phase: 10\n", "  - phase: 0\n").Replace(Seq, "  - phase: 1\n", "  - phase: 1\n"), Seq, "phase: 0", ColumnOffset: 7),
        ["order: startup order leaves out an active VM"] = new("SPINE140", null, s => s.Replace(Seq, "startup_order: [204, 205, 206, 209, 210, 200, 202]", "startup_order: [204, 205, 206, 209, 210, 200]"), Seq, "shop_vm_lifecycle:"),
        ["order: destroyed VM in shutdown order"] = new("SPINE140", null, s => s.Replace(Seq, "shutdown_order: [210, 209, 206, 205, 202, 200, 204]", "shutdown_order: [210, 209, 206, 205, 202, 200, 204, 201]"), Seq, "201", "shutdown_order"),
        ["order: template VM in startup order"] = new("SPINE140", null, s => s.Replace(Seq, "startup_order: [204, 205, 206, 209, 210, 200, 202]", "startup_order: [9000, 204, 205, 206, 209, 210, 200, 202]"), Seq, "9000", "startup_order"),
        ["order: inactive VM in order"] = new("SPINE140", null, s => s.Replace(Seq, "  startup_order: [100]", "  startup_order: [100, 999]"), Seq, "999"),
        ["order: VM twice in order"] = new("SPINE140", null, s => s.Replace(Seq, "  shutdown_order: [100]", "  shutdown_order: [100, 100]"), Seq, "100]", "shutdown_order: [100, "),
        ["order: phase VM not active at its site"] = new("SPINE140", null, s => s.Replace(Seq, "        vm_ids: [100]\n", "        vm_ids: [101]\n"), Seq, "101"),
        ["order: host_id not an SSH target"] = new("SPINE140", null, s => s.Replace(Seq, "  host_id: pve\n", "  host_id: pve2\n"), Seq, "pve2"),
        ["order: a site without lifecycle"] = new("SPINE140", null, s => s.Replace(Seq, "home_vm_lifecycle:\n  host_id: proxmox-home\n  active_vm_ids: [100]\n  destroyed_vm_ids: [102]\n  template_vm_ids: []\n  startup_order: [100]\n  shutdown_order: [100]\n", ""), Seq, "shop_vm_lifecycle:"),
        ["order: cross-site order leaves out a site"] = new("SPINE140", null, s => s.Replace(Seq, "  shutdown: [shop, home]", "  shutdown: [shop]"), Seq, "cross_site_order:"),
        ["order: cross-site order names a site twice"] = new("SPINE140", null, s => s.Replace(Seq, "  startup: [home, shop]", "  startup: [home, shop, home]"), Seq, "home]", "startup: [home, shop, "),
        ["order: cross-site order names an unknown site"] = new("SPINE140", null, s => s.Replace(Seq, "  shutdown: [shop, home]", "  shutdown: [shop, home, moon]"), Seq, "moon"),
        // ─── Maintenance order (SPINE140, Spine's own) are above, named "order: …" ───
        // ─── D139 ───
        ["D139: no NAS device"] = new("SPINE139", "D139", s => s.Replace(Devices, "  - id: nas\n", "  - id: storage\n"), Devices, "devices:"),
        ["D139: NAS without ip"] = new("SPINE139", "D139", s => s.Replace(Devices, "    ip: \"127.0.0.7\"\n", ""), Devices, "nas", "- id: "),
        ["D139: NAS without role"] = new("SPINE139", "D139", s => s.Replace(Devices, "    role: \"Storage, backups\"\n", "    role: \"\"\n"), Devices, "nas", "- id: "),
        ["D139: no NAS backup target"] = new("SPINE139", "D139", s => s
            .Replace(Backups, "    host: nas\n    base_path: \"/volume1/backups/proxmox_backups/dump\"", "    host: pve\n    base_path: \"/tank/a\"")
            .Replace(Backups, "    host: nas\n    base_path: \"/volume1/backups/proxmox/vzdump/critical\"", "    host: pve\n    base_path: \"/tank/b\""), Backups, "targets:"),
        ["D139: no offsite target"] = new("SPINE139", "D139", s => s.Replace(Backups, "    enabled: true\n    offsite: true\n", "    enabled: true\n    offsite: false\n"), Backups, "targets:"),
        // ─── Topology ───
        ["topology: active gate without assignment"] = new("SPINE201", null, s => s.Replace(Top, "  - gate_id: D14\n    primary_domain: infra\n    secondary_domains: []\n    family: infra-hygiene\n", ""), Reg, "D14"),
        ["topology: assignment names no gate"] = new("SPINE201", null, s => s.Replace(Top, "gate_assignments:\n", "gate_assignments:\n  - gate_id: D999\n    primary_domain: core\n"), Top, "D999"),
        ["topology: assignment without primary domain"] = new("SPINE201", null, s => s.Replace(Top, "  - gate_id: D22\n    primary_domain: infra\n", "  - gate_id: D22\n    primary_domain: \"\"\n"), Top, "D22"),
        ["topology: undefined primary domain"] = new("SPINE202", null, s => s.Replace(Top, "  - gate_id: D22\n    primary_domain: infra\n", "  - gate_id: D22\n    primary_domain: infar\n"), Top, "infar"),
        ["topology: undefined secondary domain"] = new("SPINE202", null, s => s.Replace(Top, "    secondary_domains: [home]\n    family: infra-hygiene\n  - gate_id: D139", "    secondary_domains: [hoem]\n    family: infra-hygiene\n  - gate_id: D139"), Top, "hoem"),
        ["topology: undefined dependency"] = new("SPINE202", null, s => s.Replace(Top, "    depends_on: [core, infra, network]\n", "    depends_on: [core, infra, network, dns]\n"), Top, "dns]"),
        ["topology: undefined profile domain"] = new("SPINE202", null, s => s.Replace(Prof, "  home:\n", "  mars:\n"), Prof, "mars:"),
        ["topology: domain missing from release sequence"] = new("SPINE203", null, s => s.Replace(Top, "  - proxmox-network\n  - home\n", "  - proxmox-network\n"), Top, "release_sequence:"),
        ["topology: domain twice in release sequence"] = new("SPINE203", null, s => s.Replace(Top, "  - proxmox-network\n  - home\n", "  - proxmox-network\n  - home\n  - core\n"), Top, "core", "  - home\n  - "),
        ["topology: released before its dependency"] = new("SPINE203", null, s => s.Replace(Top, "  - core\n  - infra\n", "  - infra\n  - core\n"), Top, "infra", "release_sequence:"),
        ["topology: dependency cycle"] = new("SPINE204", null, s => s
            .Replace(Top, "    criticality: standard\n    depends_on: []\n", "    criticality: standard\n    depends_on: [home]\n")
            .Replace(Top, "  require_release_sequence_coverage: true", "  require_release_sequence_coverage: false"), Top, "core", "domain_id: "),
        ["topology: core gate not in registry"] = new("SPINE205", null, s => s.Replace(Top, "core_gate_ids: [D3, D67]", "core_gate_ids: [D3, D67, D999]"), Top, "D999"),
        ["topology: core gate retired"] = new("SPINE205", null, s => s.Replace(Top, "core_gate_ids: [D3, D67]", "core_gate_ids: [D3, D67, D21]"), Top, "D21"),
        ["topology: core gates over the limit"] = new("SPINE205", null, s => s.Replace(Top, "core_count_limit: 8", "core_count_limit: 1"), Top, "1", "core_count_limit: "),
        // ─── Registry ───
        ["registry: duplicate gate id"] = new("SPINE301", null, s => s
            .Replace(Reg, "gates:\n", "gates:\n  - id: D67\n    name: dup\n    category: ssot-hygiene\n    severity: low\n    inline: true\n")
            .Replace(Reg, "  total: 9\n  active: 8\n", "  total: 10\n  active: 9\n"), Reg, "D67", "name: dup"),
        ["registry: duplicate assignment"] = new("SPINE301", null, s => s.Replace(Top, "gate_assignments:\n", "gate_assignments:\n  - gate_id: D138\n    primary_domain: infra\n"), Top, "D138", "primary_domain: infra\n    secondary_domains: []\n    family: infra-hygiene\n  - gate_id: "),
        ["registry: duplicate SSH target"] = new("SPINE301", null, s => s.Replace(Ssh, "  targets:\n", "  targets:\n    - id: \"ha\"\n      host: \"127.0.0.9\"\n"), Ssh, "\"ha\"", "Synology NAS"),
        ["registry: gate_count total"] = new("SPINE302", null, s => s.Replace(Reg, "  total: 9\n", "  total: 10\n"), Reg, "10"),
        ["registry: gate_count retired"] = new("SPINE302", null, s => s.Replace(Reg, "  retired: 1\n", "  retired: 0\n"), Reg, "0", "retired: "),
        ["registry: undeclared category"] = new("SPINE303", null, s => s.Replace(Reg, "    category: process-hygiene\n", "    category: process-hygeine\n"), Reg, "process-hygeine"),
        ["registry: active gate without check script"] = new("SPINE304", null, s => s.Replace(Reg, "    check_script: surfaces/verify/d3-entrypoint-smoke.sh\n", ""), Reg, "D3"),
        ["registry: enforced_by names no rule"] = new("SPINE304", null, s => s.Replace(Reg, "    enforced_by: SPINE138\n", "    enforced_by: SPINE999\n"), Reg, "SPINE999"),
        ["registry: unknown severity"] = new("SPINE305", null, s => s.Replace(Reg, "    severity: critical\n", "    severity: severe\n"), Reg, "severe"),
        // ─── References ───
        ["references: unknown required capability"] = new("SPINE401", null, s => s.Replace(Caps, "      - network.oob.guard.status\n", "      - network.oob.guard.stat\n"), Caps, "network.oob.guard.stat\n"),
        ["references: unknown gate in a domain profile"] = new("SPINE402", null, s => s.Replace(Prof, "gate_ids: [D1, D3, D67]", "gate_ids: [D1, D3, D67, D999]"), Prof, "D999"),
        ["references: unknown gate in an agent profile"] = new("SPINE402", null, s => s.Replace(Agents, "gate_ids: [D3, D67]", "gate_ids: [D3, D68]"), Agents, "D68"),
        ["references: unknown domain in an agent profile"] = new("SPINE403", null, s => s.Replace(Agents, "domains: [core]", "domains: [kore]"), Agents, "kore"),
        ["references: unknown phase host"] = new("SPINE404", null, s => s.Replace(Seq, "      - target: observability\n", "      - target: observabilty\n"), Seq, "observabilty"),
        ["references: unknown compose SSH target"] = new("SPINE404", null, s => s.Replace(Compose, "    ssh_target: docker-host\n", "    ssh_target: docker-hots\n"), Compose, "docker-hots"),
        // ─── Policy ───
        ["policy: preset sets an unknown knob"] = new("SPINE501", null, s => s.Replace(Policy, "      drift_gate_mode: warn\n", "      drift_gate_mode: warn\n      drift_gate_mood: warn\n"), Policy, "drift_gate_mood"),
        ["policy: preset knob outside its enum"] = new("SPINE501", null, s => s.Replace(Policy, "      drift_gate_mode: warn\n", "      drift_gate_mode: block\n"), Policy, "block"),
        ["policy: preset knob of the wrong type"] = new("SPINE501", null, s => s.Replace(Policy, "      session_closeout_sla_hours: 168\n", "      session_closeout_sla_hours: \"a week\"\n"), Policy, "\"a week\""),
        ["policy: quoted false is not a boolean"] = new("SPINE501", null, s => s.Replace(Policy, "      commit_sign_required: true\n", "      commit_sign_required: \"true\"\n"), Policy, "\"true\""),
        ["policy: preset leaves out a knob"] = new("SPINE501", null, s => s.Replace(Policy, "      receipt_retention_days: 7\n", ""), Policy, "permissive:"),
        ["policy: tenant names an unknown preset"] = new("SPINE502", null, s => s.Replace(Tenant, "preset: balanced", "preset: balance"), Tenant, "balance\n"),
        ["policy: tenant overrides an unknown knob"] = new("SPINE503", null, s => s.Replace(Tenant, "    stale_ssot_max_days: 14\n", "    stale_ssot_max_days: 14\n    stale_ssot_max_weeks: 2\n"), Tenant, "stale_ssot_max_weeks"),
        ["policy: tenant override of the wrong type"] = new("SPINE503", null, s => s.Replace(Tenant, "    stale_ssot_max_days: 14\n", "    stale_ssot_max_days: [14]\n"), Tenant, "[14]"),
    };

    public static IEnumerable<object[]> Names()
    {
        foreach (var name in All.Keys)
        {
            yield return new object[] { name };
        }
    }
}
