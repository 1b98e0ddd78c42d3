using System;
using System.Linq;
using System.Text.Json;
using Spine.Runtime.Planning;

namespace Spine.Runtime.Execution;

/// <summary>
/// The journal's schema, checked field by field before anything is read from it: every required field present and of
/// its type, the version this tool writes, known statuses and modes, option values in range. <c>{}</c> is not a journal.
/// </summary>
internal static class JournalSchema
{
    /// <summary>The first problem, as "$.Request.Sites is null; expected …", or null for a valid journal.</summary>
    public static string? Problem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"is not a Spine journal: expected an object, found {Kind(root)}";
        }

        return Version(root)
            ?? Str(root, "$", "Id", nonEmpty: true)
            ?? Date(root, "$", "Started")
            ?? Bool(root, "$", "Execute")
            ?? OneOf(root, "$", "Status", Journal.Statuses)
            ?? Str(root, "$", "Spine", nonEmpty: true)
            ?? Str(root, "$", "SpineDigest", nonEmpty: true)
            ?? Str(root, "$", "Policy")
            ?? Str(root, "$", "Operator")
            ?? Request(root)
            ?? Before(root)
            ?? Events(root)
            ?? Steps(root);
    }

    private static string? Version(JsonElement root)
    {
        if (!root.TryGetProperty("Version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version))
        {
            return "is not a Spine journal: $.Version is missing or not a number";
        }

        return version == Journal.CurrentVersion ? null : $"has version {version}; this spine writes and reads version {Journal.CurrentVersion} (finish old windows with the spine that wrote them)";
    }

    private static string? Request(JsonElement root)
    {
        if (Object(root, "$", "Request") is { } problem)
        {
            return problem;
        }

        var r = root.GetProperty("Request");
        const string at = "$.Request";
        return Array(r, at, "Sites", JsonValueKind.String, nonEmpty: true)
            ?? OneOf(r, at, "Mode", Enum.GetNames<WindowMode>())
            ?? Bool(r, at, "PowerOff")
            ?? Int(r, at, "ShutdownTimeoutSec", 1, 86400)
            ?? Bool(r, at, "SkipOobGuard")
            ?? Bool(r, at, "Approve")
            ?? Int(r, at, "ProbeDeadlineSec", 1, 86400)
            ?? Int(r, at, "HostWaitSec", 1, 86400)
            ?? Bool(r, at, "AcceptCapture")
            ?? OneOf(r, at, "Restore", Enum.GetNames<RestoreSource>())
            ?? Array(r, at, "AssumeMet", JsonValueKind.String);
    }

    private static string? Before(JsonElement root)
    {
        if (Object(root, "$", "Before") is { } problem)
        {
            return problem;
        }

        foreach (var site in root.GetProperty("Before").EnumerateObject())
        {
            var at = $"$.Before.{site.Name}";
            if (site.Value.ValueKind != JsonValueKind.Object)
            {
                return $"has {at} as {Kind(site.Value)}; expected an object";
            }

            var error = Str(site.Value, at, "Host", nonEmpty: true) ?? Date(site.Value, at, "CapturedAt") ?? Guests(site.Value, at, "Guests", required: true);
            if (error != null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Events(JsonElement root)
    {
        if (Array(root, "$", "Events", JsonValueKind.Object) is { } problem)
        {
            return problem;
        }

        var i = 0;
        foreach (var e in root.GetProperty("Events").EnumerateArray())
        {
            var at = $"$.Events[{i++}]";
            var error = Date(e, at, "At") ?? Str(e, at, "Kind", nonEmpty: true) ?? Str(e, at, "Detail");
            if (error != null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Steps(JsonElement root)
    {
        if (Array(root, "$", "Steps", JsonValueKind.Object) is { } problem)
        {
            return problem;
        }

        var i = 0;
        var ids = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var s in root.GetProperty("Steps").EnumerateArray())
        {
            var at = $"$.Steps[{i++}]";
            var error = Str(s, at, "Id", nonEmpty: true) ?? OneOf(s, at, "Kind", Enum.GetNames<StepKind>()) ?? Str(s, at, "Site") ?? Bool(s, at, "Mutating") ?? Array(s, at, "Attempts", JsonValueKind.Object);
            if (error != null)
            {
                return error;
            }

            if (!ids.Add(s.GetProperty("Id").GetString()!))
            {
                return $"names step {s.GetProperty("Id").GetString()} twice";
            }

            var j = 0;
            foreach (var a in s.GetProperty("Attempts").EnumerateArray())
            {
                var aat = $"{at}.Attempts[{j++}]";
                error = Date(a, aat, "Started")
                    ?? OneOf(a, aat, "Outcome", new[] { "running", "ok", "skipped", "failed", "stopped", "dry-run", "unreachable", "interrupted", "check-failed" })
                    ?? Str(a, aat, "Detail")
                    ?? Commands(a, aat)
                    ?? Guests(a, aat, "GuestsBefore", required: false)
                    ?? Guests(a, aat, "GuestsAfter", required: false);
                if (error != null)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static string? Commands(JsonElement attempt, string at)
    {
        if (Array(attempt, at, "Commands", JsonValueKind.Object) is { } problem)
        {
            return problem;
        }

        var i = 0;
        foreach (var c in attempt.GetProperty("Commands").EnumerateArray())
        {
            var cat = $"{at}.Commands[{i++}]";
            var error = Date(c, cat, "At") ?? Str(c, cat, "Host", nonEmpty: true) ?? Str(c, cat, "Command", nonEmpty: true) ?? Bool(c, cat, "Mutating") ?? Bool(c, cat, "Sent");
            if (error != null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Guests(JsonElement parent, string at, string name, bool required)
    {
        if (!parent.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return required ? $"has no {at}.{name}; expected a list of guests" : null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return $"has {at}.{name} as {Kind(list)}; expected a list of guests";
        }

        var i = 0;
        foreach (var g in list.EnumerateArray())
        {
            var gat = $"{at}.{name}[{i++}]";
            if (g.ValueKind != JsonValueKind.Object)
            {
                return $"has {gat} as {Kind(g)}; expected a guest";
            }

            var error = Int(g, gat, "Id", 1, int.MaxValue) ?? OneOf(g, gat, "Kind", new[] { "vm", "ct" }) ?? Str(g, gat, "Name") ?? Str(g, gat, "Status", nonEmpty: true);
            if (error != null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? Object(JsonElement parent, string at, string name) =>
        !parent.TryGetProperty(name, out var v) ? $"has no {at}.{name}" : v.ValueKind == JsonValueKind.Object ? null : $"has {at}.{name} as {Kind(v)}; expected an object";

    private static string? Array(JsonElement parent, string at, string name, JsonValueKind items, bool nonEmpty = false)
    {
        if (!parent.TryGetProperty(name, out var v))
        {
            return $"has no {at}.{name}";
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            return $"has {at}.{name} as {Kind(v)}; expected a list";
        }

        if (nonEmpty && v.GetArrayLength() == 0)
        {
            return $"has an empty {at}.{name}";
        }

        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != items)
            {
                return $"has {at}.{name}[{i}] as {Kind(item)}; expected {(items == JsonValueKind.String ? "a string" : "an object")}";
            }

            i++;
        }

        return null;
    }

    private static string? Str(JsonElement parent, string at, string name, bool nonEmpty = false)
    {
        if (!parent.TryGetProperty(name, out var v))
        {
            return $"has no {at}.{name}";
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            return $"has {at}.{name} as {Kind(v)}; expected a string";
        }

        return nonEmpty && v.GetString()!.Length == 0 ? $"has an empty {at}.{name}" : null;
    }

    private static string? Bool(JsonElement parent, string at, string name) =>
        !parent.TryGetProperty(name, out var v) ? $"has no {at}.{name}" : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"has {at}.{name} as {Kind(v)}; expected true or false";

    private static string? Int(JsonElement parent, string at, string name, int min, int max)
    {
        if (!parent.TryGetProperty(name, out var v))
        {
            return $"has no {at}.{name}";
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n))
        {
            return $"has {at}.{name} as {Kind(v)}; expected a whole number";
        }

        return n < min || n > max ? $"has {at}.{name} = {n}, outside {min}..{max}" : null;
    }

    private static string? Date(JsonElement parent, string at, string name)
    {
        if (Str(parent, at, name, nonEmpty: true) is { } problem)
        {
            return problem;
        }

        return parent.GetProperty(name).TryGetDateTime(out _) ? null : $"has {at}.{name} = '{parent.GetProperty(name).GetString()}', not a date";
    }

    private static string? OneOf(JsonElement parent, string at, string name, string[] values)
    {
        if (Str(parent, at, name, nonEmpty: true) is { } problem)
        {
            return problem;
        }

        var value = parent.GetProperty(name).GetString()!;
        return values.Contains(value, StringComparer.Ordinal) ? null : $"has {at}.{name} = '{value}' (expected one of {string.Join(", ", values)})";
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => $"the string '{e.GetString()}'",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        _ => e.GetRawText(),
    };
}
