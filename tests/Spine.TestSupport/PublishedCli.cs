using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace Spine.TestSupport;

/// <summary>
/// The CLI as operators run it: published once per test process with Native AOT (dotnet publish -r linux-x64, what
/// bin/spine and the README use), into a private folder, then run as a process (under <see cref="RepositoryBuildLock"/>:
/// the tool's linux-x64 package is packed from the same obj/ folder).
/// </summary>
public static class PublishedCli
{
    private static readonly Lazy<string> Binary = new(() =>
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spine-aot-" + Guid.NewGuid().ToString("N")[..8]);
        var (code, output) = RepositoryBuildLock.Run(() => DotnetCli.Run(Paths.RepoRoot, "publish", "src/Spine.Runtime", "-c", "Release", "-r", "linux-x64", "-o", folder, "-nologo", "-clp:ErrorsOnly"));
        if (code != 0)
        {
            throw new InvalidOperationException("dotnet publish (Native AOT) of the CLI failed (./test.sh installs clang and zlib1g-dev):\n" + output);
        }

        return System.IO.Path.Combine(folder, "spine");
    });

    public static string Path => Binary.Value;

    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(Path) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("SPINE_ROOT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("spine " + string.Join(" ", args) + " did not finish in 120 s");
        }

        return (p.ExitCode, output, error.Result);
    }

    public static (int Code, string Stdout, string Stderr) Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);
}
