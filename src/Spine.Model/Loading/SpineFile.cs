namespace Spine.Model.Loading
{
    /// <summary>One YAML file of a spine: its path relative to the spine root ('/'-separated) and its text.</summary>
    public sealed record SpineFile(string Path, string Text);
}
