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

        /// <summary>Compiler-style text: <c>file(line,col): error SPINE137 [D137]: message</c>.</summary>
        public override string ToString()
        {
            var severity = Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "info",
            };
            var gate = GateId is null ? string.Empty : $" [{GateId}]";
            return $"{Span.File}({Span.Line},{Span.Column}): {severity} {RuleId}{gate}: {Message}";
        }
    }
}
