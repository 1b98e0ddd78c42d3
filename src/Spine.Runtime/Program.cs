using System;
using System.CommandLine;
using Spine.Runtime.Cli;

// The operators' tool. No user ever sees a stack trace: an unexpected error is one line, and its details go to a log
// file whose path that line names (exit 2). Signals are the commands' business (see SignalScope), not the parser's.
try
{
    var root = new RootCommand("spine — governance as build: drift rules, gate routing and Proxmox maintenance windows for an operations spine.")
    {
        CheckCommand.Create(),
        VerifyCommand.Create(),
        PolicyCommand.Create(),
        BaselineCommand.Create(),
        FixCommand.Create(),
        SchemaCommand.Create(),
        ExplainCommand.Create(),
        MaintenanceWindowCommand.Create(),
        ReportCommand.Create(),
    };

    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine($"spine: {error.Message}");
        }

        Console.Error.WriteLine("Try 'spine --help'.");
        return ExitCodes.Stop;
    }

    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception ex)
{
    return CrashLog.Report(ex, Console.Error);
}
