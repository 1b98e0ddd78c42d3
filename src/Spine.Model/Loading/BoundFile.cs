namespace Spine.Model.Loading
{
    /// <summary>
    /// One file after parsing and binding: a value (so the incremental generator can cache it per file).
    /// <see cref="Binding"/> is the typed binding record when the file is a modelled one, else null.
    /// </summary>
    public sealed record BoundFile(string Path, bool Parsed, object? Binding, EquatableArray<Finding> Findings);
}
