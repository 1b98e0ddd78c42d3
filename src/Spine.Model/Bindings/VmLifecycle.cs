using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary>
    /// <c>ops/bindings/vm.lifecycle.yaml</c>: every Proxmox guest the spine tracks. The runtime reads it for what
    /// a dry run cannot ask a host: whether a guest is a VM or an LXC container. The file marks containers with
    /// <c>vm_type: lxc</c>; an entry without <c>vm_type</c> is a QEMU VM, as the file's own convention has it.
    /// Optional: a spine without it has guests of unknown kind until a host is asked.
    /// </summary>
    public sealed record VmLifecycle(SourceSpan Span, EquatableArray<TrackedGuest> Guests)
    {
        public const string Path = "ops/bindings/vm.lifecycle.yaml";

        public TrackedGuest? Find(int id) => Guests.FirstOrDefault(g => g.Id.Value == id);

        internal static VmLifecycle Bind(YamlMapping root, BindingReader read)
        {
            var defaultHost = read.Str(read.Map(root, "defaults"), "proxmox_host");
            var guests = read.Maps(root, "vms")
                .Select(v => new { Map = v, Id = read.Int(v, "id") })
                .Where(v => v.Id != null)
                .Select(v => new TrackedGuest(v.Id!.Value, read.Str(v.Map, "hostname"), read.Str(v.Map, "proxmox_host") ?? defaultHost, read.Str(v.Map, "ssh_target"), read.Str(v.Map, "status"), read.Str(v.Map, "vm_type")))
                .ToEquatableArray();
            return new VmLifecycle(root.Span, guests);
        }
    }

    /// <summary>One tracked guest: its id, name, Proxmox host, SSH target, lifecycle status and type (<c>lxc</c>, or absent for a VM).</summary>
    public sealed record TrackedGuest(Located<int> Id, Located<string>? Hostname, Located<string>? ProxmoxHost, Located<string>? SshTarget, Located<string>? Status, Located<string>? VmType)
    {
        /// <summary>True for an LXC container, false for a QEMU VM.</summary>
        public bool IsContainer => VmType?.Value is "lxc" or "ct" or "container";
    }
}
