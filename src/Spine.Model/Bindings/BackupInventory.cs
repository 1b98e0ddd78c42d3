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
                read.Str(t, "id"),
                read.Bool(t, "enabled")?.Value ?? true,
                read.Str(t, "host"),
                read.Str(t, "base_path"),
                read.Str(t, "path"),
                read.Str(t, "storage_host"),
                read.Bool(t, "offsite"))).ToEquatableArray();
            return new BackupInventory(root.Span, root.Entry("targets")?.Key.Span, targets);
        }
    }

    /// <summary>One backup target. <see cref="Offsite"/> (a Spine extension) marks an offsite copy explicitly.</summary>
    public sealed record BackupTarget(
        SourceSpan Span,
        Located<string>? Name,
        Located<string>? Id,
        bool Enabled,
        Located<string>? Host,
        Located<string>? BasePath,
        Located<string>? PathValue,
        Located<string>? StorageHost,
        Located<bool>? Offsite)
    {
        /// <summary>The target's name, else its id (the D139 script reads <c>id</c>, the data says <c>name</c>).</summary>
        public Located<string>? Label => Name ?? Id;
    }
}
