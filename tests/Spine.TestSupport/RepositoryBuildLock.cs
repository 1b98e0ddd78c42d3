using System;
using System.IO;
using System.Threading;

namespace Spine.TestSupport;

/// <summary>
/// Test assemblies run in parallel processes, and every dotnet pack or publish in this repository's own folders restores
/// (rewriting each project's obj/project.assets.json, shared by all configurations and runtimes) and may build: two at
/// once race, and one reads the other's half-written files. Whoever holds this machine-wide file lock is the only one
/// doing so; the next one then finds the outputs (Native AOT code included) up to date. Tests that build a copy of the
/// repository (TempCopy) need no lock.
/// </summary>
public static class RepositoryBuildLock
{
    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "spine-repository-build.lock");

    public static T Run<T>(Func<T> work)
    {
        using var held = Acquire();
        return work();
    }

    public static void Run(Action work)
    {
        using var held = Acquire();
        work();
    }

    private static FileStream Acquire()
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }
}
