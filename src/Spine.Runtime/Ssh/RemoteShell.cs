using System;
using System.Threading;

namespace Spine.Runtime.Ssh;

/// <summary>What one remote command gave.</summary>
public sealed record RemoteResult(int ExitCode, string Output, string Error)
{
    public bool Ok => ExitCode == 0;
}

/// <summary>
/// A connected host that runs commands: plain strings (built and validated by the caller; the transport knows nothing
/// of Proxmox). The only implementation is SSH.NET over a connection whose host key was verified.
/// </summary>
public interface IRemoteShell : IDisposable
{
    string HostId { get; }

    /// <summary>Runs the command to its end (or the timeout, or the cancellation).</summary>
    RemoteResult Run(string command, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a command that keeps running (a held lock) and waits until it prints a line: the first line, or the output
    /// when it ended first. Disposing the result closes its stdin, which ends it.
    /// </summary>
    HeldCommand Hold(string command, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>A command left running on a host; <see cref="FirstLine"/> is what it printed first, <see cref="Output"/> all it printed so far.</summary>
public abstract class HeldCommand : IDisposable
{
    public abstract string FirstLine { get; }

    public abstract string Output { get; }

    /// <summary>All it printed once it has ended (or after <paramref name="limit"/>): <see cref="Hold"/> returns at the first line, the rest may still be on its way.</summary>
    public abstract string OutputOnceEnded(TimeSpan limit);

    public abstract void Dispose();
}

/// <summary>A host that cannot be used: unreachable, refused key, failed authentication, unusable private key.</summary>
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

    /// <summary>The host answered with a key that is not trusted: never "unreachable", always a stop.</summary>
    public bool HostKeyRefused { get; }
}

/// <summary>A connection lost while a command was running.</summary>
public sealed class ConnectionLostException : Exception
{
    public ConnectionLostException(string hostId, Exception inner)
        : base($"{hostId}: connection lost ({inner.Message})", inner) => HostId = hostId;

    public string HostId { get; }
}
