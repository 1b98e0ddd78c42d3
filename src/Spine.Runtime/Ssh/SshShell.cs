using System;
using System.IO;
using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;
using Spine.Runtime.Inventory;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Ssh;

/// <summary>One verified SSH.NET connection to a host, kept for the whole window.</summary>
public sealed class SshShell : IRemoteShell
{
    private readonly SshClient _client;
    private readonly TimeSpan _defaultTimeout;

    private SshShell(string hostId, SshClient client, TimeSpan defaultTimeout)
    {
        HostId = hostId;
        _client = client;
        _defaultTimeout = defaultTimeout;
    }

    public string HostId { get; }

    /// <summary>Connects and verifies the host key before anything is sent; throws <see cref="HostUnavailableException"/>.</summary>
    public static SshShell Connect(HostInfo host, SshOptions options)
    {
        var identity = options.IdentityFile ?? DefaultIdentity();
        if (identity is null || !File.Exists(identity))
        {
            // Say first whether the host answers at all: that is what an operator needs to know.
            var reachable = Execution.Probes.TcpAccepts(host.Address, host.Port, TimeSpan.FromSeconds(Math.Max(1, host.ConnectTimeoutSec)));
            throw new HostUnavailableException(
                host.Id,
                reachable
                    ? $"{host.Address}:{host.Port} answers, but there is no private key to authenticate with (--identity; tried {identity ?? "~/.ssh/id_ed25519, id_ecdsa, id_rsa"})"
                    : $"cannot connect to {host.User}@{host.Address}:{host.Port} (no answer), and there is no private key either (--identity)",
                false);
        }

        var knownHostsPath = options.KnownHostsFile ?? DefaultKnownHosts();
        var knownHosts = knownHostsPath != null && File.Exists(knownHostsPath) ? KnownHosts.Load(knownHostsPath) : null;

        PrivateKeyFile key;
        try
        {
            key = new PrivateKeyFile(identity);
        }
        catch (Exception ex) when (ex is SshException or IOException or InvalidOperationException)
        {
            throw new HostUnavailableException(host.Id, $"cannot read private key {identity}: {ex.Message}", false, ex);
        }

        var info = new ConnectionInfo(host.Address, host.Port, host.User, new PrivateKeyAuthenticationMethod(host.User, key))
        {
            Timeout = TimeSpan.FromSeconds(Math.Max(1, host.ConnectTimeoutSec)),
        };
        var client = new SshClient(info);
        string? refusal = null;
        client.HostKeyReceived += (_, e) =>
        {
            refusal = HostKeyCheck.Refusal(host.HostKey, knownHosts, host.Address, host.Port, e.HostKeyName, e.HostKey, e.FingerPrintSHA256);
            e.CanTrust = refusal is null;
        };

        try
        {
            client.Connect();
            return new SshShell(host.Id, client, options.CommandTimeout);
        }
        catch (Exception ex) when (ex is SshException or SocketException or TimeoutException or IOException or ProxyException)
        {
            client.Dispose();
            if (refusal != null)
            {
                throw new HostUnavailableException(host.Id, "refused: " + refusal, true, ex);
            }

            throw new HostUnavailableException(host.Id, $"cannot connect to {host.User}@{host.Address}:{host.Port}: {ex.Message}", false, ex);
        }
    }

    public RemoteResult Run(ProxmoxCommand command, TimeSpan timeout)
    {
        try
        {
            using var cmd = _client.CreateCommand(command.Text);
            cmd.CommandTimeout = timeout > TimeSpan.Zero ? timeout : _defaultTimeout;
            cmd.Execute();
            return new RemoteResult(cmd.ExitStatus ?? -1, cmd.Result ?? string.Empty, cmd.Error ?? string.Empty);
        }
        catch (SshOperationTimeoutException ex)
        {
            throw new ConnectionLostException(HostId, ex);
        }
        catch (Exception ex) when (ex is SshConnectionException or SocketException or ObjectDisposedException or IOException)
        {
            throw new ConnectionLostException(HostId, ex);
        }
    }

    public void Dispose()
    {
        try
        {
            _client.Disconnect();
        }
        catch (Exception ex) when (ex is SshException or SocketException or ObjectDisposedException)
        {
        }

        _client.Dispose();
    }

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
