using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Model;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Spine.Build.Tests;

/// <summary>Domain routing against the real 2026-02-17 spine, checked against an independent transcription of verify-topology.</summary>
public class RoutingTests
{
    private static readonly SpineWorkspace Corpus = SpineDirectory.Load(Paths.Corpus);

    /// <summary>
    /// verify-topology's collect_domain_gate_ids, transcribed over YamlDotNet's representation model
    /// (no Spine code): assignments naming the normalized domain as primary or secondary; else the
    /// profile's gate_ids under the raw and the normalized name; sort -V.
    /// </summary>
    private static (string Source, List<string> Gates) Oracle(string raw)
    {
        var normalized = raw switch
        {
            "loop-gap" or "loop_gap" => "loop_gap",
            "home-automation" => "home",
            "finance-ops" => "finance",
            "automation" => "n8n",
            "photos" => "immich",
            "identity" or "email" or "calendar" or "microsoft" => "microsoft",
            _ => raw,
        };
        YamlMappingNode Load(string file)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(Path.Combine(Paths.Corpus, "ops/bindings", file))));
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }

        var seen = new HashSet<string>();
        foreach (YamlMappingNode a in (YamlSequenceNode)Load("gate.execution.topology.yaml")["gate_assignments"])
        {
            var secondary = a.Children.TryGetValue("secondary_domains", out var s) && s is YamlSequenceNode seq ? seq.Select(n => n.ToString()) : Enumerable.Empty<string>();
            if (a["primary_domain"].ToString() == normalized || secondary.Contains(normalized))
            {
                seen.Add(a["gate_id"].ToString());
            }
        }

        var source = "topology";
        if (seen.Count == 0)
        {
            source = "profile";
            var domains = (YamlMappingNode)Load("gate.domain.profiles.yaml")["domains"];
            foreach (var name in new[] { raw, normalized }.Distinct())
            {
                if (domains.Children.TryGetValue(name, out var d) && ((YamlMappingNode)d).Children.TryGetValue("gate_ids", out var ids))
                {
                    seen.UnionWith(((YamlSequenceNode)ids).Select(n => n.ToString()));
                }
            }
        }

        return (source, seen.OrderBy(g => int.Parse(g.Substring(1))).ToList());
    }

    public static IEnumerable<object[]> Domains() =>
        Corpus.Topology!.Domains.Select(d => new object[] { d.Id.Value }).Concat(new[] { new object[] { "loop-gap" }, new object[] { "home-automation" } });

    [Theory]
    [MemberData(nameof(Domains))]
    public void Every_domain_resolves_as_verify_topology_does(string domain)
    {
        var (source, gates) = Oracle(domain);
        var set = DomainRouting.Resolve(Corpus, domain);
        Assert.Equal(source, set.Source.ToString().ToLowerInvariant());
        Assert.Equal(gates, set.Gates);
        Assert.NotEmpty(set.Gates);
    }

    [Fact]
    public void Fifteen_domains()
    {
        Assert.Equal(15, Domains().Count() - 2);
    }

    [Fact]
    public void Proxmox_network_resolves_through_its_profile_to_25_gates()
    {
        var set = DomainRouting.Resolve(Corpus, "proxmox-network");
        Assert.Equal(GateSetSource.Profile, set.Source);
        Assert.Equal(
            new[] { "D14", "D15", "D18", "D19", "D22", "D23", "D24", "D35", "D37", "D39", "D50", "D51", "D52", "D54", "D57", "D58", "D59", "D69", "D86", "D100", "D115", "D116", "D137", "D138", "D139" },
            set.Gates);
    }

    [Fact]
    public void Finance_and_n8n_come_from_secondary_assignments()
    {
        Assert.Equal(new[] { "D22", "D23" }, DomainRouting.Resolve(Corpus, "finance").Gates.Take(2));
        var n8n = DomainRouting.Resolve(Corpus, "automation");
        Assert.Equal("n8n", n8n.Domain);
        Assert.Equal(GateSetSource.Topology, n8n.Source);
        Assert.Contains("D18", n8n.Gates);
    }

    [Fact]
    public void Core_mode_is_core_gate_ids()
    {
        Assert.Equal(new[] { "D3", "D48", "D63", "D67", "D121", "D124", "D126", "D127" }, DomainRouting.Core(Corpus).Gates);
    }

    [Fact]
    public void Natural_order_puts_D2_before_D10()
    {
        Assert.Equal(new[] { "D2", "D10", "D100" }, DomainRouting.NaturalOrder(new[] { "D100", "D10", "D2", "D10" }));
    }

    [Fact]
    public void Aliases_come_from_data_when_declared()
    {
        var own = FixtureSpine.Own().Load();
        Assert.Equal("proxmox-network", DomainRouting.Resolve(own, "proxmox_network").Domain);
        Assert.Equal("home", DomainRouting.Resolve(own, "home-automation").Domain);
        Assert.Equal("loop-gap", DomainRouting.Resolve(own, "loop-gap").Domain);
    }
}
