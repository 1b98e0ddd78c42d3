using System.Linq;

namespace Spine.Generators
{
    /// <summary>SshTargets.g.cs: <c>SpineSshTarget</c> per target, with the binding's defaults applied.</summary>
    internal static class SshTargetsEmitter
    {
        public static string Emit(SshTargetsSpec spec, EmitOptions options)
        {
            var w = new CodeWriter("ops/bindings/ssh.targets.yaml", options);
            w.Doc("How to reach a host. HostKey is the pinned OpenSSH SHA256 fingerprint, if declared.");
            w.Type("sealed class SpineSshTarget");
            w.Line("public SpineSshTarget(string id, string host, string user, int port, int connectTimeoutSec, string? hostKey, bool optional, string[] tags, string? notes)");
            w.Open();
            w.Line("Id = id; Host = host; User = user; Port = port; ConnectTimeoutSec = connectTimeoutSec; HostKey = hostKey; Optional = optional; Tags = tags; Notes = notes;");
            w.Close();
            w.Line("public string Id { get; }");
            w.Line("public string Host { get; }");
            w.Line("public string User { get; }");
            w.Line("public int Port { get; }");
            w.Line("public int ConnectTimeoutSec { get; }");
            w.Line("public string? HostKey { get; }");
            w.Line("public bool Optional { get; }");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<string> Tags { get; }");
            w.Line("public string? Notes { get; }");
            w.Line("public override string ToString() => Id;");
            w.Close();
            w.Line();
            w.Type("static partial class SpineSshTargets");
            foreach (var t in spec.Targets)
            {
                w.Doc(t.Notes);
                w.Line($"public static SpineSshTarget {t.Identifier} {{ get; }} = new SpineSshTarget({CodeWriter.Str(t.Id)}, {CodeWriter.Str(t.Host)}, {CodeWriter.Str(t.User)}, {t.Port}, {t.ConnectTimeoutSec}, {CodeWriter.Str(t.HostKey)}, {CodeWriter.Bool(t.Optional)}, {CodeWriter.Strings(t.Tags)}, {CodeWriter.Str(t.Notes)});");
            }

            w.Line();
            w.List("public static global::System.Collections.Generic.IReadOnlyList<SpineSshTarget> All { get; } = new SpineSshTarget[]", spec.Targets.Select(t => t.Identifier));
            w.Line("public static SpineSshTarget? Find(string id) => global::System.Linq.Enumerable.FirstOrDefault(All, t => t.Id == id);");
            w.Doc("ssh.defaults.identity_file: the private key to authenticate with, unless --identity says otherwise.");
            w.Line($"public static string? DefaultIdentityFile => {CodeWriter.Str(spec.IdentityFile)};");
            w.Doc("ssh.defaults.known_hosts_file: trusted keys for targets without a pinned host_key, unless --known-hosts says otherwise.");
            w.Line($"public static string? DefaultKnownHostsFile => {CodeWriter.Str(spec.KnownHostsFile)};");
            w.Close();
            return w.ToString();
        }
    }
}
