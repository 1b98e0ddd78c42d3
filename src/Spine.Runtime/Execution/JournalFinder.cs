using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Runtime.Inventory;
using Spine.Runtime.Planning;

namespace Spine.Runtime.Execution;

/// <summary>Finds the journal a startup restores from: the latest executed shutdown of the same sites, hosts and maintenance data.</summary>
public static class JournalFinder
{
    public static Journal? LatestShutdown(string directory, IReadOnlyList<string> sites, MaintenanceInventory inventory)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        var candidates = new List<Journal>();
        foreach (var path in Directory.EnumerateFiles(directory, "window-*.json"))
        {
            try
            {
                candidates.Add(Journal.Load(path));
            }
            catch (JournalException)
            {
                // Not one to restore from; a journal named on the command line is checked and reported instead.
            }
        }

        return candidates
            .Where(j => j.Execute && j.Request.Mode is WindowMode.Shutdown or WindowMode.Full && j.SpineDigest == inventory.Digest)
            .Where(j => sites.All(site => j.Before.TryGetValue(site, out var c) && c.Host == inventory.Site(site)?.HostId))
            .OrderByDescending(j => j.Started)
            .FirstOrDefault();
    }
}
