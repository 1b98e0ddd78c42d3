using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Spectre.Console;

namespace Spine.Runtime.Execution;

/// <summary>
/// Long waits (a guest stopping, a service answering): polls until done or the time is up, and shows it —
/// a Spectre.Console progress bar on an interactive terminal, otherwise a plain line every ten seconds
/// (logs, CI and --json stay readable).
/// </summary>
internal static class WaitProgress
{
    /// <summary>
    /// Calls <paramref name="done"/> every <paramref name="interval"/> until it is true (→ true), <paramref name="limit"/>
    /// passes or the wait is cancelled (→ false; the caller tells the two apart by the token).
    /// </summary>
    public static bool Until(TextWriter output, string what, TimeSpan limit, TimeSpan interval, Func<bool> done, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            var result = false;
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("        " + Markup.Escape(what), maxValue: Math.Max(1, limit.TotalSeconds));
                    result = Poll(watch, limit, interval, done, elapsed => task.Value = Math.Min(task.MaxValue, elapsed.TotalSeconds), cancellation);
                });
            return result;
        }

        var lastPrinted = TimeSpan.Zero;
        return Poll(watch, limit, interval, done, elapsed =>
        {
            if (elapsed - lastPrinted >= TimeSpan.FromSeconds(10))
            {
                lastPrinted = elapsed;
                output.WriteLine($"        … {what} ({elapsed.TotalSeconds:0}s of {limit.TotalSeconds:0}s)");
            }
        }, cancellation);
    }

    private static bool Poll(Stopwatch watch, TimeSpan limit, TimeSpan interval, Func<bool> done, Action<TimeSpan> tick, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            if (done())
            {
                return true;
            }

            if (watch.Elapsed >= limit)
            {
                return false;
            }

            tick(watch.Elapsed);
            cancellation.WaitHandle.WaitOne(interval);
        }

        return false;
    }
}
