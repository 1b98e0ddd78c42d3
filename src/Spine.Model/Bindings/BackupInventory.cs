using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/backup.inventory.yaml</c>: where backups land and how fresh they must be.</summary>
    public sealed record BackupInventory(SourceSpan Span, SourceSpan? TargetsKey, EquatableArray<BackupTarget> Targets)
    {
        public const string Path = "ops/bindings/backup.inventory.yaml";

        internal static BackupInventory Bind(YamlMapping root, BindingReader read)
        {
            var targets = read.Maps(root, "targets").Select(t => new BackupTarget(
                t.Span,
                read.Str(t, "name"),
                read.Bool(t, "enabled")?.Value ?? true,
                read.Str(t, "kind"),
                read.Str(t, "host"),
                read.Str(t, "base_path"),
                read.Str(t, "glob"),
                read.Int(t, "stale_after_hours"),
                read.Str(t, "classification"),
                read.Bool(t, "offsite"))).ToEquatableArray();
            return new BackupInventory(root.Span, root.Entry("targets")?.Key.Span, targets);
        }
    }

    /// <summary>One backup target. <see cref="Offsite"/> (a Spine extension) marks an offsite copy explicitly.</summary>
    public sealed record BackupTarget(
        SourceSpan Span,
        Located<string>? Name,
        bool Enabled,
        Located<string>? Kind,
        Located<string>? Host,
        Located<string>? BasePath,
        Located<string>? Glob,
        Located<int>? StaleAfterHours,
        Located<string>? Classification,
        Located<bool>? Offsite);
}
