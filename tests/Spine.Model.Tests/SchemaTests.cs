using System.Linq;
using Spine.Model;
using Spine.TestSupport;
using Xunit;

namespace Spine.Model.Tests;

/// <summary>
/// The model types strictly only what Spine uses; a field the real data writes in two shapes is read in both; a shape
/// that really is wrong is one finding per container that names the value found and how to fix it.
/// </summary>
public class SchemaTests
{
    private const string Caps = "ops/capabilities.yaml";
    private const string Window = "  infra.maintenance.window:\n";

    [Fact]
    public void Args_as_plain_strings_as_mappings_or_both_are_accepted()
    {
        var spine = FixtureSpine.Own().Replace(Caps, Window, Window + "    args:\n      - \"--json\"\n      - name: site\n        required: true\n      - --dry-run\n");
        Assert.Empty(spine.Check());
    }

    [Fact]
    public void Fields_spine_does_not_use_are_not_typed()
    {
        var spine = FixtureSpine.Own().Replace(Caps, Window, Window + "    notes: [a, b]\n    post_action: 5\n    touches_api: maybe\n    implementation_path: {x: y}\n    produces_files: text\n");
        Assert.Empty(spine.Check());
    }

    [Fact]
    public void Wrong_items_of_a_list_are_one_finding_that_shows_the_first_and_points_at_all()
    {
        var spine = FixtureSpine.Own().Replace(Caps, "    requires:\n      - ssh.target.status\n    outputs: [\"stdout\"]\n  infra.proxmox.node_path.migrate:", "    requires:\n      - ssh.target.status\n      - [a, b]\n      - {c: [d]}\n      - [e]\n    outputs: [\"stdout\"]\n  infra.proxmox.node_path.migrate:");
        var finding = Assert.Single(spine.Check());
        Assert.Equal("SPINE003", finding.RuleId);
        Assert.Equal("3 items of 'requires' are not scalars; the first is the sequence [a, b].", finding.Message);
        Assert.Equal(spine.Position(Caps, "[a, b]"), (finding.Span.Line, finding.Span.Column));
        Assert.Equal(2, finding.Related.Count);
    }

    [Fact]
    public void A_plain_scalar_that_yaml_reads_as_a_mapping_gets_a_quoting_hint()
    {
        var spine = FixtureSpine.Own().Replace(Caps, "    requires:\n      - ssh.target.status\n    outputs: [\"stdout\"]\n  infra.proxmox.node_path.migrate:", "    requires:\n      - ssh.target.status\n      - reachable: over ssh\n    outputs: [\"stdout\"]\n  infra.proxmox.node_path.migrate:");
        var finding = Assert.Single(spine.Check());
        Assert.Equal("SPINE003", finding.RuleId);
        Assert.Contains("found the mapping {reachable: over ssh}", finding.Message);
        Assert.Contains("YAML reads the plain text `reachable: over ssh` as a key and a value because of ': '; if it is text, quote it: \"reachable: over ssh\".", finding.Message);
    }

    [Theory]
    [InlineData("\nversion: 2\n", "\nversion: three\n", "Expected an integer for 'version', found the scalar 'three'.")]
    [InlineData("sites: [shop, home]", "sites: shop", "Expected a sequence for 'sites', found the scalar 'shop'.")]
    [InlineData("sites: [shop, home]", "sites: {shop: 1, home: 2}", "Expected a sequence for 'sites', found the mapping {shop: 1, home: 2}.")]
    public void A_wrong_type_names_the_value_found(string find, string replace, string message)
    {
        var spine = FixtureSpine.Own().Replace("ops/bindings/startup.sequencing.yaml", find, replace);
        Assert.Contains(spine.Check(), f => f.RuleId == "SPINE003" && f.Message == message);
    }

    [Fact]
    public void A_long_value_is_cut_in_the_message()
    {
        var spine = FixtureSpine.Own().Replace("ops/bindings/startup.sequencing.yaml", "sites: [shop, home]", "sites: \"" + new string('x', 200) + "\"");
        var finding = Assert.Single(spine.Check(), f => f.RuleId == "SPINE003");
        Assert.True(finding.Message.Length < 140, finding.Message);
        Assert.Contains("…", finding.Message);
    }
}
