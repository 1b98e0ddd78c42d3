namespace Spine.Model
{
    /// <summary>
    /// Where a YAML node stands: the file relative to the spine root ('/'-separated), the 0-based
    /// character offsets (for Roslyn's TextSpan) and the 1-based start and end line/column
    /// (end exclusive, as YamlDotNet marks them).
    /// </summary>
    public readonly record struct SourceSpan(
        string File, int Start, int End, int Line, int Column, int EndLine, int EndColumn)
    {
        /// <summary>The start of a file, for findings that concern a file as a whole.</summary>
        public static SourceSpan FileStart(string file) => new SourceSpan(file, 0, 0, 1, 1, 1, 1);

        /// <summary>No place in any file (a problem of the environment, such as SPINE_POLICY_PRESET).</summary>
        public static readonly SourceSpan None = new SourceSpan(string.Empty, 0, 0, 1, 1, 1, 1);

        public override string ToString() => $"{File}({Line},{Column})";
    }
}
