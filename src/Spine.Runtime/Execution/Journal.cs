using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spine.Runtime.Planning;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Execution;

/// <summary>A guest's state as the journal keeps it.</summary>
public sealed record GuestRecord(int Id, string Kind, string Name, string Status)
{
    public static GuestRecord From(Guest g) => new(g.Id, g.Kind == GuestKind.Vm ? "vm" : "ct", g.Name, g.Status);

    public Guest ToGuest() => new(Id, Kind == "vm" ? GuestKind.Vm : GuestKind.Container, Name, Status);
}

/// <summary>One remote command as sent (or, in a dry run, as it would have been).</summary>
public sealed record JournalCommand(string Host, string Command, bool Mutating, bool Sent, int? ExitCode, string? Error);

/// <summary>What happened to one plan step.</summary>
public sealed class JournalStep
{
    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    public string? Host { get; set; }

    public DateTime? Started { get; set; }

    public DateTime? Ended { get; set; }

    /// <summary>pending | ok | skipped | failed | stopped | dry-run | unreachable | interrupted</summary>
    public string Outcome { get; set; } = "pending";

    public string Detail { get; set; } = string.Empty;

    public List<JournalCommand> Commands { get; set; } = new();

    public List<GuestRecord>? GuestsBefore { get; set; }

    public List<GuestRecord>? GuestsAfter { get; set; }

    [JsonIgnore]
    public bool Finished => Outcome is "ok" or "skipped";
}

/// <summary>
/// The journal of one window, rewritten atomically (temp file + rename) after every step, so a crash
/// or Ctrl-C leaves a consistent file that --resume can continue from.
/// </summary>
public sealed class Journal
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public int Version { get; set; } = 1;

    public string Id { get; set; } = string.Empty;

    public DateTime Started { get; set; }

    public bool Execute { get; set; }

    /// <summary>running | completed | failed | stopped | interrupted</summary>
    public string Status { get; set; } = "running";

    public string Inventory { get; set; } = string.Empty;

    public string Policy { get; set; } = string.Empty;

    public WindowRequest Request { get; set; } = new(Array.Empty<string>(), WindowMode.Precheck, false, 180, false, false, 120);

    /// <summary>Per site, the guests as they were before the first shutdown step: what startup restores.</summary>
    public Dictionary<string, List<GuestRecord>> Before { get; set; } = new();

    public List<JournalStep> Steps { get; set; } = new();

    [JsonIgnore]
    public string Path { get; set; } = string.Empty;

    public static Journal Create(string directory, Plan plan, bool execute, string inventory, string policy)
    {
        Directory.CreateDirectory(directory);
        var started = DateTime.UtcNow;
        var id = $"{started:yyyyMMddTHHmmssfffZ}-{plan.Request.Mode.ToString().ToLowerInvariant()}";
        var journal = new Journal
        {
            Id = id,
            Started = started,
            Execute = execute,
            Inventory = inventory,
            Policy = policy,
            Request = plan.Request,
            Steps = plan.Steps.Select(s => new JournalStep { Id = s.Id, Kind = s.Kind.ToString(), Site = s.Site, Host = s.HostId }).ToList(),
            Path = System.IO.Path.Combine(directory, $"window-{id}.json"),
        };
        journal.Save();
        return journal;
    }

    public static Journal Load(string path)
    {
        var journal = JsonSerializer.Deserialize<Journal>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is not a Spine journal.");
        journal.Path = path;
        return journal;
    }

    public JournalStep Step(string id) => Steps.First(s => s.Id == id);

    public void Save()
    {
        var temp = Path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, Path, overwrite: true);
    }
}
