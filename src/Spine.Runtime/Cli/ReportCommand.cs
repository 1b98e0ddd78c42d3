using System;
using System.CommandLine;
using System.IO;
using Spine.Runtime.Execution;
using Spine.Runtime.Reports;

namespace Spine.Runtime.Cli;

/// <summary><c>spine report JOURNAL [--html FILE]</c>: what a window did, as text, and as an HTML timeline per host.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var journal = new Argument<string>("journal") { Description = "A window's journal (window-….json)." };
        var html = new Option<string?>("--html") { Description = "Also write an HTML page: a timeline per host, one bar per step attempt (its commands on hover)." };
        var command = new Command("report", "Summarize a maintenance window from its journal.") { journal, html };
        command.SetAction(p => Run(p.GetValue(journal)!, p.GetValue(html), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string path, string? html, TextWriter output, TextWriter error)
    {
        Journal journal;
        try
        {
            journal = Journal.Load(path);
        }
        catch (JournalException ex)
        {
            error.WriteLine("spine: " + ex.Message);
            return ExitCodes.Stop;
        }

        output.Write(WindowReport.Text(journal));
        if (html != null)
        {
            try
            {
                File.WriteAllText(html, WindowReport.Html(journal));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spine: cannot write {html}: {ex.Message}");
                return ExitCodes.Stop;
            }

            output.WriteLine($"html: {html}");
        }

        return ExitCodes.Ok;
    }
}
