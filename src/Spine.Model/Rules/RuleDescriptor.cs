namespace Spine.Model
{
    /// <summary>The families of rules; the analyzer uses them as diagnostic categories.</summary>
    public static class RuleFamily
    {
        public const string Loading = "Spine.Loading";
        public const string Baseline = "Spine.Baseline";
        public const string Capabilities = "Spine.Capabilities";
        public const string Maintenance = "Spine.Maintenance";
        public const string Topology = "Spine.Topology";
        public const string Registry = "Spine.Registry";
        public const string References = "Spine.References";
        public const string Policy = "Spine.Policy";
        public const string Build = "Spine.Build";
        public const string Generator = "Spine.Generator";
    }

    /// <summary>
    /// What a rule is: a stable id, a title, its family, default severity, the spine gate it enforces
    /// (if any) and one sentence on what it checks (the help page says more).
    /// </summary>
    public sealed record RuleDescriptor(string Id, string Title, string Family, Severity DefaultSeverity, string? GateId, string Summary)
    {
        /// <summary>The bindings a gate rule reads: when one is missing or unreadable, the compiled gate fails.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Inputs { get; init; } = System.Array.Empty<string>();

        /// <summary>Findings of these rules concern the spine as read, not drift: no policy makes them warnings, no baseline hides them.</summary>
        public bool IsUnreadableSpine => Id is "SPINE001" or "SPINE004";

        public Finding At(SourceSpan span, string message) => new Finding(Id, GateId, DefaultSeverity, span, message);

        public Finding At(SourceSpan span, string message, params SourceSpan[] related) =>
            new Finding(Id, GateId, DefaultSeverity, span, message, related.ToEquatableArray());

        public Finding At(Severity severity, SourceSpan span, string message) => new Finding(Id, GateId, severity, span, message);
    }
}
