using System;
using System.IO;
using System.Threading;
using Spine.Runtime.Inventory;
using Spine.Runtime.Ssh;

namespace Spine.Runtime.Execution;

/// <summary>How a window runs: for real or as a dry run, how to connect, how patiently to wait, under which policy.</summary>
public sealed record ExecutionOptions(
    bool Execute,
    bool DriftWarnOnly,
    Func<HostInfo, IRemoteShell> Connect,
    TextWriter Output,
    TimeSpan PollInterval,
    TimeSpan HostWait,
    CancellationToken Cancellation);
