using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace Spine.Runtime.Execution;

/// <summary>
/// Ctrl-C, SIGTERM and SIGHUP during a window: the first asks the window to stop after the current step (the journal
/// says "interrupted", exit 1); the second cancels the current wait at once (the step is journaled as interrupted, and
/// a resume re-checks its guest). Neither kills the process: the journal is always left whole.
/// </summary>
public sealed class SignalScope : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<IDisposable> _registrations = new();
    private readonly TextWriter _output;
    private readonly CancellationTokenRegistration _external;
    private int _count;

    public SignalScope(TextWriter output, CancellationToken external = default)
    {
        _output = output;
        if (!OperatingSystem.IsWindows())
        {
            foreach (var (signal, name) in new[] { (PosixSignal.SIGINT, "Ctrl-C"), (PosixSignal.SIGTERM, "SIGTERM"), (PosixSignal.SIGHUP, "SIGHUP") })
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    Request(name);
                }));
            }
        }

        _external = external.Register(() => Request("cancellation"));
    }

    /// <summary>Set by the first signal: stop between steps.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>Set by the second signal: cancel the current wait, command or script now.</summary>
    public CancellationToken Abort => _abort.Token;

    /// <summary>The first signal's name, once one came.</summary>
    public string? First { get; private set; }

    public void Request(string name)
    {
        var n = Interlocked.Increment(ref _count);
        if (n == 1)
        {
            First = name;
            _output.WriteLine($"{name}: stopping after the current step… ({name} again cancels the current wait)");
            _stop.Cancel();
        }
        else if (n == 2)
        {
            _output.WriteLine($"{name} again: cancelling the current wait now.");
            _abort.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _external.Dispose();
        _stop.Dispose();
        _abort.Dispose();
    }
}
