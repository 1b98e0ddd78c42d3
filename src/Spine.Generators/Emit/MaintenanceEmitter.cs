using System.Linq;

namespace Spine.Generators
{
    /// <summary>
    /// Maintenance.g.cs: the maintenance sequences: each site's VM lifecycle and orders, the cross-site
    /// order, the post-power recovery phases and the OOB guard.
    /// </summary>
    internal static class MaintenanceEmitter
    {
        public static string Emit(MaintenanceSpec spec, EmitOptions options)
        {
            var w = new CodeWriter("ops/bindings/startup.sequencing.yaml and network.cutover.policy.yaml", options);
            w.Doc("A Proxmox site: its host and, when the per-site lifecycle form is declared, its guests and orders.");
            w.Type("sealed class SpineSite");
            w.Line("public SpineSite(string name, string? hostId, bool hasLifecycle, int[] activeVmIds, int[] destroyedVmIds, int[] templateVmIds, int[] startupOrder, int[] shutdownOrder)");
            w.Open();
            w.Line("Name = name; HostId = hostId; HasLifecycle = hasLifecycle; ActiveVmIds = activeVmIds; DestroyedVmIds = destroyedVmIds; TemplateVmIds = templateVmIds; StartupOrder = startupOrder; ShutdownOrder = shutdownOrder;");
            w.Close();
            w.Line("public string Name { get; }");
            w.Doc("The SSH target of the site's Proxmox host (&lt;site&gt;_vm_lifecycle.host_id).");
            w.Line("public string? HostId { get; }");
            w.Line("public bool HasLifecycle { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<int> ActiveVmIds { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<int> DestroyedVmIds { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<int> TemplateVmIds { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<int> StartupOrder { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<int> ShutdownOrder { get; }");
            w.Line("public override string ToString() => Name;");
            w.Close();
            w.Line();
            w.Doc("One host of a recovery phase: the compose stacks or VMs to bring up, then readiness probes.");
            w.Type("sealed class SpinePhaseHost");
            w.Line("public SpinePhaseHost(string target, string[] stacks, int[] vmIds, int waitAfterSec, string[] healthProbes, string? description)");
            w.Open();
            w.Line("Target = target; Stacks = stacks; VmIds = vmIds; WaitAfterSec = waitAfterSec; HealthProbes = healthProbes; Description = description;");
            w.Close();
            w.Line("public string Target { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<string> Stacks { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<int> VmIds { get; }");
            w.Line("public int WaitAfterSec { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<string> HealthProbes { get; }");
            w.Line("public string? Description { get; }");
            w.Close();
            w.Line();
            w.Doc("A post-power recovery phase (lower numbers first).");
            w.Type("sealed class SpinePhase");
            w.Line("public SpinePhase(int number, string site, string? label, SpinePhaseHost[] hosts)");
            w.Open();
            w.Line("Number = number; Site = site; Label = label; Hosts = hosts;");
            w.Close();
            w.Line("public int Number { get; }");
            w.Line("public string Site { get; }");
            w.Line("public string? Label { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<SpinePhaseHost> Hosts { get; }");
            w.Close();
            w.Line();
            w.Doc("An out-of-band endpoint that must accept a TCP connection before its site shuts down.");
            w.Type("sealed class SpineOobEndpoint");
            w.Line("public SpineOobEndpoint(string id, string host, int port, string? description) { Id = id; Host = host; Port = port; Description = description; }");
            w.Line("public string Id { get; }");
            w.Line("public string Host { get; }");
            w.Line("public int Port { get; }");
            w.Line("public string? Description { get; }");
            w.Close();
            w.Line();
            w.Doc("A docker compose stack on a host (docker.compose.targets.yaml, enabled targets).");
            w.Type("sealed class SpineComposeStack");
            w.Line("public SpineComposeStack(string target, string sshTarget, string name, string path) { Target = target; SshTarget = sshTarget; Name = name; Path = path; }");
            w.Line("public string Target { get; }");
            w.Line("public string SshTarget { get; }");
            w.Line("public string Name { get; }");
            w.Line("public string Path { get; }");
            w.Close();
            w.Line();
            w.Doc("A guest that vm.lifecycle.yaml tracks: whether it is an LXC container (vm_type: lxc) or a VM.");
            w.Type("sealed class SpineGuest");
            w.Line("public SpineGuest(int id, string? name, string? proxmoxHost, string? sshTarget, string? status, bool isContainer) { Id = id; Name = name; ProxmoxHost = proxmoxHost; SshTarget = sshTarget; Status = status; IsContainer = isContainer; }");
            w.Line("public int Id { get; }");
            w.Line("public string? Name { get; }");
            w.Line("public string? ProxmoxHost { get; }");
            w.Line("public string? SshTarget { get; }");
            w.Doc("The lifecycle status (active, decommissioned, template, …).");
            w.Line("public string? Status { get; }");
            w.Line("public bool IsContainer { get; }");
            w.Close();
            w.Line();
            w.Type("static partial class SpineMaintenance");
            foreach (var s in spec.Sites)
            {
                w.Doc($"Site '{s.Name}'.");
                w.Line($"public static SpineSite {s.Identifier} {{ get; }} = new SpineSite({CodeWriter.Str(s.Name)}, {CodeWriter.Str(s.HostId)}, {CodeWriter.Bool(s.HasLifecycle)}, {CodeWriter.Ints(s.Active)}, {CodeWriter.Ints(s.Destroyed)}, {CodeWriter.Ints(s.Templates)}, {CodeWriter.Ints(s.StartupOrder)}, {CodeWriter.Ints(s.ShutdownOrder)});");
            }

            w.Line();
            w.List("public static global::System.Collections.Generic.IReadOnlyList<SpineSite> Sites { get; } = new SpineSite[]", spec.Sites.Select(s => s.Identifier));
            w.Line("public static SpineSite? Find(string name) => global::System.Linq.Enumerable.FirstOrDefault(Sites, s => s.Name == name);");
            w.Doc("Which site shuts down first (cross_site_order.shutdown; the seed's shop, home by default).");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> CrossSiteShutdown {{ get; }} = {CodeWriter.Strings(spec.CrossSiteShutdown)};");
            w.Doc("Which site starts first (cross_site_order.startup; the seed's home, shop by default).");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> CrossSiteStartup {{ get; }} = {CodeWriter.Strings(spec.CrossSiteStartup)};");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<SpinePhase> Phases { get; } = new SpinePhase[]");
            w.Open();
            foreach (var p in spec.Phases)
            {
                w.Line($"new SpinePhase({p.Number}, {CodeWriter.Str(p.Site)}, {CodeWriter.Str(p.Label)}, new SpinePhaseHost[]");
                w.Open();
                foreach (var h in p.Hosts)
                {
                    w.Line($"new SpinePhaseHost({CodeWriter.Str(h.Target)}, {CodeWriter.Strings(h.Stacks)}, {CodeWriter.Ints(h.VmIds)}, {h.WaitAfterSec}, {CodeWriter.Strings(h.HealthProbes)}, {CodeWriter.Str(h.Description)}),");
                }

                w.Close("),");
            }

            w.Close(";");
            w.Doc("The sites whose shutdown needs the OOB guard (network.cutover.policy.yaml).");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<string> OobGuardSites {{ get; }} = {CodeWriter.Strings(spec.OobSites)};");
            w.Line($"public static int OobGuardTimeoutSec => {spec.OobTimeoutSec};");
            w.List("public static global::System.Collections.Generic.IReadOnlyList<SpineOobEndpoint> OobGuardEndpoints { get; } = new SpineOobEndpoint[]", spec.OobEndpoints.Select(e => $"new SpineOobEndpoint({CodeWriter.Str(e.Id)}, {CodeWriter.Str(e.Host)}, {e.Port}, {CodeWriter.Str(e.Description)})"));
            w.Doc("The compose stacks of docker.compose.targets.yaml.");
            w.List("public static global::System.Collections.Generic.IReadOnlyList<SpineComposeStack> ComposeStacks { get; } = new SpineComposeStack[]", spec.ComposeStacks.Select(c => $"new SpineComposeStack({CodeWriter.Str(c.Target)}, {CodeWriter.Str(c.SshTarget)}, {CodeWriter.Str(c.Name)}, {CodeWriter.Str(c.Path)})"));
            w.Doc("The guests of vm.lifecycle.yaml (their kind, for a plan made without asking a host).");
            w.List("public static global::System.Collections.Generic.IReadOnlyList<SpineGuest> Guests { get; } = new SpineGuest[]", spec.Guests.Select(g => $"new SpineGuest({g.Id}, {CodeWriter.Str(g.Hostname)}, {CodeWriter.Str(g.ProxmoxHost)}, {CodeWriter.Str(g.SshTarget)}, {CodeWriter.Str(g.Status)}, {CodeWriter.Bool(g.IsContainer)})"));
            w.Close();
            return w.ToString();
        }
    }
}
