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
            var devices = read.Maps(root, "devices").Select(d => new Device(
                d.Span,
                read.Required(d, "id", "A device"),
                read.Str(d, "name"),
                read.Str(d, "ip"),
                read.Str(d, "mac"),
                read.Str(d, "category"),
                read.Str(d, "role"),
                read.Str(d, "status"),
                read.Int(d, "vm_id"))).ToEquatableArray();
            return new HomeDeviceRegistry(root.Span, root.Entry("devices")?.Key.Span, devices);
        }
    }

    public sealed record Device(
        SourceSpan Span,
        Located<string>? Id,
        Located<string>? Name,
        Located<string>? Ip,
        Located<string>? Mac,
        Located<string>? Category,
        Located<string>? Role,
        Located<string>? Status,
        Located<int>? VmId);
}
