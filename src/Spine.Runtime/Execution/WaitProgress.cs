using System;
using System.IO;
using Spectre.Console;

namespace Spine.Runtime.Execution;

/// <summary>
/// Shows a long wait: on an interactive terminal a Spectre.Console progress line, otherwise a plain
/// line every ten seconds (logs and tests stay readable).
/// </summary>
internal sealed class WaitProgress : IDisposable
{
    private readonly TextWriter _output;
    private readonly string _what;
    private readonly TimeSpan _limit;
    private readonly bool _interactive;
    private TimeSpan _lastPrinted = TimeSpan.Zero;

    private WaitProgress(TextWriter output, string what, TimeSpan limit)
    {
        _output = output;
        _what = what;
        _limit = limit;
        _interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
    }

    public static WaitProgress Start(TextWriter output, string what, TimeSpan limit) => new(output, what, limit);

    public void Tick(TimeSpan elapsed)
    {
        if (_interactive)
        {
            var width = 24;
            var done = _limit.TotalSeconds <= 0 ? width : (int)Math.Min(width, width * elapsed.TotalSeconds / _limit.TotalSeconds);
            AnsiConsole.Markup($"\r        [grey]{Markup.Escape(_what)}[/] [blue]{new string('#', done)}{new string('.', width - done)}[/] {elapsed.TotalSeconds:0}s/{_limit.TotalSeconds:0}s ");
        }
        else if (elapsed - _lastPrinted >= TimeSpan.FromSeconds(10))
        {
            _lastPrinted = elapsed;
            _output.WriteLine($"        … {_what} ({elapsed.TotalSeconds:0}s of {_limit.TotalSeconds:0}s)");
        }
    }

    public void Dispose()
    {
        if (_interactive)
        {
            AnsiConsole.Markup("\r" + new string(' ', 100) + "\r");
        }
    }
}
