using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/tenant.profile.yaml</c>: the active tenant, its preset and knob overrides.</summary>
    public sealed record TenantProfile(SourceSpan Span, string Path, Located<string>? TenantId, Located<string>? Preset, EquatableArray<KnobSetting> Overrides)
    {
        public const string DefaultPath = "ops/bindings/tenant.profile.yaml";

        internal static TenantProfile Bind(string path, YamlMapping root, BindingReader read)
        {
            var identity = read.Map(root, "identity");
            var policy = read.Map(root, "policy");
            return new TenantProfile(
                root.Span,
                path,
                read.Str(identity, "tenant_id"),
                read.Str(policy, "preset"),
                KnobSetting.BindAll(read.Map(policy, "overrides")));
        }
    }
}
