namespace Spine.Model
{
    /// <summary>A value read from YAML together with the span of the node it came from.</summary>
    public readonly record struct Located<T>(T Value, SourceSpan Span)
    {
        public override string ToString() => Value?.ToString() ?? string.Empty;
    }
}
