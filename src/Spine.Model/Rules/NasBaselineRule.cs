using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE139 (D139, script <c>d139-nas-baseline-coverage.sh</c> at 0d71a402): the device registry has the NAS
    /// (id <c>nas</c>) with an <c>ip</c> and a <c>role</c>; the backup inventory has at least one NAS target and at
    /// least one offsite target.
    /// <para>
    /// A NAS target is one whose <c>base_path</c> or <c>path</c> lies under a NAS path prefix, whose <c>host</c> or
    /// <c>storage_host</c> is a NAS host, or whose name/id/host/storage_host contains a NAS marker. An offsite target
    /// says <c>offsite: true</c> or has the offsite marker in its name or id. Like the script, disabled targets
    /// count unless <c>require_enabled: true</c>. Unlike the script, a word in a comment counts for nothing: the
    /// script's last resort (grep the whole file for nas|synology|/volume1, or offsite) is not reproduced.
    /// </para>
    /// <para>
    /// Parameters (the D139 registry entry's <c>rule:</c> block): <c>nas_device_id</c> (nas), <c>nas_path_prefixes</c>
    /// (/volume1/), <c>nas_hosts</c> (the NAS device id), <c>nas_markers</c> (nas, synology), <c>offsite_marker</c>
    /// (offsite), <c>require_enabled</c> (false).
    /// </para>
    /// </summary>
    internal sealed class NasBaselineRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.NasBaseline;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            var parameters = workspace.Registry?.Find(Descriptor.GateId!)?.Rule ?? RuleParameters.None;
            var nasId = parameters.First("nas_device_id") ?? "nas";
            var prefixes = parameters.Get("nas_path_prefixes")?.Select(v => v.Value).ToList() ?? new List<string> { "/volume1/" };
            var nasHosts = Names.Set(parameters.Get("nas_hosts")?.Select(v => v.Value) ?? new[] { nasId });
            var markers = parameters.Get("nas_markers")?.Select(v => v.Value).ToList() ?? new List<string> { "nas", "synology" };
            var offsiteMarker = parameters.First("offsite_marker") ?? "offsite";
            var requireEnabled = parameters.First("require_enabled") == "true";

            if (workspace.Devices is { } devices)
            {
                var nas = devices.Find(nasId);
                if (nas is null)
                {
                    yield return Descriptor.At(devices.DevicesKey ?? devices.Span, $"NAS device entry (id={nasId}) missing from {HomeDeviceRegistry.Path}.");
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(nas.Ip?.Value))
                    {
                        yield return Descriptor.At(nas.Id!.Value.Span, $"NAS device '{nasId}' is missing its 'ip'.");
                    }

                    if (string.IsNullOrWhiteSpace(nas.Role?.Value))
                    {
                        yield return Descriptor.At(nas.Id!.Value.Span, $"NAS device '{nasId}' is missing its 'role'.");
                    }
                }
            }

            if (workspace.Backups is { } backups)
            {
                var counted = backups.Targets.Where(t => t.Enabled || !requireEnabled).ToList();
                bool Contains(Located<string>? value, string marker) => value?.Value.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0;
                var onNas = counted.Any(t =>
                    new[] { t.BasePath, t.PathValue }.Any(p => p is { } v && prefixes.Any(x => v.Value.StartsWith(x, StringComparison.Ordinal))) ||
                    new[] { t.Host, t.StorageHost }.Any(h => h is { } v && nasHosts.Contains(v.Value)) ||
                    markers.Any(m => Contains(t.Name, m) || Contains(t.Id, m) || Contains(t.Host, m) || Contains(t.StorageHost, m)));
                var what = requireEnabled ? "enabled " : string.Empty;
                if (!onNas)
                {
                    yield return Descriptor.At(backups.TargetsKey ?? backups.Span, $"No {what}NAS backup target in {BackupInventory.Path} (a path under {string.Join(" or ", prefixes)}, host {Names.List(nasHosts)}, or {string.Join("/", markers)} in its name).");
                }

                var offsite = counted.Any(t => t.Offsite?.Value == true || (t.Offsite is null && (Contains(t.Name, offsiteMarker) || Contains(t.Id, offsiteMarker))));
                if (!offsite)
                {
                    yield return Descriptor.At(backups.TargetsKey ?? backups.Span, $"No {what}offsite backup target in {BackupInventory.Path} (offsite: true, or '{offsiteMarker}' in its name).");
                }
            }
        }
    }
}
