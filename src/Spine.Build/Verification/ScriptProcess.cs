using System;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Spine.Build.Verification
{
    /// <summary>How a script run ended: on its own, at its deadline, or because the operator cancelled.</summary>
    public enum ScriptEnding
    {
        Exited,
        TimedOut,
        Cancelled,
    }

    /// <summary>What one script run gave.</summary>
    public sealed record ScriptRun(int ExitCode, string Output, ScriptEnding Ending);

    /// <summary>
    /// Runs one program of the spine (a gate's check script, a precondition's command) with the spine root as its
    /// working folder and SPINE_ROOT/SPINE_CODE set, a timeout, and its output captured. The program path and its
    /// arguments are passed as an argument vector, never spliced into a shell string.
    /// </summary>
    public static class ScriptProcess
    {
        public const int TimeoutExitCode = 124;
        public const int CancelledExitCode = 130;

        /// <summary>A check script, run under bash (scripts need not be executable by themselves on every file system).</summary>
        public static ScriptRun Run(string root, string script, TimeSpan timeout, CancellationToken cancellationToken) =>
            Run(root, "bash", new[] { script }, root, timeout, cancellationToken);

        public static ScriptRun Run(string root, string program, string[] arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var info = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };
#if NET
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
#else
            info.Arguments = string.Join(" ", System.Linq.Enumerable.Select(arguments, Quote));
#endif
            info.Environment["SPINE_ROOT"] = root;
            info.Environment["SPINE_CODE"] = root;

            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var deadline = DateTime.UtcNow + timeout;
            while (!process.WaitForExit(50))
            {
                var cancelled = cancellationToken.IsCancellationRequested;
                if (cancelled || DateTime.UtcNow > deadline)
                {
                    KillTree(process);
                    process.WaitForExit(5000);
                    return cancelled
                        ? new ScriptRun(CancelledExitCode, output.ToString(), ScriptEnding.Cancelled)
                        : new ScriptRun(TimeoutExitCode, output.ToString(), ScriptEnding.TimedOut);
                }
            }

            process.WaitForExit();
            return new ScriptRun(process.ExitCode, output.ToString(), ScriptEnding.Exited);
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        private static void KillTree(Process process)
        {
            try
            {
#if NET
                process.Kill(entireProcessTree: true);
#else
                process.Kill();
#endif
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }

#if !NET
        private static string Quote(string argument) => "\"" + argument.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
#endif
    }
}
