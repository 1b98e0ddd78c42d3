using System.Collections.Generic;

namespace Spine.Runtime.Planning;

public enum StepKind
{
    /// <summary>Open the host's SSH connection and verify its key (ssh.target.status).</summary>
    Connect,

    /// <summary>Record the site's guest states (qm list, pct list).</summary>
    Capture,

    /// <summary>The out-of-band endpoints answer (network.oob.guard.status).</summary>
    OobGuard,

    /// <summary>Gracefully shut one guest of shutdown_order down; force-stop it after the timeout.</summary>
    ShutdownGuest,

    /// <summary>Shut down the running VMs that shutdown_order does not name.</summary>
    ShutdownRemaining,

    /// <summary>Shut down the running LXC containers.</summary>
    ShutdownContainers,

    /// <summary>Power the Proxmox host off (only with --poweroff).</summary>
    PowerOff,

    /// <summary>Wait for a powered-off host to answer again.</summary>
    Reconnect,

    /// <summary>Start one guest of startup_order, if it was running before the shutdown.</summary>
    StartGuest,

    /// <summary>Start the previously running guests that startup_order does not name (VMs, then containers).</summary>
    StartRemaining,

    /// <summary>Post-power recovery of one phase: VMs, compose stacks, readiness probes.</summary>
    RecoverPhase,

    /// <summary>Check that the guests that should run do.</summary>
    Verify,
}

/// <summary>
/// One step of a maintenance window: a stable id (journal key), what it does, where, for which
/// capability, whether it changes anything, and the steps that must have succeeded first.
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

/// <summary>A window as data: ordered steps, and the problems that make it impossible to run.</summary>
public sealed record Plan(WindowRequest Request, IReadOnlyList<PlanStep> Steps, IReadOnlyList<string> Problems);
