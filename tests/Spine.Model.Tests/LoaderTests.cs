using System.Collections.Generic;
using System.Linq;
using Spine.Model;
using Spine.Model.Loading;
using Spine.Model.Yaml;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>One test per class of loading error, each asserting the exact line and column.</summary>
public class LoaderTests
{
    private static List<Finding> Parse(string text, string path = "ops/bindings/x.yaml")
    {
        var findings = new List<Finding>();
        YamlParser.Parse(path, text, findings);
        return findings;
    }

    [Fact]
    public void Syntax_error_is_reported_at_the_parsers_mark()
    {
        var finding = Assert.Single(Parse("version: 1\nphases: [1, 2\n"));
        Assert.Equal("SPINE001", finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal((3, 1), (finding.Span.Line, finding.Span.Column));
        Assert.Contains("flow sequence", finding.Message);
    }

    [Fact]
    public void Syntax_error_inside_a_mapping_points_at_the_offending_column()
    {
        var finding = Assert.Single(Parse("a: b\n  c: d\n"));
        Assert.Equal("SPINE001", finding.RuleId);
        Assert.Equal((2, 4), (finding.Span.Line, finding.Span.Column));
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence_naming_the_first()
    {
        var finding = Assert.Single(Parse("top:\n  name: a\n  other: 1\n  name: b\n"));
        Assert.Equal("SPINE002", finding.RuleId);
        Assert.Equal((4, 3), (finding.Span.Line, finding.Span.Column));
        Assert.Contains("line 2", finding.Message);
        var first = Assert.Single(finding.Related);
        Assert.Equal((2, 3), (first.Line, first.Column));
    }

    [Fact]
    public void Scalar_where_a_mapping_is_expected_is_a_type_finding_at_the_value()
    {
        var spine = FixtureSpine.Own().Replace("ops/bindings/startup.sequencing.yaml", "cross_site_order:\n  shutdown: [shop, home]\n  startup: [home, shop]\n", "cross_site_order: shop-first\n");
        var finding = Assert.Single(spine.Check(), f => f.RuleId == "SPINE003");
        Assert.Equal("ops/bindings/startup.sequencing.yaml", finding.Span.File);
        Assert.Equal(spine.Position("ops/bindings/startup.sequencing.yaml", "shop-first"), (finding.Span.Line, finding.Span.Column));
        Assert.Equal("Expected a mapping for 'cross_site_order', found the scalar 'shop-first'.", finding.Message);
    }

    [Fact]
    public void Non_integer_where_an_integer_is_expected_is_a_type_finding()
    {
        var fixture = FixtureSpine.Own().Replace("ops/bindings/gate.registry.yaml", "  total: 9", "  total: nine");
        var finding = Assert.Single(fixture.Check(), f => f.RuleId == "SPINE003");
        Assert.Equal(fixture.Position("ops/bindings/gate.registry.yaml", "nine"), (finding.Span.Line, finding.Span.Column));
        Assert.Contains("an integer", finding.Message);
    }

    [Fact]
    public void Scalar_where_a_list_is_expected_is_a_type_finding()
    {
        var fixture = FixtureSpine.Own().Replace("ops/capabilities.yaml", "    requires:\n      - ssh.target.status\n      - network.oob.guard.status\n", "    requires: ssh.target.status\n");
        var finding = Assert.Single(fixture.Check(), f => f.RuleId == "SPINE003");
        Assert.Equal(fixture.Position("ops/capabilities.yaml", "ssh.target.status", "requires: ssh"), (finding.Span.Line, finding.Span.Column));
        Assert.Contains("a sequence", finding.Message);
    }

    [Fact]
    public void Non_boolean_where_a_boolean_is_expected_is_a_type_finding()
    {
        var fixture = FixtureSpine.Own().Replace("ops/bindings/gate.registry.yaml", "    retired: true", "    retired: sometimes");
        var finding = Assert.Single(fixture.Check(), f => f.RuleId == "SPINE003");
        Assert.Equal(fixture.Position("ops/bindings/gate.registry.yaml", "sometimes"), (finding.Span.Line, finding.Span.Column));
    }

    [Fact]
    public void Malformed_host_key_is_a_type_finding_at_the_value()
    {
        var fixture = FixtureSpine.Own();
        var text = fixture.Text("ops/bindings/ssh.targets.yaml");
        var start = text.IndexOf("host_key: \"", System.StringComparison.Ordinal) + "host_key: \"".Length;
        var key = text.Substring(start, text.IndexOf('"', start) - start);
        fixture.Replace("ops/bindings/ssh.targets.yaml", key, "MD5:aa:bb");
        var finding = Assert.Single(fixture.Check(), f => f.RuleId == "SPINE003");
        Assert.Equal(fixture.Position("ops/bindings/ssh.targets.yaml", "\"MD5:aa:bb\""), (finding.Span.Line, finding.Span.Column));
    }

    [Fact]
    public void Unknown_fields_are_accepted()
    {
        var findings = FixtureSpine.Own()
            .Replace("ops/capabilities.yaml", "  ssh.target.status:\n", "  ssh.target.status:\n    brand_new_field: {nested: [1, 2]}\n")
            .Check();
        Assert.Empty(findings);
    }

    [Fact]
    public void Unmodelled_files_are_still_checked_for_syntax_and_duplicate_keys()
    {
        var findings = FixtureSpine.Own()
            .Set("ops/bindings/some.future.binding.yaml", "a: 1\nb: 2\na: 3\n")
            .Set("ops/bindings/another.yaml", "list: [1,\n")
            .Check();
        Assert.Collection(
            findings,
            f => Assert.Equal(("SPINE001", "ops/bindings/another.yaml", 2, 1), (f.RuleId, f.Span.File, f.Span.Line, f.Span.Column)),
            f => Assert.Equal(("SPINE002", "ops/bindings/some.future.binding.yaml", 3, 1), (f.RuleId, f.Span.File, f.Span.Line, f.Span.Column)));
    }

    [Fact]
    public void Values_keep_their_file_line_and_column()
    {
        var fixture = FixtureSpine.Own();
        var workspace = fixture.Load();
        var shutdown = workspace.Capabilities!.Find("infra.proxmox.maintenance.shutdown")!;
        Assert.Equal(fixture.Position("ops/capabilities.yaml", "infra.proxmox.maintenance.shutdown:"), (shutdown.Span.Line, shutdown.Span.Column));
        Assert.Equal(fixture.Position("ops/capabilities.yaml", "fabric", "infra.proxmox.maintenance.shutdown:"), (shutdown.Plane!.Value.Span.Line, shutdown.Plane.Value.Span.Column));
        Assert.Equal("ops/capabilities.yaml", shutdown.Plane.Value.Span.File);
        var span = shutdown.Plane.Value.Span;
        Assert.Equal((span.Line, span.Column + "fabric".Length), (span.EndLine, span.EndColumn));
        Assert.Equal("fabric", fixture.Text("ops/capabilities.yaml").Substring(span.Start, span.End - span.Start));
    }

    [Fact]
    public void Bindings_are_values()
    {
        var a = FixtureSpine.Own().Load();
        var b = FixtureSpine.Own().Load();
        Assert.Equal(a.Capabilities, b.Capabilities);
        Assert.Equal(a.Sequencing, b.Sequencing);
        Assert.Equal(a.Registry!.GetHashCode(), b.Registry!.GetHashCode());
        var c = FixtureSpine.Own().Replace("ops/capabilities.yaml", "lifecycle: draft", "lifecycle: ready").Load();
        Assert.NotEqual(a.Capabilities, c.Capabilities);
    }

    [Fact]
    public void Empty_and_non_mapping_files_do_not_throw()
    {
        var findings = FixtureSpine.Own()
            .Set("ops/bindings/startup.sequencing.yaml", "")
            .Set("ops/bindings/ssh.targets.yaml", "- just\n- a list\n")
            .Check();
        Assert.Equal(2, findings.Count(f => f.RuleId == "SPINE003"));
        Assert.DoesNotContain(findings, f => f.RuleId == "SPINE000");
    }

    [Theory]
    [InlineData("ops/bindings/gate.registry.yaml", "  - id: D22\n", "  - idd: D22\n", "idd")]
    [InlineData("ops/bindings/gate.execution.topology.yaml", "  - domain_id: network\n", "  - domain: network\n", "domain: network")]
    [InlineData("ops/bindings/ssh.targets.yaml", "    - id: \"nas\"\n", "    - name: \"nas\"\n", "name: \"nas\"")]
    public void An_entry_without_its_id_is_reported_not_skipped(string path, string find, string replace, string token)
    {
        var fixture = FixtureSpine.Own().Replace(path, find, replace);
        var findings = fixture.Check();
        var finding = Assert.Single(findings, f => f.RuleId == "SPINE003");
        Assert.Equal(fixture.Position(path, token), (finding.Span.Line, finding.Span.Column));
        Assert.Contains("has no", finding.Message);
    }
}
