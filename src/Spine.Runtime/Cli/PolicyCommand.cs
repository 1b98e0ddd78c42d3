using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Build.Verification;
using Spine.Model.Loading;
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
        var root = SpineRootLocator.Resolve(rootOption);
        var workspace = SpineDirectory.Load(root);
        ResolvedPolicy policy;
        try
        {
            policy = PolicyEnvironment.Resolve(workspace);
        }
        catch (PolicyException ex)
        {
            error.WriteLine("spine: " + ex.Message);
            return ExitCodes.Stop;
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                preset = policy.Preset,
                source = policy.PresetSource,
                knobs = policy.Knobs.ToDictionary(k => k.Name, k => new { value = k.Value, source = k.Source }),
            }));
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
