using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Spine.TestSupport;

/// <summary>Runs the real `dotnet` CLI (build, run) for the end-to-end tests, with node reuse off.</summary>
public static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);

    public static (int ExitCode, string Output) Run(string workingDirectory, System.Collections.Generic.IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("SPINE_POLICY_PRESET");
        info.Environment.Remove("SPINE_TENANT_PROFILE");
        info.Environment.Remove("SPINE_ROOT");
        foreach (var (key, value) in environment ?? new System.Collections.Generic.Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " did not finish in 8 minutes:\n" + output);
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}

/// <summary>A throw-away copy of the repository (its tracked files) or of one spine, deleted on dispose.</summary>
public sealed class TempCopy : IDisposable
{
    private static readonly string[] Skip = { "bin", "obj", ".git", "TestResults", "BenchmarkDotNet.Artifacts" };

    private TempCopy(string path) => Path = path;

    public string Path { get; }

    /// <summary>The repository's sources, ops/ and scripts; not build output. bin/spine is kept (it is the entry point).</summary>
    public static TempCopy OfRepository()
    {
        var target = NewFolder("spine-repo");
        foreach (var entry in new[] { "src", "ops", "surfaces", "bin", "docs" })
        {
            CopyFolder(System.IO.Path.Combine(Paths.RepoRoot, entry), System.IO.Path.Combine(target, entry), top: entry == "bin");
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "Spine.sln" })
        {
            System.IO.File.Copy(System.IO.Path.Combine(Paths.RepoRoot, file), System.IO.Path.Combine(target, file));
        }

        return new TempCopy(target);
    }

    /// <summary>A spine root: a copy of <paramref name="source"/>'s ops/ and surfaces/ (and bin/ when present).</summary>
    public static TempCopy OfSpine(string source)
    {
        var target = NewFolder("spine-root");
        foreach (var entry in new[] { "ops", "surfaces", "bin" })
        {
            var from = System.IO.Path.Combine(source, entry);
            if (Directory.Exists(from))
            {
                CopyFolder(from, System.IO.Path.Combine(target, entry), top: entry == "bin");
            }
        }

        return new TempCopy(target);
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>The 1-based line and column of the first <paramref name="token"/> in a file of the copy.</summary>
    public (int Line, int Column) Position(string relative, string token)
    {
        var text = System.IO.File.ReadAllText(File(relative));
        var at = text.IndexOf(token, StringComparison.Ordinal);
        return TextPosition.At(text, at);
    }

    public void Edit(string relative, Func<string, string> edit)
    {
        var path = File(relative);
        var before = System.IO.File.ReadAllText(path);
        var after = edit(before);
        if (after == before)
        {
            throw new InvalidOperationException($"The edit of {relative} changed nothing.");
        }

        System.IO.File.WriteAllText(path, after);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string NewFolder(string prefix)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(path);
        return path;
    }

    private static void CopyFolder(string from, string to, bool top)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetFileName(file));
            System.IO.File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                // Keep the execute bits (check scripts); a copy is always writable (the corpus is read-only).
                System.IO.File.SetUnixFileMode(target, System.IO.File.GetUnixFileMode(file) | UnixFileMode.UserWrite);
            }
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = System.IO.Path.GetFileName(dir);
            if (!top && Skip.Contains(name))
            {
                continue;
            }

            CopyFolder(dir, System.IO.Path.Combine(to, name), top: false);
        }
    }
}
