using System;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace Spine.Build.Verification
{
    /// <summary>Runs one check script under bash with SPINE_ROOT set, a timeout, and its output captured.</summary>
    internal static class ScriptProcess
    {
        public const int TimeoutExitCode = 124;

        public static (int ExitCode, string Output, bool TimedOut) Run(string root, string script, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var info = new ProcessStartInfo("bash")
            {
                WorkingDirectory = root,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
            };

            // The script path is passed as an argument, never spliced into a shell string.
            info.Arguments = Quote(script);
            info.Environment["SPINE_ROOT"] = root;

            var output = new StringBuilder();
            using var process = new Process { StartInfo = info };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var deadline = DateTime.UtcNow + timeout;
            while (!process.WaitForExit(100))
            {
                if (DateTime.UtcNow > deadline || cancellationToken.IsCancellationRequested)
                {
                    KillTree(process);
                    process.WaitForExit(5000);
                    return (TimeoutExitCode, output.ToString(), true);
                }
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToString(), false);
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

        /// <summary>Process.Kill(entireProcessTree: true) where the runtime has it (.NET Core 3+), else Kill().</summary>
        private static void KillTree(Process process)
        {
            try
            {
                var killTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });
                if (killTree != null)
                {
                    killTree.Invoke(process, new object[] { true });
                }
                else
                {
                    process.Kill();
                }
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
        }

        private static string Quote(string argument) => "\"" + argument.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
