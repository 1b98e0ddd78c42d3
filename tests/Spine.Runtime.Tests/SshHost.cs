using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Spine.Runtime.Tests;

/// <summary>
/// A real Debian sshd on a loopback address and a free port, with a generated host key, accepting the
/// tests' client key for the current user; behind it the simulated qm/pct/docker (SetEnv PATH) keep
/// their state in <see cref="State"/>. Every path is absolute because sshd re-executes itself.
/// </summary>
public sealed class SshHost : IDisposable
{
    private Process _process;

    private SshHost(string name, string address, int port, string folder, Process process, string fingerprint)
    {
        Name = name;
        Address = address;
        Port = port;
        Folder = folder;
        _process = process;
        Fingerprint = fingerprint;
    }

    public string Name { get; }

    public string Address { get; }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>The host key's OpenSSH fingerprint, <c>SHA256:…</c>.</summary>
    public string Fingerprint { get; }

    public string State => Path.Combine(Folder, "state");

    public static string Sshd => File.Exists("/usr/sbin/sshd") ? "/usr/sbin/sshd" : throw new InvalidOperationException("Debian's openssh-server is required (apt-get install openssh-server; .ci/run installs it).");

    public static SshHost Start(string name, string address, string clientPublicKey, string simulatorBin)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"spine-sshd-{name}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(folder, "state", "vm"));
        Directory.CreateDirectory(Path.Combine(folder, "state", "ct"));
        File.WriteAllText(Path.Combine(folder, "state", "log"), string.Empty);
        Directory.CreateDirectory("/run/sshd");

        var hostKey = Path.Combine(folder, "host_ed25519");
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", hostKey);
        var fingerprint = Run("ssh-keygen", "-l", "-E", "sha256", "-f", hostKey + ".pub").Split(' ')[1];
        File.WriteAllText(Path.Combine(folder, "authorized_keys"), clientPublicKey);

        var port = FreePort(address);
        var config = Path.Combine(folder, "sshd_config");
        File.WriteAllText(config, $"""
            ListenAddress {address}:{port}
            HostKey {hostKey}
            PidFile {Path.Combine(folder, "sshd.pid")}
            AuthorizedKeysFile {Path.Combine(folder, "authorized_keys")}
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin prohibit-password
            LogLevel VERBOSE
            SetEnv PATH={simulatorBin}:/usr/bin:/bin SIM_STATE={Path.Combine(folder, "state")} SIM_HOST={name} SIM_HA_DELAY=1 SIM_POWEROFF_DELAY=2
            """);

        return new SshHost(name, address, port, folder, Daemon(address, port, folder), fingerprint);
    }

    /// <summary>Powers the host back on after a simulated poweroff: the same sshd config, key and port.</summary>
    public void Restart()
    {
        _process.WaitForExit(5000);
        File.Delete(Path.Combine(State, "powered-off"));
        _process = Daemon(Address, Port, Folder);
    }

    /// <summary>Whether a simulated poweroff has taken the host down (its sshd is gone).</summary>
    public bool PoweredOff => File.Exists(Path.Combine(State, "powered-off"));

    public void AddVm(int id, string name, string status) => File.WriteAllText(Path.Combine(State, "vm", id.ToString()), $"{name} {status}");

    public void AddContainer(int id, string name, string status) => File.WriteAllText(Path.Combine(State, "ct", id.ToString()), $"{name} {status}");

    public void Flag(string relative) => File.WriteAllText(Path.Combine(State, relative), string.Empty);

    public string Status(string kind, int id) => File.ReadAllText(Path.Combine(State, kind, id.ToString())).Trim().Split(' ')[1];

    /// <summary>The commands the simulator saw, in order: "ro qm list", "rw qm shutdown 210 --timeout 2", …</summary>
    public string[] Log() => File.ReadAllLines(Path.Combine(State, "log")).Select(l => string.Join(' ', l.Split(' ').Skip(2))).ToArray();

    public string[] Mutations() => Log().Where(l => l.StartsWith("rw ", StringComparison.Ordinal)).Select(l => l[3..]).ToArray();

    public void ClearLog() => File.WriteAllText(Path.Combine(State, "log"), string.Empty);

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static int FreePort(string address)
    {
        var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(" ", args)} failed ({p.ExitCode}): {error}");
        }

        return output.Trim();
    }

    /// <summary>Starts sshd on the folder's config (in the foreground, so the test owns the process) and waits until it listens.</summary>
    private static Process Daemon(string address, int port, string folder)
    {
        var process = Process.Start(new ProcessStartInfo(Sshd)
        {
            ArgumentList = { "-D", "-f", Path.Combine(folder, "sshd_config"), "-E", Path.Combine(folder, "sshd.log") },
            UseShellExecute = false,
        })!;
        WaitListening(address, port, process, folder);
        return process;
    }

    private static void WaitListening(string address, int port, Process process, string folder)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("sshd exited: " + File.ReadAllText(Path.Combine(folder, "sshd.log")));
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(address, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"sshd on {address}:{port} did not start");
    }
}
