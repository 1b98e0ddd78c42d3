using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/ssh.targets.yaml</c>: how to reach each host; <c>host_key</c> pins its key.</summary>
    public sealed record SshTargets(SourceSpan Span, SshDefaults Defaults, EquatableArray<SshTarget> Targets)
    {
        public const string Path = "ops/bindings/ssh.targets.yaml";

        /// <summary>What <c>ssh-keygen -lf</c> prints for a key: <c>SHA256:</c> and unpadded base64 of 32 bytes.</summary>
        public static readonly System.Text.RegularExpressions.Regex HostKeyPattern =
            new System.Text.RegularExpressions.Regex("^SHA256:[A-Za-z0-9+/]{43}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public SshTarget? Find(string id) => Targets.FirstOrDefault(t => t.Id.Value == id);

        // A target's own value, else ssh.defaults, else OpenSSH's.
        public string UserOf(SshTarget target) => target.User?.Value ?? Defaults.User?.Value ?? "root";

        public int PortOf(SshTarget target) => target.Port?.Value ?? Defaults.Port?.Value ?? 22;

        public int ConnectTimeoutOf(SshTarget target) => target.ConnectTimeoutSec?.Value ?? Defaults.ConnectTimeoutSec?.Value ?? 5;

        internal static SshTargets Bind(YamlMapping root, BindingReader read)
        {
            var ssh = read.Map(root, "ssh");
            var d = read.Map(ssh, "defaults");
            var defaults = new SshDefaults(
                read.Str(d, "user"),
                read.Int(d, "port"),
                read.Int(d, "connect_timeout_sec"),
                read.Str(d, "identity_file"),
                read.Str(d, "known_hosts_file"));

            var targets = read.Maps(ssh, "targets")
                .Select(t => new { Map = t, Id = read.Required(t, "id", "An SSH target") })
                .Where(t => t.Id != null)
                .Select(t => new SshTarget(
                    t.Id!.Value,
                    read.Str(t.Map, "host"),
                    read.Str(t.Map, "user"),
                    read.Int(t.Map, "port"),
                    read.Int(t.Map, "connect_timeout_sec"),
                    read.Matching(t.Map, "host_key", HostKeyPattern, "an OpenSSH fingerprint (SHA256: and 43 base64 characters)"),
                    read.Str(t.Map, "probe_via"),
                    read.Bool(t.Map, "optional")?.Value ?? false,
                    read.StrList(t.Map, "tags"),
                    read.Str(t.Map, "notes")))
                .ToEquatableArray();
            return new SshTargets(root.Span, defaults, targets);
        }
    }

    public sealed record SshDefaults(
        Located<string>? User,
        Located<int>? Port,
        Located<int>? ConnectTimeoutSec,
        Located<string>? IdentityFile,
        Located<string>? KnownHostsFile);

    public sealed record SshTarget(
        Located<string> Id,
        Located<string>? Host,
        Located<string>? User,
        Located<int>? Port,
        Located<int>? ConnectTimeoutSec,
        Located<string>? HostKey,
        Located<string>? ProbeVia,
        bool Optional,
        EquatableArray<Located<string>> Tags,
        Located<string>? Notes)
    {
        public SourceSpan Span => Id.Span;
    }
}
