using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spine.Model;

namespace Spine.Runtime.Cli;

/// <summary><c>spine explain SPINE137</c>: the rule's page, from the docs shipped inside the tool.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("rule") { Description = "A rule id (SPINE137) or a gate id it enforces (D137)." };
        var command = new Command("explain", "Print a rule's documentation page (what it checks, why, how to fix it).") { id };
        command.SetAction(p => Run(p.GetValue(id)!, Console.Out, Console.Error));
        return command;
    }

    public static int Run(string id, TextWriter output, TextWriter error)
    {
        var wanted = id.Trim().ToUpperInvariant();
        var rule = RuleCatalog.Find(wanted) ?? RuleCatalog.All.FirstOrDefault(r => r.GateId == wanted);
        if (rule is null)
        {
            error.WriteLine($"spine: '{id}' is not a Spine rule (known: {RuleCatalog.All.First().Id} … {RuleCatalog.All.Last().Id}; e.g. spine explain SPINE137).");
            return ExitCodes.Stop;
        }

        using var page = typeof(ExplainCommand).Assembly.GetManifestResourceStream($"docs/{rule.Id}.md");
        if (page is null)
        {
            output.WriteLine($"{rule.Id}: {rule.Title}\n\n{rule.Summary}");
            return ExitCodes.Ok;
        }

        using var reader = new StreamReader(page);
        output.Write(reader.ReadToEnd());
        return ExitCodes.Ok;
    }
}
