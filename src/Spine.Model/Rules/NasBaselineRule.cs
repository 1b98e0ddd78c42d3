using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>
    /// SPINE139 (D139): the NAS is in the home device registry with an ip and a role, and the backup
    /// inventory has at least one enabled NAS target and one enabled offsite target.
    /// <para>
    /// Parameters (the D139 registry entry's <c>rule:</c> block) with the seed's defaults:
    /// <c>nas_device_id</c> (<c>nas</c>), <c>nas_path_prefixes</c> (<c>/volume1/</c>), <c>nas_hosts</c> (the NAS
    /// device id), <c>offsite_marker</c> (<c>offsite</c>: a target whose name contains it, or that says
    /// <c>offsite: true</c>, is offsite).
    /// </para>
    /// </summary>
    internal sealed class NasBaselineRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.NasBaseline;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            var parameters = workspace.Registry?.Find(Descriptor.GateId!)?.Rule ?? RuleParameters.None;
            var nasId = parameters.Get("nas_device_id") is { Count: > 0 } ids ? ids[0].Value : "nas";
            var prefixes = parameters.Get("nas_path_prefixes")?.Select(v => v.Value).ToList() ?? new List<string> { "/volume1/" };
            var nasHosts = Names.Set(parameters.Get("nas_hosts")?.Select(v => v.Value) ?? new[] { nasId });
            var marker = parameters.Get("offsite_marker") is { Count: > 0 } m ? m[0].Value : "offsite";

            if (workspace.Devices is { } devices)
            {
                var nas = devices.Find(nasId);
                if (nas is null)
                {
                    yield return Descriptor.At(devices.DevicesKey ?? devices.Span, $"The device registry has no device with id '{nasId}' (the NAS).");
                }
                else
                {
                    if (string.IsNullOrWhiteSpace(nas.Ip?.Value))
                    {
                        yield return Descriptor.At(nas.Id!.Value.Span, $"Device '{nasId}' has no 'ip'.");
                    }

                    if (string.IsNullOrWhiteSpace(nas.Role?.Value))
                    {
                        yield return Descriptor.At(nas.Id!.Value.Span, $"Device '{nasId}' has no 'role'.");
                    }
                }
            }

            if (workspace.Backups is { } backups)
            {
                var enabled = backups.Targets.Where(t => t.Enabled).ToList();
                var onNas = enabled.Any(t =>
                    (t.BasePath is { } p && prefixes.Any(x => p.Value.StartsWith(x, StringComparison.Ordinal))) ||
                    (t.Host is { } h && nasHosts.Contains(h.Value)));
                if (!onNas)
                {
                    yield return Descriptor.At(backups.TargetsKey ?? backups.Span, $"No enabled backup target lands on the NAS (a base_path under {string.Join(" or ", prefixes)} or host {Names.List(nasHosts)}).");
                }

                var offsite = enabled.Any(t => t.Offsite?.Value == true || (t.Offsite is null && t.Name?.Value.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0));
                if (!offsite)
                {
                    yield return Descriptor.At(backups.TargetsKey ?? backups.Span, $"No enabled offsite backup target (offsite: true, or '{marker}' in its name).");
                }
            }
        }
    }
}
