using System;
using System.Collections.Generic;

namespace Spine.Runtime.Proxmox;

public enum GuestKind
{
    Vm,
    Container,
}

/// <summary>A Proxmox guest as <c>qm list</c> / <c>pct list</c> report it.</summary>
public sealed record Guest(int Id, GuestKind Kind, string Name, string Status)
{
    /// <summary>Up: running, or holding its resources (paused, prelaunch); a shutdown must still act on it.</summary>
    public bool IsRunning => GuestStatus.IsUp(Status);

    public string Label => $"{Kinds.Word(Kind)} {Id}";

    public override string ToString() => $"{Label} {Name} {Status}";
}

/// <summary>The guest states Proxmox reports (qm/pct status and list). Anything else is a failure, never "not running".</summary>
public static class GuestStatus
{
    public const string Running = "running";
    public const string Stopped = "stopped";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal) { Running, Stopped, "paused", "suspended", "prelaunch" };

    public static bool IsKnown(string status) => Known.Contains(status);

    public static bool IsUp(string status) => status is Running or "paused" or "prelaunch";

    /// <summary>The status, or a FormatException naming what Proxmox printed.</summary>
    public static string Parse(string status, string what) =>
        IsKnown(status) ? status : throw new FormatException($"{what} reports the status '{status}', which Proxmox does not have (expected {string.Join(", ", Known)}).");
}

public static class Kinds
{
    public static string Word(GuestKind kind) => kind == GuestKind.Vm ? "VM" : "CT";

    public static string Tool(GuestKind kind) => kind == GuestKind.Vm ? "qm" : "pct";
}
