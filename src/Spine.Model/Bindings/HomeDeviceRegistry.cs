using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/bindings/home.device.registry.yaml</c>: the devices of the home network (D139 reads the NAS).</summary>
    public sealed record HomeDeviceRegistry(SourceSpan Span, SourceSpan? DevicesKey, EquatableArray<Device> Devices)
    {
        public const string Path = "ops/bindings/home.device.registry.yaml";

        public Device? Find(string id) => Devices.FirstOrDefault(d => d.Id?.Value == id);

        internal static HomeDeviceRegistry Bind(YamlMapping root, BindingReader read)
        {
            // Only the NAS is read (D139): a device is its id, ip and role; the rest is not typed.
            var devices = read.Maps(root, "devices").Select(d => new Device(d.Span, read.Str(d, "id"), read.Str(d, "ip"), read.Str(d, "role"))).ToEquatableArray();
            return new HomeDeviceRegistry(root.Span, root.Entry("devices")?.Key.Span, devices);
        }
    }

    public sealed record Device(SourceSpan Span, Located<string>? Id, Located<string>? Ip, Located<string>? Role);
}
