using System.Collections.Generic;

namespace Spine.Runtime.Planning;

public enum WindowMode
{
    Precheck,
    Shutdown,
    Startup,
    Verify,
    Full,
}

/// <summary>Which guests a startup brings back.</summary>
public enum RestoreSource
{
    /// <summary>The guests this window's own capture found running before its shutdown (--mode full).</summary>
    OwnCapture,

    /// <summary>The guests the same site's last shutdown journal of this spine found running.</summary>
    Journal,

    /// <summary>Every guest of startup_order (only when the operator says so: --restore startup-order).</summary>
    StartupOrder,
}

/// <summary>What the operator asked for. Stored in the journal so that --resume rebuilds the same plan.</summary>
public sealed record WindowRequest(
    IReadOnlyList<string> Sites,
    WindowMode Mode,
    bool PowerOff,
    int ShutdownTimeoutSec,
    bool SkipOobGuard,
    bool Approve,
    int ProbeDeadlineSec,
    int HostWaitSec,
    bool AcceptCapture,
    RestoreSource Restore,
    IReadOnlyList<string> AssumeMet)
{
    public bool Mutates => Mode is WindowMode.Shutdown or WindowMode.Startup or WindowMode.Full;
}
