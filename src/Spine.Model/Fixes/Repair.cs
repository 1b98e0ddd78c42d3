namespace Spine.Model.Fixes
{
    /// <summary>What kind of obvious repair a finding has (see <see cref="Repair"/>).</summary>
    public enum RepairKind
    {
        /// <summary>Add <see cref="Repair.Field"/>: <see cref="Repair.Value"/> to capability <see cref="Repair.Target"/>.</summary>
        AddCapabilityField,

        /// <summary>Add <see cref="Repair.Field"/> as a one-item list of <see cref="Repair.Value"/> to capability <see cref="Repair.Target"/>.</summary>
        AddCapabilityList,

        /// <summary>Replace the scalar at the finding's span with <see cref="Repair.Value"/>.</summary>
        ReplaceValue,

        /// <summary>Add <see cref="Repair.Value"/> to the gate registry's categories.</summary>
        DeclareCategory,

        /// <summary>Add a capability_map.yaml entry for capability <see cref="Repair.Target"/>.</summary>
        AddMapEntry,

        /// <summary>Remove the capability_map.yaml entry <see cref="Repair.Target"/>.</summary>
        RemoveMapEntry,
    }

    /// <summary>
    /// The one obvious repair a rule knows for its finding, as data (the rule knows the expected value; the fix
    /// engine knows how to edit the YAML). Findings without one may still be fixable from their kind alone
    /// (duplicate keys, quoting, "did you mean").
    /// </summary>
    public sealed record Repair(RepairKind Kind, string? Target = null, string? Field = null, string? Value = null);
}
