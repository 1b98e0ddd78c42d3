using System;
using System.Collections.Generic;
using System.Globalization;

namespace Spine.Runtime.Proxmox;

/// <summary>
/// Parses what <c>qm</c> and <c>pct</c> print (with LC_ALL=C). Robust to empty output, long names
/// that push columns right, and pct's empty Lock column: rows are split on whitespace and the
/// header decides nothing but which line to skip.
/// </summary>
public static class ProxmoxOutput
{
    /// <summary><c>qm list</c>: <c>VMID NAME STATUS MEM(MB) BOOTDISK(GB) PID</c>.</summary>
    public static IReadOnlyList<Guest> QmList(string output)
    {
        var guests = new List<Guest>();
        foreach (var tokens in Rows(output))
        {
            if (tokens.Length >= 3 && int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                guests.Add(new Guest(id, GuestKind.Vm, tokens[1], tokens[2]));
            }
            else
            {
                throw new FormatException($"Unexpected 'qm list' row: '{string.Join(" ", tokens)}'.");
            }
        }

        return guests;
    }

    /// <summary><c>pct list</c>: <c>VMID Status Lock Name</c>; Lock is usually empty.</summary>
    public static IReadOnlyList<Guest> PctList(string output)
    {
        var guests = new List<Guest>();
        foreach (var tokens in Rows(output))
        {
            if (tokens.Length >= 3 && int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                guests.Add(new Guest(id, GuestKind.Container, tokens[tokens.Length - 1], tokens[1]));
            }
            else
            {
                throw new FormatException($"Unexpected 'pct list' row: '{string.Join(" ", tokens)}'.");
            }
        }

        return guests;
    }

    /// <summary><c>qm status ID</c> / <c>pct status ID</c>: <c>status: running</c>.</summary>
    public static string Status(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("status:", StringComparison.Ordinal))
            {
                return trimmed.Substring("status:".Length).Trim();
            }
        }

        throw new FormatException($"Unexpected status output: '{output.Trim()}'.");
    }

    private static IEnumerable<string[]> Rows(string output)
    {
        var first = true;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (first && tokens[0].Equals("VMID", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            yield return tokens;
        }
    }
}
