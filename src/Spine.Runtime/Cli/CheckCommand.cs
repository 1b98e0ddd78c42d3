using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spine.Model;
using Spine.Model.Loading;

namespace Spine.Runtime.Cli;

/// <summary><c>spine check [--root DIR] [--json]</c>: every drift rule over a spine, printed like compiler output.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var root = CommonOptions.Root();
        var json = new Option<bool>("--json") { Description = "Print {\"findings\":[…]} instead of compiler-style lines." };
        var command = new Command("check", "Run every drift rule over a spine. Exit 0: no errors; 1: errors; 2: usage or I/O problem.") { root, json };
        command.SetAction(parse => Run(parse.GetValue(root), parse.GetValue(json), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? rootOption, bool json, TextWriter output, TextWriter error)
    {
        var root = SpineRootLocator.Resolve(rootOption);
        if (!File.Exists(Path.Combine(root, "ops", "capabilities.yaml")) && !Directory.Exists(Path.Combine(root, "ops")))
        {
            error.WriteLine($"spine: '{root}' is not a spine root (no ops/ folder).");
            return ExitCodes.Stop;
        }

        SpineWorkspace workspace;
        try
        {
            workspace = SpineDirectory.Load(root);
        }
        catch (IOException ex)
        {
            error.WriteLine($"spine: cannot read '{root}': {ex.Message}");
            return ExitCodes.Stop;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"spine: cannot read '{root}': {ex.Message}");
            return ExitCodes.Stop;
        }

        var findings = RuleEngine.Check(workspace);
        if (json)
        {
            using var buffer = new MemoryStream();
            FindingWriter.WriteJson(buffer, findings);
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            FindingWriter.WriteText(output, findings);
            var errors = findings.Count(f => f.Severity == Severity.Error);
            var warnings = findings.Count(f => f.Severity == Severity.Warning);
            output.WriteLine($"spine check: {workspace.Files.Count} files, {errors} error(s), {warnings} warning(s).");
        }

        return findings.Any(f => f.Severity == Severity.Error) ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
