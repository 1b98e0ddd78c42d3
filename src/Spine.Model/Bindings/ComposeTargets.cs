using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/docker.compose.targets.yaml</c>: the compose stacks on each host.</summary>
    public sealed record ComposeTargets(SourceSpan Span, EquatableArray<ComposeTarget> Targets)
    {
        public const string Path = "ops/bindings/docker.compose.targets.yaml";

        internal static ComposeTargets Bind(YamlMapping root, BindingReader read)
        {
            var targets = new List<ComposeTarget>();
            foreach (var entry in read.Entries(root, "targets"))
            {
                var t = read.Map(entry.Value, $"compose target '{entry.Key.Value}'");
                targets.Add(new ComposeTarget(
                    new Located<string>(entry.Key.Value, entry.Key.Span),
                    read.Str(t, "ssh_target"),
                    read.Int(t, "connect_timeout_sec"),
                    read.Bool(t, "enabled")?.Value ?? true,
                    read.Maps(t, "stacks").Select(s => new ComposeStack(s.Span, read.Str(s, "name"), read.Str(s, "path"))).ToEquatableArray()));
            }

            return new ComposeTargets(root.Span, targets.ToEquatableArray());
        }
    }

    public sealed record ComposeTarget(
        Located<string> Id,
        Located<string>? SshTarget,
        Located<int>? ConnectTimeoutSec,
        bool Enabled,
        EquatableArray<ComposeStack> Stacks)
    {
        public SourceSpan Span => Id.Span;
    }

    public sealed record ComposeStack(SourceSpan Span, Located<string>? Name, Located<string>? Path);
}
