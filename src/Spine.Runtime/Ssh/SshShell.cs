using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Renci.SshNet;
using Renci.SshNet.Common;
using Spine.Runtime.Inventory;

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
    public static SshShell Connect(HostInfo host, SshOptions options, CancellationToken cancellationToken = default)
    {
        if (!options.HasIdentity)
        {
            // Say first whether the host answers at all: that is what an operator needs to know.
            var reachable = Execution.Probes.TcpAccepts(host.Address, host.Port, TimeSpan.FromSeconds(Math.Max(1, host.ConnectTimeoutSec)));
            throw new HostUnavailableException(
                host.Id,
                reachable
                    ? $"{host.Address}:{host.Port} answers, but there is no private key to authenticate with (--identity; tried {options.IdentityFile ?? "~/.ssh/id_ed25519, id_ecdsa, id_rsa"})"
                    : $"cannot connect to {host.User}@{host.Address}:{host.Port} (no answer), and there is no private key either (--identity)",
                false);
        }

        PrivateKeyFile key;
        try
        {
            key = options.Key;
        }
        catch (UnusableKeyException ex)
        {
            throw new HostUnavailableException(host.Id, ex.Message, false, ex);
        }

        var knownHosts = options.KnownHostsFile != null && File.Exists(options.KnownHostsFile) ? KnownHosts.Load(options.KnownHostsFile) : null;
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
            client.ConnectAsync(cancellationToken).GetAwaiter().GetResult();
            return new SshShell(host.Id, client, options.CommandTimeout);
        }
        catch (OperationCanceledException)
        {
            client.Dispose();
            throw;
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

    public RemoteResult Run(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var cmd = _client.CreateCommand(command);
            cmd.CommandTimeout = timeout > TimeSpan.Zero ? timeout : _defaultTimeout;
            cmd.ExecuteAsync(cancellationToken).GetAwaiter().GetResult();
            return new RemoteResult(cmd.ExitStatus ?? -1, cmd.Result ?? string.Empty, cmd.Error ?? string.Empty);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is SshException or SocketException or ObjectDisposedException or IOException or InvalidOperationException or OperationCanceledException)
        {
            throw new ConnectionLostException(HostId, ex);
        }
    }

    public HeldCommand Hold(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return SshHeldCommand.Start(_client.CreateCommand(command), timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is SshException or SocketException or ObjectDisposedException or IOException or InvalidOperationException)
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
        catch (Exception ex) when (ex is SshException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
        }

        _client.Dispose();
    }

    /// <summary>A running command with its stdin open: reading its first line, closing its stdin to end it.</summary>
    private sealed class SshHeldCommand : HeldCommand
    {
        private readonly SshCommand _command;
        private readonly Stream _input;
        private readonly Task _execution;
        private readonly StringBuilder _output = new();
        private Task _reader = Task.CompletedTask;

        private SshHeldCommand(SshCommand command, Stream input, Task execution)
        {
            _command = command;
            _input = input;
            _execution = execution;
        }

        public override string FirstLine
        {
            get
            {
                var text = Output;
                var end = text.IndexOf('\n', StringComparison.Ordinal);
                return (end < 0 ? text : text[..end]).Trim();
            }
        }

        public override string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public override string OutputOnceEnded(TimeSpan limit)
        {
            try
            {
                if (_execution.Wait(limit))
                {
                    _reader.Wait(TimeSpan.FromSeconds(2));
                }
            }
            catch (AggregateException)
            {
                // The command failed or the connection went: what arrived is all there is.
            }

            return Output;
        }

        public static SshHeldCommand Start(SshCommand command, TimeSpan timeout, CancellationToken cancellationToken)
        {
            command.CommandTimeout = Timeout.InfiniteTimeSpan;
            var execution = command.ExecuteAsync(CancellationToken.None);
            var input = command.CreateInputStream();
            var held = new SshHeldCommand(command, input, execution);
            held._reader = Task.Run(() => held.ReadOutput());
            var deadline = DateTime.UtcNow + timeout;
            while (!held.Output.Contains('\n', StringComparison.Ordinal) && !execution.IsCompleted && DateTime.UtcNow < deadline)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(20);
            }

            if (execution.IsCompleted)
            {
                held._reader.Wait(TimeSpan.FromSeconds(2));
            }

            return held;
        }

        /// <summary>Closes stdin (the remote command ends, and with it the lock); gives it a second, then closes the channel.</summary>
        public override void Dispose()
        {
            try
            {
                _input.Dispose();
                if (!_execution.Wait(TimeSpan.FromSeconds(1)))
                {
                    _command.CancelAsync();
                }
            }
            catch (Exception ex) when (ex is AggregateException or ObjectDisposedException or SshException or IOException or InvalidOperationException)
            {
                // The connection is gone: so is the lock it held.
            }

            _command.Dispose();
        }

        private void ReadOutput()
        {
            var buffer = new byte[1024];
            try
            {
                int n;
                while ((n = _command.OutputStream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    Append(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or IOException or SshException)
            {
            }
        }

        private void Append(string text)
        {
            lock (_output)
            {
                _output.Append(text);
            }
        }
    }
}
