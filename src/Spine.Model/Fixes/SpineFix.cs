using System.Collections.Generic;

namespace Spine.Model.Fixes
{
    /// <summary>One edit of one file: replace <see cref="Length"/> characters at <see cref="Start"/> with <see cref="NewText"/>.</summary>
    public sealed record TextChange(string File, int Start, int Length, string NewText);

    /// <summary>
    /// A repair of one finding: its title (what the IDE's light bulb and <c>spine fix</c> say), the key that groups the same
    /// kind of fix for Fix All, and its edits (the smallest that keep the file's comments, order and indentation).
    /// </summary>
    public sealed record SpineFix(string Title, string EquivalenceKey, Finding Finding, IReadOnlyList<TextChange> Changes);
}
