using System;
using Spine.Runtime.Proxmox;

namespace Spine.Runtime.Ssh;

/// <summary>What one remote command gave.</summary>
public sealed record RemoteResult(int ExitCode, string Output, string Error)
{
    public bool Ok => ExitCode == 0;
}

/// <summary>A connected host that runs commands. The only implementation is SSH.NET over a verified connection.</summary>
public interface IRemoteShell : IDisposable
{
    string HostId { get; }

    RemoteResult Run(ProxmoxCommand command, TimeSpan timeout);
}

/// <summary>A host that cannot be used: unreachable, refused key, failed authentication.</summary>
public sealed class HostUnavailableException : Exception
{
    public HostUnavailableException(string hostId, string reason, bool hostKeyRefused, Exception? inner = null)
        : base($"{hostId}: {reason}", inner)
    {
        HostId = hostId;
        Reason = reason;
        HostKeyRefused = hostKeyRefused;
    }

    public string HostId { get; }

    public string Reason { get; }

    public bool HostKeyRefused { get; }
}

/// <summary>A connection lost while a command was running.</summary>
public sealed class ConnectionLostException : Exception
{
    public ConnectionLostException(string hostId, Exception inner)
        : base($"{hostId}: connection lost ({inner.Message})", inner) => HostId = hostId;

    public string HostId { get; }
}
