namespace Spine.Model
{
    public enum Severity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>
    /// One problem in a spine: which rule found it, the spine gate it enforces (if any), where it is
    /// and what is wrong. <see cref="Related"/> holds further locations (the first occurrence of a
    /// duplicate, the other members of a cycle).
    /// </summary>
    public sealed record Finding(
        string RuleId,
        string? GateId,
        Severity Severity,
        SourceSpan Span,
        string Message,
        EquatableArray<SourceSpan> Related)
    {
        public Finding(string ruleId, string? gateId, Severity severity, SourceSpan span, string message)
            : this(ruleId, gateId, severity, span, message, EquatableArray<SourceSpan>.Empty)
        {
        }

        /// <summary>The item the finding is about (a capability, a map entry), where a gate's script names items too: parity compares them.</summary>
        public string? Subject { get; init; }

        public Finding About(string subject) => this with { Subject = subject };

        /// <summary>The obvious repair, when the rule knows one (code fixes and <c>spine fix</c> apply it).</summary>
        public Fixes.Repair? Repair { get; init; }

        public Finding Repairable(Fixes.Repair repair) => this with { Repair = repair };

        /// <summary>Whether the finding has a place in a file (a policy problem from the environment has none).</summary>
        public bool HasLocation => Span.File.Length > 0;

        /// <summary>The message as the compiler prints it: the gate first, <c>[D137] …</c>.</summary>
        public string Text => GateId is null ? Message : $"[{GateId}] {Message}";

        /// <summary>Compiler-style text, the same in the build and the CLI: <c>file(line,col): error SPINE137: [D137] message</c>.</summary>
        public override string ToString()
        {
            var where = HasLocation ? $"{Span.File}({Span.Line},{Span.Column}): " : "spine: ";
            return $"{where}{SeverityName(Severity)} {RuleId}: {Text}";
        }

        public static string SeverityName(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };

        public Finding WithSeverity(Severity severity) => severity == Severity ? this : this with { Severity = severity };
    }
}
