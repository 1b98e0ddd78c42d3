using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Model.Policy;

namespace Spine.Runtime.Cli;

/// <summary><c>spine policy show [--json]</c>: the resolved knobs and where each came from.</summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var root = CommonOptions.Root();
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var show = new Command("show", "Print the resolved policy: SPINE_POLICY_PRESET, else SPINE_TENANT_PROFILE, else the spine's tenant profile, else balanced.") { root, json };
        show.SetAction(p => Show(p.GetValue(root), p.GetValue(json), Console.Out, Console.Error));
        return new Command("policy", "Policy presets and knobs.") { show };
    }

    public static int Show(string? rootOption, bool json, TextWriter output, TextWriter error)
    {
        var session = SpineSession.Open(rootOption, error);
        if (session is null)
        {
            return ExitCodes.Stop;
        }

        ResolvedPolicy policy;
        try
        {
            policy = PolicyEnvironment.Resolve(session.Workspace);
        }
        catch (PolicyException ex)
        {
            SpineSession.ReportPolicyError(error, ex.Message);
            return ExitCodes.Stop;
        }

        if (json)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteString("preset", policy.Preset);
                w.WriteString("source", policy.PresetSource);
                w.WriteStartObject("knobs");
                foreach (var knob in policy.Knobs)
                {
                    w.WriteStartObject(knob.Name);
                    w.WriteString("value", knob.Value);
                    w.WriteString("source", knob.Source);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Ok;
        }

        output.WriteLine($"policy: {policy.Preset} (from {policy.PresetSource})");
        var width = policy.Knobs.Select(k => k.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var knob in policy.Knobs)
        {
            output.WriteLine($"  {knob.Name.PadRight(width)}  {knob.Value,-14}  {knob.Source}");
        }

        return ExitCodes.Ok;
    }
}
