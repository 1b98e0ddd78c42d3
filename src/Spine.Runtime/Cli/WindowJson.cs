using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Runtime.Execution;
using Spine.Runtime.Planning;

namespace Spine.Runtime.Cli;

/// <summary>The window's plan and outcome as JSON: exit code, status, journal, and per step what it did.</summary>
internal static class WindowJson
{
    public static void Write(TextWriter stdout, int code, bool execute, Journal journal, string policy, Plan plan)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("exitCode", code);
            w.WriteBoolean("execute", execute);
            w.WriteString("status", journal.Status);
            w.WriteString("journal", journal.Path);
            w.WriteString("policy", policy);
            w.WriteStartArray("unchecked");
            foreach (var u in plan.Unchecked)
            {
                w.WriteStartObject();
                w.WriteString("capability", u.Capability);
                w.WriteString("reason", u.Reason);
                w.WriteBoolean("assumedMet", plan.Request.AssumeMet.Contains(u.Capability));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("steps");
            foreach (var s in plan.Steps)
            {
                var r = journal.Step(s.Id);
                w.WriteStartObject();
                w.WriteString("id", s.Id);
                w.WriteString("kind", s.Kind.ToString());
                w.WriteString("site", s.Site);
                w.WriteString("host", s.HostId);
                w.WriteString("capability", s.Capability);
                w.WriteBoolean("mutating", s.Mutating);
                w.WriteString("summary", s.Summary);
                w.WriteString("outcome", r.Outcome);
                w.WriteString("detail", r.Detail);
                w.WriteNumber("attempts", r.Attempts.Count);
                w.WriteStartArray("commands");
                foreach (var c in r.Last?.Commands ?? Enumerable.Empty<JournalCommand>())
                {
                    w.WriteStartObject();
                    w.WriteString("host", c.Host);
                    w.WriteString("command", c.Command);
                    w.WriteBoolean("mutating", c.Mutating);
                    w.WriteBoolean("sent", c.Sent);
                    if (c.ExitCode is { } exit)
                    {
                        w.WriteNumber("exitCode", exit);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
