namespace Spine.Runtime.Execution;

public enum StepOutcome
{
    Ok,
    Skipped,
    DryRun,
    Unreachable,
    Failed,

    /// <summary>A precondition, policy or host-key stop: nothing after it runs (exit 2).</summary>
    Stopped,
}

public sealed record StepResult(StepOutcome Outcome, string Detail)
{
    public static StepResult Ok(string detail) => new(StepOutcome.Ok, detail);

    public static StepResult Skip(string detail) => new(StepOutcome.Skipped, detail);

    public static StepResult Dry(string detail) => new(StepOutcome.DryRun, detail);

    public static StepResult Fail(string detail) => new(StepOutcome.Failed, detail);

    public static StepResult Stop(string detail) => new(StepOutcome.Stopped, detail);

    public string Word => Outcome switch
    {
        StepOutcome.Ok => "ok",
        StepOutcome.Skipped => "skipped",
        StepOutcome.DryRun => "dry-run",
        StepOutcome.Unreachable => "unreachable",
        StepOutcome.Failed => "failed",
        _ => "stopped",
    };
}
