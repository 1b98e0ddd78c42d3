using System;
using System.IO;

namespace Spine.Runtime.Cli;

/// <summary>The last resort: an unexpected error becomes one line for the user and a log file with the details.</summary>
internal static class CrashLog
{
    public static int Report(Exception ex, TextWriter error)
    {
        var path = Path.Combine(LogDirectory(), $"spine-{DateTime.UtcNow:yyyyMMddTHHmmssfffZ}-{Environment.ProcessId}.log");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"spine {string.Join(' ', Environment.GetCommandLineArgs()[1..])}\n{DateTime.UtcNow:O}\n\n{ex}\n");
            error.WriteLine($"spine: unexpected error: {ex.GetType().Name}: {ex.Message} (details in {path}; please report it)");
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"spine: unexpected error: {ex.GetType().Name}: {ex.Message} (and the details could not be written to {path})");
        }

        return ExitCodes.Stop;
    }

    private static string LogDirectory()
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(state) ? Path.Combine(home, ".local", "state") : state, "spine", "logs");
    }
}
