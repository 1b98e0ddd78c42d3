using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary>
    /// <c>ops/bindings/startup.sequencing.yaml</c>: post-power recovery phases (v2, site-tagged) and,
    /// where declared, the per-site Proxmox VM lifecycle (<c>&lt;site&gt;_vm_lifecycle</c>), the known
    /// sites (<c>sites:</c>) and the cross-site order (<c>cross_site_order: {shutdown, startup}</c>).
    /// </summary>
    public sealed record StartupSequencing(
        SourceSpan Span,
        Located<int>? Version,
        SourceSpan? SitesKey,
        EquatableArray<Located<string>> Sites,
        CrossSiteOrder? CrossSiteOrder,
        EquatableArray<SiteVmLifecycle> Lifecycles,
        SourceSpan? PhasesKey,
        EquatableArray<Phase> Phases)
    {
        public const string Path = "ops/bindings/startup.sequencing.yaml";

        /// <summary>The sites a spine has when it declares none: the seed's two.</summary>
        public static readonly IReadOnlyList<string> DefaultSites = new[] { "shop", "home" };

        private const string LifecycleSuffix = "_vm_lifecycle";

        /// <summary>The seed's cross-site order, for a spine that declares none: shut the shop down first, start home first.</summary>
        public static readonly IReadOnlyList<string> DefaultShutdownSiteOrder = new[] { "shop", "home" };

        public static readonly IReadOnlyList<string> DefaultStartupSiteOrder = new[] { "home", "shop" };

        /// <summary>cross_site_order.shutdown, else the seed's.</summary>
        public IReadOnlyList<string> ShutdownSiteOrder => CrossSiteOrder is { } o ? o.Shutdown.Select(s => s.Value).ToList() : DefaultShutdownSiteOrder;

        /// <summary>cross_site_order.startup, else the seed's.</summary>
        public IReadOnlyList<string> StartupSiteOrder => CrossSiteOrder is { } o ? o.Startup.Select(s => s.Value).ToList() : DefaultStartupSiteOrder;

        /// <summary>The declared sites, else the default ones.</summary>
        public IReadOnlyList<string> KnownSites => Sites.IsEmpty ? DefaultSites : Sites.Select(s => s.Value).Distinct(System.StringComparer.Ordinal).ToList();

        public SiteVmLifecycle? Lifecycle(string site) => Lifecycles.FirstOrDefault(l => l.Site.Value == site);

        internal static StartupSequencing Bind(YamlMapping root, BindingReader read)
        {
            var lifecycles = new List<SiteVmLifecycle>();
            foreach (var entry in root.UniqueEntries.Where(e => e.Key.Value.EndsWith(LifecycleSuffix, System.StringComparison.Ordinal)))
            {
                var map = read.Map(entry.Value, $"'{entry.Key.Value}'");
                if (map is null)
                {
                    continue;
                }

                var site = entry.Key.Value.Substring(0, entry.Key.Value.Length - LifecycleSuffix.Length);
                lifecycles.Add(new SiteVmLifecycle(
                    new Located<string>(site, entry.Key.Span),
                    read.Str(map, "host_id"),
                    read.IntList(map, "active_vm_ids"),
                    read.IntList(map, "destroyed_vm_ids"),
                    read.IntList(map, "template_vm_ids"),
                    read.IntList(map, "startup_order"),
                    read.IntList(map, "shutdown_order")));
            }

            var orderMap = read.Map(root, "cross_site_order");
            var crossSite = orderMap is null
                ? null
                : new CrossSiteOrder(BindingReader.KeySpan(root, "cross_site_order"), read.StrList(orderMap, "shutdown"), read.StrList(orderMap, "startup"));

            var phases = read.Maps(root, "phases").Select(p => new Phase(
                p.Span,
                read.Int(p, "phase"),
                read.Str(p, "site"),
                read.Str(p, "label"),
                read.Maps(p, "hosts").Select(h => new PhaseHost(
                    h.Span,
                    read.Str(h, "target"),
                    read.StrList(h, "stacks"),
                    read.IntList(h, "vm_ids"),
                    read.Int(h, "wait_after_sec"),
                    read.StrList(h, "health_probes"),
                    read.Str(h, "description"))).ToEquatableArray())).ToEquatableArray();

            return new StartupSequencing(
                root.Span,
                read.Int(root, "version"),
                root.Entry("sites")?.Key.Span,
                read.StrList(root, "sites"),
                crossSite,
                lifecycles.ToEquatableArray(),
                root.Entry("phases")?.Key.Span,
                phases);
        }
    }

    /// <summary>Which site goes first: shutdown (the seed's shop→home) and startup (home→shop).</summary>
    public sealed record CrossSiteOrder(SourceSpan Span, EquatableArray<Located<string>> Shutdown, EquatableArray<Located<string>> Startup);

    /// <summary>One site's Proxmox guests: which exist, which are gone or templates, and their orders.</summary>
    public sealed record SiteVmLifecycle(
        Located<string> Site,
        Located<string>? HostId,
        EquatableArray<Located<int>> ActiveVmIds,
        EquatableArray<Located<int>> DestroyedVmIds,
        EquatableArray<Located<int>> TemplateVmIds,
        EquatableArray<Located<int>> StartupOrder,
        EquatableArray<Located<int>> ShutdownOrder)
    {
        public SourceSpan Span => Site.Span;
    }

    public sealed record Phase(SourceSpan Span, Located<int>? Number, Located<string>? Site, Located<string>? Label, EquatableArray<PhaseHost> Hosts);

    public sealed record PhaseHost(
        SourceSpan Span,
        Located<string>? Target,
        EquatableArray<Located<string>> Stacks,
        EquatableArray<Located<int>> VmIds,
        Located<int>? WaitAfterSec,
        EquatableArray<Located<string>> HealthProbes,
        Located<string>? Description);
}
