using System;
using System.CommandLine;
using System.IO;
using Spine.Model.Checking;

namespace Spine.Runtime.Cli;

/// <summary><c>spine check [--root DIR] [--json]</c>: every drift rule over a spine, printed like compiler output.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var root = CommonOptions.Root();
        var json = new Option<bool>("--json") { Description = "Print {\"findings\":[…]} instead of compiler-style lines." };
        var noCache = new Option<bool>("--no-cache") { Description = "Parse every file, ignoring the syntax cache of earlier runs (also SPINE_CACHE=off)." };
        var command = new Command("check", "Run every drift rule over a spine, under its policy and baseline. Exit 0: no errors; 1: errors; 2: usage, I/O or policy problem.") { root, json, noCache };
        command.SetAction(parse => Run(parse.GetValue(root), parse.GetValue(json), Console.Out, Console.Error, !parse.GetValue(noCache)));
        return command;
    }

    public static int Run(string? rootOption, bool json, TextWriter output, TextWriter error, bool useCache = true)
    {
        var session = SpineSession.Open(rootOption, error, useCache);
        if (session is null)
        {
            return ExitCodes.Stop;
        }

        var report = session.Check();
        if (report.PolicyError is { } policyError)
        {
            SpineSession.ReportPolicyError(error, policyError);
            return ExitCodes.Stop;
        }

        if (json)
        {
            using var buffer = new MemoryStream();
            FindingWriter.WriteJson(buffer, report, session.Workspace.Files.Count);
            output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            foreach (var finding in report.Findings)
            {
                output.WriteLine(session.Display(finding));
            }

            var baselined = report.Baselined > 0 ? $", {report.Baselined} baselined" : string.Empty;
            output.WriteLine($"spine check: {session.Workspace.Files.Count} files, {report.Errors} error(s), {report.Warnings} warning(s){baselined} (policy {report.Policy!.Preset}).");
        }

        return SpineCheck.ExitCode(report);
    }
}
