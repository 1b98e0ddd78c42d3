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

/// <summary>What one site looked like before the window's first shutdown (or, for a startup, the journal it restores from).</summary>
public sealed record SiteCapture(string Host, DateTime CapturedAt, List<GuestRecord> Guests);

/// <summary>One remote or local command as sent (or, in a dry run, as it would have been), with what it gave.</summary>
public sealed record JournalCommand(DateTime At, string Host, string Command, bool Mutating, bool Sent, int? ExitCode, string? Output, string? Error);

/// <summary>One attempt at a step. Attempts are only ever appended: a retried step keeps what the earlier ones did.</summary>
public sealed class StepAttempt
{
    public DateTime Started { get; set; }

    public DateTime? Ended { get; set; }

    /// <summary>running | ok | skipped | failed | stopped | dry-run | unreachable | interrupted | check-failed</summary>
    public string Outcome { get; set; } = "running";

    public string Detail { get; set; } = string.Empty;

    public List<JournalCommand> Commands { get; set; } = new();

    public List<GuestRecord>? GuestsBefore { get; set; }

    public List<GuestRecord>? GuestsAfter { get; set; }
}

/// <summary>A step of the window and every attempt at it.</summary>
public sealed class JournalStep
{
    public string Id { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    public string? Host { get; set; }

    public string Summary { get; set; } = string.Empty;

    public bool Mutating { get; set; }

    public List<StepAttempt> Attempts { get; set; } = new();

    [JsonIgnore]
    public StepAttempt? Last => Attempts.Count == 0 ? null : Attempts[^1];

    [JsonIgnore]
    public string Outcome => Last?.Outcome ?? "pending";

    [JsonIgnore]
    public string Detail => Last?.Detail ?? string.Empty;

    [JsonIgnore]
    public bool Finished => Outcome is "ok" or "skipped";
}

/// <summary>Something that happened to the window as a whole: started, resumed, a lock, a signal, an assumption.</summary>
public sealed record JournalEvent(DateTime At, string Kind, string Detail);

/// <summary>
/// The journal of one window: an append-only record (events, and per step every attempt with its commands and outputs)
/// rewritten atomically after every change (a unique temp file, then rename), so a crash, a signal or a second process
/// leaves a whole file that --resume can continue from and `spine report` can show.
/// </summary>
public sealed class Journal
{
    public const int CurrentVersion = 2;

    public static readonly string[] Statuses = { "running", "completed", "failed", "stopped", "interrupted" };

    public int Version { get; set; } = CurrentVersion;

    public string Id { get; set; } = string.Empty;

    public DateTime Started { get; set; }

    public bool Execute { get; set; }

    /// <summary>running | completed | failed | stopped | interrupted</summary>
    public string Status { get; set; } = "running";

    /// <summary>Which spine (its path, or "compiled in").</summary>
    public string Spine { get; set; } = string.Empty;

    /// <summary>The maintenance data's fingerprint: a startup restores from a shutdown journal only of the same data.</summary>
    public string SpineDigest { get; set; } = string.Empty;

    public string Policy { get; set; } = string.Empty;

    /// <summary>Who ran it: user@machine.</summary>
    public string Operator { get; set; } = string.Empty;

    public WindowRequest Request { get; set; } = new(Array.Empty<string>(), WindowMode.Precheck, false, 180, false, false, 120, 900, false, RestoreSource.OwnCapture, Array.Empty<string>());

    /// <summary>Per site, the guests as they were before the first shutdown step: what a startup restores.</summary>
    public Dictionary<string, SiteCapture> Before { get; set; } = new();

    /// <summary>For a startup: the journal whose capture it restores (null for its own or for startup_order).</summary>
    public string? RestoredFrom { get; set; }

    public List<JournalEvent> Events { get; set; } = new();

    public List<JournalStep> Steps { get; set; } = new();

    [JsonIgnore]
    public string Path { get; set; } = string.Empty;

    public static Journal Create(string directory, Plan plan, bool execute, string spine, string digest, string policy)
    {
        Directory.CreateDirectory(directory);
        var started = DateTime.UtcNow;
        var id = $"{started:yyyyMMddTHHmmssfffZ}-{plan.Request.Mode.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}";
        var journal = new Journal
        {
            Id = id,
            Started = started,
            Execute = execute,
            Spine = spine,
            SpineDigest = digest,
            Policy = policy,
            Operator = $"{Environment.UserName}@{Environment.MachineName}",
            Request = plan.Request,
            Steps = plan.Steps.Select(s => new JournalStep { Id = s.Id, Kind = s.Kind.ToString(), Site = s.Site, Host = s.HostId, Summary = s.Summary, Mutating = s.Mutating }).ToList(),
            Path = System.IO.Path.Combine(directory, $"window-{id}.json"),
        };
        journal.Note("started", $"{(execute ? "executed" : "dry-run")} window, mode {plan.Request.Mode.ToString().ToLowerInvariant()}, sites {string.Join(", ", plan.Request.Sites)}, by {journal.Operator}");
        journal.Save();
        return journal;
    }

    /// <summary>Reads and validates a journal; an unreadable or invalid one is a <see cref="JournalException"/> naming the path and the problem.</summary>
    public static Journal Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new JournalException(path, "is a folder, not a journal file (give the window-….json file)");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JournalException(path, "cannot be read: " + ex.Message);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new JournalException(path, "is not JSON: " + ex.Message);
        }

        using (document)
        {
            if (JournalSchema.Problem(document.RootElement) is { } problem)
            {
                throw new JournalException(path, problem);
            }
        }

        var journal = JsonSerializer.Deserialize(text, JournalJson.Default.Journal) ?? throw new JournalException(path, "is empty");
        journal.Path = path;
        return journal;
    }

    public JournalStep Step(string id) => Steps.First(s => s.Id == id);

    public void Note(string kind, string detail) => Events.Add(new JournalEvent(DateTime.UtcNow, kind, detail));

    /// <summary>Writes the whole journal to a uniquely named temp file, then renames it over the journal (atomic on one file system).</summary>
    public void Save()
    {
        var temp = $"{Path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(this, JournalJson.Default.Journal));
            File.Move(temp, Path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A journal that cannot be used: its path and what is wrong with it.</summary>
public sealed class JournalException : Exception
{
    public JournalException(string path, string problem)
        : base($"journal {path} {problem}")
    {
    }
}

/// <summary>System.Text.Json, source-generated (no reflection: the tool is published ahead of time).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(Journal))]
internal sealed partial class JournalJson : JsonSerializerContext
{
}
