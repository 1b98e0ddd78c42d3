namespace Spine.Runtime.Execution;

public enum StepOutcome
{
    Ok,
    Skipped,
    DryRun,
    Unreachable,

    /// <summary>A read-only check failed (precheck exits 1; a dry run of a mutating mode summarizes it).</summary>
    CheckFailed,
    Failed,

    /// <summary>A precondition, policy, lock or host-key stop: nothing after it runs (exit 2).</summary>
    Stopped,

    /// <summary>The operator cancelled the step's wait (a second signal); resume re-checks its guest.</summary>
    Interrupted,
}

public sealed record StepResult(StepOutcome Outcome, string Detail)
{
    public static StepResult Ok(string detail) => new(StepOutcome.Ok, detail);

    public static StepResult Skip(string detail) => new(StepOutcome.Skipped, detail);

    public static StepResult Dry(string detail) => new(StepOutcome.DryRun, detail);

    public static StepResult CheckFailed(string detail) => new(StepOutcome.CheckFailed, detail);

    public static StepResult Fail(string detail) => new(StepOutcome.Failed, detail);

    public static StepResult Stop(string detail) => new(StepOutcome.Stopped, detail);

    public string Word => Words.Of(Outcome);
}

/// <summary>How a window ended; the CLI maps it to the exit code (0 / 1 / 2).</summary>
public enum WindowOutcome
{
    Completed,

    /// <summary>A step or a precheck failed, or the operator interrupted the window.</summary>
    Failed,

    /// <summary>Stopped before it could act safely: preconditions, policy, locks, host keys, the capture.</summary>
    Stopped,
}

internal static class Words
{
    public static string Of(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Ok => "ok",
        StepOutcome.Skipped => "skipped",
        StepOutcome.DryRun => "dry-run",
        StepOutcome.Unreachable => "unreachable",
        StepOutcome.CheckFailed => "check-failed",
        StepOutcome.Failed => "failed",
        StepOutcome.Interrupted => "interrupted",
        _ => "stopped",
    };
}
