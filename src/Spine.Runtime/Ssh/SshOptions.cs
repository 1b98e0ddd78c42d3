namespace Spine.Runtime.Ssh;

/// <summary>How to authenticate and verify: a private key file, a known_hosts file (used for targets without a pin), command timeout.</summary>
public sealed record SshOptions(string? IdentityFile, string? KnownHostsFile, System.TimeSpan CommandTimeout);
