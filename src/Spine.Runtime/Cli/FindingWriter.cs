using System.IO;
using System.Text.Json;
using Spine.Model;
using Spine.Model.Checking;

namespace Spine.Runtime.Cli;

/// <summary>Writes findings as the documented JSON shape: <c>{"files":N,"policy":…,"baselined":N,"findings":[…]}</c>.</summary>
internal static class FindingWriter
{
    public static void WriteJson(Stream output, CheckReport report, int files)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("files", files);
        json.WriteString("policy", report.Policy?.Preset);
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteNumber("baselined", report.Baselined);
        json.WriteStartArray("findings");
        foreach (var f in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", f.RuleId);
            if (f.GateId is null)
            {
                json.WriteNull("gate");
            }
            else
            {
                json.WriteString("gate", f.GateId);
            }

            json.WriteString("severity", Finding.SeverityName(f.Severity));
            json.WriteString("file", f.Span.File);
            json.WriteNumber("line", f.Span.Line);
            json.WriteNumber("column", f.Span.Column);
            json.WriteNumber("endLine", f.Span.EndLine);
            json.WriteNumber("endColumn", f.Span.EndColumn);
            json.WriteString("message", f.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
