namespace Spine.Runtime.Cli;

/// <summary>The seed's exit codes: 0 done, 1 a check or step failed, 2 stop (usage, I/O, precondition, policy, host key).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Stop = 2;
}
