using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary>
    /// <c>ops/spine.baseline.yaml</c> (written by <c>spine baseline</c>): findings a team accepted when it adopted
    /// Spine. Each entry is keyed by rule, file and a fingerprint of the finding's YAML node path, value and message
    /// (never its line), so edits elsewhere keep it valid. Matching findings are suppressed; entries that match
    /// nothing are stale (SPINE007), so the baseline only shrinks.
    /// </summary>
    public sealed record SpineBaseline(SourceSpan Span, EquatableArray<BaselineEntry> Entries)
    {
        public const string Path = "ops/spine.baseline.yaml";

        internal static SpineBaseline Bind(YamlMapping root, BindingReader read) => new SpineBaseline(
            root.Span,
            read.Maps(root, "findings").Select(e => new BaselineEntry(
                e.Span,
                read.Str(e, "rule"),
                read.Str(e, "file"),
                read.Str(e, "path"),
                read.Str(e, "fingerprint"),
                read.Str(e, "message"))).ToEquatableArray());
    }

    /// <summary>One accepted finding. <see cref="NodePath"/> and <see cref="Message"/> are for people; the key is rule, file, fingerprint.</summary>
    public sealed record BaselineEntry(SourceSpan Span, Located<string>? Rule, Located<string>? File, Located<string>? NodePath, Located<string>? Fingerprint, Located<string>? Message);
}
