using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>
/// Runs commands on one host for one step and journals each. In a dry run, mutating commands are
/// recorded as "would run" and never sent; read-only ones are sent.
/// </summary>
internal sealed class HostSession
{
    private readonly IRemoteShell? _shell;
    private readonly bool _execute;
    private readonly JournalStep _step;
    private readonly System.IO.TextWriter _output;

    public HostSession(string hostId, IRemoteShell? shell, bool execute, JournalStep step, System.IO.TextWriter output)
    {
        HostId = hostId;
        _shell = shell;
        _execute = execute;
        _step = step;
        _output = output;
    }

    public string HostId { get; }

    public bool Connected => _shell != null;

    /// <summary>Runs the command (or, for a mutating one in a dry run, prints it). Null: not sent.</summary>
    public RemoteResult? Run(ProxmoxCommand command, TimeSpan timeout)
    {
        if (command.Mutating && !_execute)
        {
            _output.WriteLine($"        would run on {HostId}: {command.Text}");
            _step.Commands.Add(new JournalCommand(HostId, command.Text, true, false, null, null));
            return null;
        }

        if (_shell is null)
        {
            _step.Commands.Add(new JournalCommand(HostId, command.Text, command.Mutating, false, null, "not connected"));
            return null;
        }

        var result = _shell.Run(command, timeout);
        _step.Commands.Add(new JournalCommand(HostId, command.Text, command.Mutating, true, result.ExitCode, Trim(result.Error)));
        return result;
    }

    /// <summary>Both lists of guests (qm list, pct list).</summary>
    public IReadOnlyList<Guest>? Guests()
    {
        var vms = Run(ProxmoxCommand.QmList(), TimeSpan.FromSeconds(60));
        var cts = Run(ProxmoxCommand.PctList(), TimeSpan.FromSeconds(60));
        if (vms is null || cts is null)
        {
            return null;
        }

        if (!vms.Ok)
        {
            throw new StepFailedException($"qm list failed on {HostId} (exit {vms.ExitCode}): {Trim(vms.Error)}");
        }

        // A host without LXC support answers pct list with an error; it then has no containers.
        var containers = cts.Ok ? ProxmoxOutput.PctList(cts.Output) : Array.Empty<Guest>();
        return ProxmoxOutput.QmList(vms.Output).Concat(containers).ToList();
    }

    public string? Status(Guest guest)
    {
        var result = Run(ProxmoxCommand.Status(guest), TimeSpan.FromSeconds(30));
        if (result is null)
        {
            return null;
        }

        if (!result.Ok)
        {
            throw new StepFailedException($"{(guest.Kind == GuestKind.Vm ? "qm" : "pct")} status {guest.Id} failed on {HostId} (exit {result.ExitCode}): {Trim(result.Error)}");
        }

        return ProxmoxOutput.Status(result.Output);
    }

    private static string? Trim(string? text)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > 500 ? t.Substring(0, 500) : t;
    }
}

/// <summary>A step that cannot complete; the window stops after it (exit 1).</summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException(string message)
        : base(message)
    {
    }
}
