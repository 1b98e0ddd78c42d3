using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Spine.Runtime.Proxmox;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>
/// Runs commands on one host for one step attempt and journals each, with its exit code and output. In a dry run
/// mutating commands are recorded as "would run" and never sent; read-only ones are sent. A read that fails or prints
/// what it should not is a failure of the step, never "nothing there".
/// </summary>
internal sealed class HostSession
{
    private readonly IRemoteShell? _shell;
    private readonly bool _execute;
    private readonly StepAttempt _attempt;
    private readonly System.IO.TextWriter _output;
    private readonly CancellationToken _cancel;

    public HostSession(string hostId, IRemoteShell? shell, bool execute, StepAttempt attempt, System.IO.TextWriter output, CancellationToken cancel)
    {
        HostId = hostId;
        _shell = shell;
        _execute = execute;
        _attempt = attempt;
        _output = output;
        _cancel = cancel;
    }

    public string HostId { get; }

    public bool Connected => _shell != null;

    /// <summary>Runs the command (or, for a mutating one in a dry run, prints it). Null: not sent.</summary>
    public RemoteResult? Run(ProxmoxCommand command, TimeSpan timeout)
    {
        if (command.Mutating && !_execute)
        {
            _output.WriteLine($"        would run on {HostId}: {command.Text}");
            _attempt.Commands.Add(new JournalCommand(DateTime.UtcNow, HostId, command.Text, true, false, null, null, null));
            return null;
        }

        if (_shell is null)
        {
            _attempt.Commands.Add(new JournalCommand(DateTime.UtcNow, HostId, command.Text, command.Mutating, false, null, null, "not connected"));
            return null;
        }

        try
        {
            var result = _shell.Run(command.Text, timeout, _cancel);
            _attempt.Commands.Add(new JournalCommand(DateTime.UtcNow, HostId, command.Text, command.Mutating, true, result.ExitCode, Trim(result.Output), Trim(result.Error)));
            return result;
        }
        catch (ConnectionLostException ex)
        {
            _attempt.Commands.Add(new JournalCommand(DateTime.UtcNow, HostId, command.Text, command.Mutating, true, null, null, ex.Message));
            throw;
        }
    }

    /// <summary>Both lists of guests (qm list, pct list); a list that fails or does not parse fails the step.</summary>
    public IReadOnlyList<Guest> Guests()
    {
        var vms = Read(ProxmoxCommand.QmList(), "qm list");
        var cts = Read(ProxmoxCommand.PctList(), "pct list");
        return ProxmoxOutput.QmList(vms.Output).Concat(ProxmoxOutput.PctList(cts.Output)).ToList();
    }

    /// <summary>The guest's status, or null when Proxmox says it does not exist; anything else that fails fails the step.</summary>
    public string? Status(GuestKind kind, int id)
    {
        var command = ProxmoxCommand.Status(kind, id);
        var result = Run(command, ExecutionOptions.ReadTimeout) ?? throw new StepFailedException($"{HostId} is not connected");
        if (!result.Ok)
        {
            if (ProxmoxOutput.SaysMissing(result.Error))
            {
                return null;
            }

            throw new StepFailedException($"{command.Text} failed on {HostId} (exit {result.ExitCode}): {Trim(result.Error) ?? "no error output"}");
        }

        return ProxmoxOutput.Status(result.Output, $"{Kinds.Tool(kind)} status {id}");
    }

    private RemoteResult Read(ProxmoxCommand command, string what)
    {
        var result = Run(command, ExecutionOptions.ReadTimeout) ?? throw new StepFailedException($"{HostId} is not connected");
        if (!result.Ok)
        {
            throw new StepFailedException($"{what} failed on {HostId} (exit {result.ExitCode}): {Trim(result.Error) ?? "no error output"}; a failed read is never taken as 'nothing there'");
        }

        return result;
    }

    private static string? Trim(string? text)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > 2000 ? t[..2000] : t;
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

/// <summary>A step that must stop the window before anything else changes (exit 2).</summary>
internal sealed class StepStoppedException : Exception
{
    public StepStoppedException(string message)
        : base(message)
    {
    }
}
