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

/// <summary>What the operator asked for. Stored in the journal so that --resume rebuilds the same plan.</summary>
public sealed record WindowRequest(
    IReadOnlyList<string> Sites,
    WindowMode Mode,
    bool PowerOff,
    int ShutdownTimeoutSec,
    bool SkipOobGuard,
    bool Approve,
    int ProbeDeadlineSec);
