using System;
using System.IO;
using System.Threading;
using Spine.Runtime.Inventory;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>How a window runs: for real or as a dry run, how to connect, how patiently to wait, under which policy, how it is stopped.</summary>
public sealed record ExecutionOptions(
    bool Execute,
    bool DriftWarnOnly,
    Func<HostInfo, CancellationToken, IRemoteShell> Connect,
    TextWriter Output,
    TimeSpan PollInterval,
    SignalScope Signals,
    string LockDirectory)
{
    /// <summary>How long the OOB guard's endpoints, preconditions and reads may take at most.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan PreconditionTimeout = TimeSpan.FromSeconds(120);
}
