using System;

namespace Spine.Runtime.Ssh;

/// <summary>
/// Decides whether a host key is trusted: the target's pinned <c>host_key</c> (OpenSSH <c>SHA256:</c>
/// fingerprint) when it has one, else the known_hosts file. There is no "accept any key" mode.
/// </summary>
public static class HostKeyCheck
{
    /// <summary>Null when trusted, else why not.</summary>
    public static string? Refusal(string? pinnedFingerprint, KnownHosts? knownHosts, string host, int port, string keyType, byte[] key, string presentedSha256)
    {
        var presented = "SHA256:" + presentedSha256.TrimEnd('=');
        if (!string.IsNullOrWhiteSpace(pinnedFingerprint))
        {
            return string.Equals(pinnedFingerprint!.Trim(), presented, StringComparison.Ordinal)
                ? null
                : $"host key mismatch: presented {keyType} {presented}, pinned {pinnedFingerprint}";
        }

        if (knownHosts is null)
        {
            return $"host key {keyType} {presented} is not pinned (host_key) and no known_hosts file is available";
        }

        return knownHosts.Trusts(host, port, keyType, key) ? null : $"host key {keyType} {presented} is not in known_hosts for {host}:{port}";
    }
}
