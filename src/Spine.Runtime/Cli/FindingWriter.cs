using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Spine.Model;

namespace Spine.Runtime.Cli;

/// <summary>Prints findings like a compiler (text) or as the documented JSON shape.</summary>
internal static class FindingWriter
{
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    public static void WriteText(TextWriter output, IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }
    }

    public static void WriteJson(Stream output, IReadOnlyList<Finding> findings)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("findings");
        foreach (var f in findings)
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

            json.WriteString("severity", SeverityName(f.Severity));
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
