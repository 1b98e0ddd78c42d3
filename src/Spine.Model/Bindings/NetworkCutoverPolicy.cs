using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary>
    /// <c>ops/bindings/network.cutover.policy.yaml</c> (Spine's design of the seed's OOB guard): the
    /// out-of-band endpoints (iDRAC, switch, gateway) that must answer before a site is shut down,
    /// so that the operator can still reach the hardware once the hypervisor is off.
    /// <code>
    /// oob_guard:
    ///   sites: [shop]
    ///   timeout_sec: 3
    ///   endpoints:
    ///     - id: idrac-shop
    ///       host: 127.0.0.10
    ///       port: 443
    /// </code>
    /// </summary>
    public sealed record NetworkCutoverPolicy(SourceSpan Span, OobGuard? OobGuard)
    {
        public const string Path = "ops/bindings/network.cutover.policy.yaml";

        /// <summary>How long an endpoint may take to accept when the policy says nothing.</summary>
        public const int DefaultTimeoutSec = 3;

        internal static NetworkCutoverPolicy Bind(YamlMapping root, BindingReader read)
        {
            var g = read.Map(root, "oob_guard");
            var guard = g is null
                ? null
                : new OobGuard(
                    BindingReader.KeySpan(root, "oob_guard"),
                    read.StrList(g, "sites"),
                    read.Int(g, "timeout_sec"),
                    read.Maps(g, "endpoints").Select(e => new OobEndpoint(
                        e.Span,
                        read.Str(e, "id"),
                        read.Str(e, "host"),
                        read.Int(e, "port"),
                        read.Str(e, "description"))).ToEquatableArray());
            return new NetworkCutoverPolicy(root.Span, guard);
        }
    }

    public sealed record OobGuard(SourceSpan Span, EquatableArray<Located<string>> Sites, Located<int>? TimeoutSec, EquatableArray<OobEndpoint> Endpoints);

    /// <summary>An endpoint that must accept a TCP connection for the guard to pass.</summary>
    public sealed record OobEndpoint(SourceSpan Span, Located<string>? Id, Located<string>? Host, Located<int>? Port, Located<string>? Description);
}
