using System;
using System.CommandLine;
using Spine.Runtime.Cli;

var root = new RootCommand("spine — governance as build: drift rules, gate routing and Proxmox maintenance windows for an operations spine.")
{
    CheckCommand.Create(),
    VerifyCommand.Create(),
    PolicyCommand.Create(),
    BaselineCommand.Create(),
    ExplainCommand.Create(),
    MaintenanceWindowCommand.Create(),
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

return parse.Invoke();
