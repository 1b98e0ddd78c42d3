using System;
using System.IO;
using Renci.SshNet;

namespace Spine.Runtime.Ssh;

/// <summary>
/// How to authenticate and verify: the private key (loaded once per window, on first use, so a passphrase is asked
/// once), a known_hosts file for targets without a pinned key, the command timeout.
/// </summary>
public sealed class SshOptions
{
    private readonly Lazy<PrivateKeyFile> _key;

    public SshOptions(string? identityFile, string? knownHostsFile, TimeSpan commandTimeout, Func<string?>? passphrase = null)
    {
        IdentityFile = identityFile ?? DefaultIdentity();
        KnownHostsFile = knownHostsFile ?? DefaultKnownHosts();
        CommandTimeout = commandTimeout;
        _key = new Lazy<PrivateKeyFile>(() => PrivateKeys.Load(IdentityFile!, passphrase));
    }

    public string? IdentityFile { get; }

    public string? KnownHostsFile { get; }

    public TimeSpan CommandTimeout { get; }

    public bool HasIdentity => IdentityFile != null && File.Exists(IdentityFile);

    /// <summary>The key; throws <see cref="UnusableKeyException"/> (again on every call) when it cannot be used.</summary>
    public PrivateKeyFile Key => _key.Value;

    private static string? DefaultIdentity()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach (var name in new[] { "id_ed25519", "id_ecdsa", "id_rsa" })
        {
            var path = Path.Combine(home, ".ssh", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static string? DefaultKnownHosts()
    {
        var path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts");
        return File.Exists(path) ? path : null;
    }
}
