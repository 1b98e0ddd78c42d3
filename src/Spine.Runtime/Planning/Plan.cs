using System.Collections.Generic;
using System.Linq;

namespace Spine.Runtime.Planning;

public enum StepKind
{
    /// <summary>Open the host's SSH connection and verify its key (ssh.target.status).</summary>
    Connect,

    /// <summary>Run a required capability's own read-only command from the spine root (a precondition Spine does not check natively).</summary>
    Precondition,

    /// <summary>Record the site's guests and their states (qm list, pct list); before a shutdown, compare them with the data.</summary>
    Capture,

    /// <summary>The out-of-band endpoints answer (network.oob.guard.status, as the spine's cutover policy declares it).</summary>
    OobGuard,

    /// <summary>Shut one guest of shutdown_order down (VM or container, as the host lists it); force-stop it after the timeout.</summary>
    ShutdownGuest,

    /// <summary>Shut down the running VMs that shutdown_order does not name.</summary>
    ShutdownRemaining,

    /// <summary>Shut down the running LXC containers that shutdown_order does not name.</summary>
    ShutdownContainers,

    /// <summary>Check that every guest the shutdown planned to stop is down.</summary>
    VerifyDown,

    /// <summary>Power the Proxmox host off (only with --poweroff) and wait until it stops answering.</summary>
    PowerOff,

    /// <summary>Wait for a powered-off host to answer again with its verified key.</summary>
    Reconnect,

    /// <summary>Start one guest of startup_order, if it is in the restore set.</summary>
    StartGuest,

    /// <summary>Start the guests of the restore set that startup_order does not name (VMs, then containers).</summary>
    StartRemaining,

    /// <summary>Post-power recovery of one phase: VMs, compose stacks, readiness probes.</summary>
    RecoverPhase,

    /// <summary>Check that the guests that should run do.</summary>
    Verify,
}

/// <summary>
/// One step of a maintenance window: a stable id (journal key), what it does, where, for which capability, whether it
/// changes anything, and the steps that must have succeeded first.
/// </summary>
public sealed record PlanStep(
    string Id,
    StepKind Kind,
    string Site,
    string? HostId,
    int? GuestId,
    int? Phase,
    string Capability,
    bool Mutating,
    bool NeedsApproval,
    string Summary,
    IReadOnlyList<string> Preconditions);

/// <summary>
/// A window as data: ordered steps, the problems that make it impossible to run, and the preconditions nobody can check
/// (each once: a dry run lists them, an executed window stops unless --assume-met names them).
/// </summary>
public sealed record Plan(WindowRequest Request, IReadOnlyList<PlanStep> Steps, IReadOnlyList<string> Problems, IReadOnlyList<UncheckedPrecondition> Unchecked)
{
    public IReadOnlyList<string> Capabilities => Steps.Select(s => s.Capability).Distinct().ToList();
}

/// <summary>A required capability the runtime cannot check: why, and which capabilities need it.</summary>
public sealed record UncheckedPrecondition(string Capability, string Reason, IReadOnlyList<string> RequiredBy);
