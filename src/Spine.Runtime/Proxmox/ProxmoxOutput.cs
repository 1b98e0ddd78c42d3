using System;
using System.Collections.Generic;
using System.Globalization;

namespace Spine.Runtime.Proxmox;

/// <summary>
/// Parses what <c>qm</c> and <c>pct</c> print (with LC_ALL=C). Robust to empty output, long names that push columns
/// right, and pct's empty Lock column: rows are split on whitespace and the header decides nothing but which line to
/// skip. Strict about meaning: a row that is not a guest, or a status Proxmox does not have, is a FormatException.
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
                guests.Add(new Guest(id, GuestKind.Vm, tokens[1], GuestStatus.Parse(tokens[2], $"qm list (VM {id})")));
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
                guests.Add(new Guest(id, GuestKind.Container, tokens[^1], GuestStatus.Parse(tokens[1], $"pct list (CT {id})")));
            }
            else
            {
                throw new FormatException($"Unexpected 'pct list' row: '{string.Join(" ", tokens)}'.");
            }
        }

        return guests;
    }

    /// <summary><c>qm status ID</c> / <c>pct status ID</c>: <c>status: running</c>.</summary>
    public static string Status(string output, string what)
    {
        foreach (var line in output.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("status:", StringComparison.Ordinal))
            {
                return GuestStatus.Parse(trimmed["status:".Length..].Trim(), what);
            }
        }

        throw new FormatException($"Unexpected {what} output: '{output.Trim()}'.");
    }

    /// <summary>Whether a failed status command says the guest does not exist (Proxmox: "Configuration file … does not exist").</summary>
    public static bool SaysMissing(string error) =>
        error.Contains("does not exist", StringComparison.Ordinal) || error.Contains("no such", StringComparison.OrdinalIgnoreCase);

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
