using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using Spine.Runtime.Cli;
using Spine.TestSupport;

namespace Spine.Runtime.Tests;

/// <summary>
/// Both sites behind real sshd instances on loopback (shop 127.0.0.2, home 127.0.0.3, the shop's
/// application VMs 127.0.0.4), a readiness endpoint answering 401, out-of-band endpoints, and a temp
/// copy of the repository's spine pointed at them. The window runs in process through the CLI entry.
/// </summary>
internal sealed class Lab : IDisposable
{
    private readonly TempCopy _spine;
    private readonly string _keys;
    private readonly HttpListener _http;
    private readonly TcpListener _oob;
    private readonly Thread _httpThread;

    /// <summary>The lab around a copy of <paramref name="spineSource"/> (default: this repository's own spine, with its guests on the hosts).</summary>
    public Lab(string? spineSource = null)
    {
        _keys = Path.Combine(Path.GetTempPath(), "spine-keys-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_keys);
        Identity = Path.Combine(_keys, "id_ed25519");
        SshHost.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", Identity);
        var publicKey = File.ReadAllText(Identity + ".pub");
        var bin = Path.Combine(AppContext.BaseDirectory, "Simulator");

        Shop = SshHost.Start("pve", "127.0.0.2", publicKey, bin);
        Home = SshHost.Start("proxmox-home", "127.0.0.3", publicKey, bin);
        Apps = SshHost.Start("apps", "127.0.0.4", publicKey, bin);

        _oob = new TcpListener(IPAddress.Loopback, 0);
        _oob.Start();
        OobPort = ((IPEndPoint)_oob.LocalEndpoint).Port;

        HttpPort = SshHost.FreePort("127.0.0.1");
        _http = new HttpListener();
        _http.Prefixes.Add($"http://127.0.0.1:{HttpPort}/");
        _http.Start();
        _httpThread = new Thread(Serve) { IsBackground = true };
        _httpThread.Start();

        _spine = TempCopy.OfSpine(spineSource ?? Paths.RepoRoot);
        JournalDir = Path.Combine(_spine.Path, "journals");
        StacksRoot = Path.Combine(Apps.Folder, "stacks");
        if (spineSource is null)
        {
            WriteSshTargets(Shop.Fingerprint);
            SetOobPort(OobPort);
        }
        else
        {
            PointTargetsAtTheLab();
        }

        // Recovery: short waits, probes at the lab's endpoint, compose stacks in a folder on the apps host.
        _spine.Edit("ops/bindings/startup.sequencing.yaml", t =>
            Regex.Replace(Regex.Replace(t, @"wait_after_sec: \d+", "wait_after_sec: 1"), @"""?http://127\.0\.0\.\d+:\d+(/[^\s""]*)?""?", $"\"http://127.0.0.1:{HttpPort}/\""));
        _spine.Edit("ops/bindings/docker.compose.targets.yaml", t => Regex.Replace(t, @"path: (""?)(/opt/stacks|/home/[a-z-]+/stacks)/", $"path: $1{StacksRoot}/"));
        foreach (var line in File.ReadAllLines(_spine.File("ops/bindings/docker.compose.targets.yaml")))
        {
            var m = Regex.Match(line, "path: \"?" + Regex.Escape(StacksRoot) + "/([A-Za-z0-9_.-]+)");
            if (m.Success)
            {
                Directory.CreateDirectory(Path.Combine(StacksRoot, m.Groups[1].Value));
            }
        }

        if (spineSource is null)
        {
            foreach (var (id, name, status) in new[] { (200, "docker-host", "running"), (202, "automation", "running"), (204, "infra-core", "running"), (205, "observability", "running"), (206, "dev-tools", "stopped"), (209, "download", "running"), (210, "streaming", "running"), (211, "scratch", "running"), (9000, "template", "stopped") })
            {
                Shop.AddVm(id, name, status);
            }

            Shop.AddContainer(300, "dns-shop", "running");
            Home.AddVm(100, "homeassistant", "running");
            Home.AddContainer(103, "download-home", "stopped");
        }
    }

    /// <summary>
    /// A real snapshot's SSH targets, pointed at the lab: pve at the shop sshd, proxmox-home at the home one, every other
    /// target at the apps host, each with its pinned key. Nothing connects to an address of the corpus.
    /// </summary>
    private void PointTargetsAtTheLab()
    {
        var path = _spine.File("ops/bindings/ssh.targets.yaml");
        var lines = File.ReadAllLines(path).ToList();
        string? id = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var idMatch = Regex.Match(lines[i], @"^(\s*)- id: ""?([A-Za-z0-9_.-]+)""?");
            if (idMatch.Success)
            {
                id = idMatch.Groups[2].Value;
                var host = id == "pve" ? Shop : id == "proxmox-home" ? Home : Apps;
                var indent = idMatch.Groups[1].Value + "  ";
                lines.Insert(i + 1, $"{indent}host_key: \"{host.Fingerprint}\"");
                lines.Insert(i + 1, $"{indent}port: {host.Port}");
                i += 2;
                continue;
            }

            if (id != null && Regex.IsMatch(lines[i], @"^\s+(host|port|host_key):"))
            {
                var host = id == "pve" ? Shop : id == "proxmox-home" ? Home : Apps;
                if (Regex.IsMatch(lines[i], @"^\s+host:"))
                {
                    lines[i] = Regex.Replace(lines[i], @"host:.*", $"host: \"{host.Address}\"");
                }
                else if (!lines[i].Contains(host.Fingerprint, StringComparison.Ordinal) && !lines[i].Contains($"port: {host.Port}", StringComparison.Ordinal))
                {
                    lines.RemoveAt(i--);
                }
            }
        }

        File.WriteAllLines(path, lines);
        _spine.Edit("ops/bindings/ssh.targets.yaml", t => Regex.Replace(t, @"(\n\s+)(user:\s*)""?[A-Za-z0-9_.-]+""?", "$1$2\"root\""));
    }

    public SshHost Shop { get; }

    public SshHost Home { get; }

    public SshHost Apps { get; }

    public string Identity { get; }

    /// <summary>Where the compose stacks of the application VMs live (on the test machine).</summary>
    public string StacksRoot { get; }

    public string Root => _spine.Path;

    public string JournalDir { get; }

    public int HttpPort { get; }

    public int OobPort { get; }

    public int Probes { get; private set; }

    public TempCopy Spine => _spine;

    public void WriteSshTargets(string shopFingerprint, int? homePort = null, bool pinned = true)
    {
        string Target(string id, SshHost host, string? fingerprint = null, int? port = null) =>
            $"    - id: \"{id}\"\n      host: \"{host.Address}\"\n      port: {port ?? host.Port}\n      user: \"root\"\n" + (pinned ? $"      host_key: \"{fingerprint ?? host.Fingerprint}\"\n" : string.Empty);
        File.WriteAllText(_spine.File("ops/bindings/ssh.targets.yaml"),
            "ssh:\n  defaults:\n    user: root\n    port: 22\n    connect_timeout_sec: 3\n  targets:\n"
            + Target("pve", Shop, shopFingerprint)
            + Target("proxmox-home", Home, port: homePort)
            + Target("infra-core", Apps) + Target("observability", Apps) + Target("docker-host", Apps) + Target("nas", Apps) + Target("ha", Apps));
    }

    public void SetOobPort(int port)
    {
        var path = _spine.File("ops/bindings/network.cutover.policy.yaml");
        var text = Regex.Replace(File.ReadAllText(path), @"host: [0-9.]+\n      port: \d+", $"host: 127.0.0.1\n      port: {port}");
        File.WriteAllText(path, text);
    }

    public void UsePreset(string preset) => _spine.Edit("ops/bindings/tenant.profile.yaml", t => Regex.Replace(t, @"preset: \w+", "preset: " + preset));

    /// <summary>A known_hosts file with the given hosts' real keys, as ssh-keyscan would write it.</summary>
    public string KnownHostsFor(params SshHost[] hosts)
    {
        var path = Path.Combine(_keys, "known_hosts");
        File.WriteAllLines(path, hosts.Select(h => $"[{h.Address}]:{h.Port} {File.ReadAllText(Path.Combine(h.Folder, "host_ed25519.pub")).Trim()}"));
        return path;
    }

    public (int Code, string Output) Window(string mode, bool execute = false, bool approve = false, string site = "both", string? resume = null, bool json = false, int shutdownTimeoutSec = 2, CancellationToken cancellation = default, string? knownHosts = null, bool powerOff = false, string? fromJournal = null, Func<MaintenanceWindowCommand.Arguments, MaintenanceWindowCommand.Arguments>? with = null) =>
        WindowSplit(mode, execute, approve, site, resume, json, shutdownTimeoutSec, cancellation, knownHosts, powerOff, fromJournal, with) is var (code, stdout, stderr) ? (code, stdout + stderr) : default;

    /// <summary>The window with stdout and stderr apart (for --json).</summary>
    public (int Code, string Stdout, string Stderr) WindowSplit(string mode, bool execute = false, bool approve = false, string site = "both", string? resume = null, bool json = false, int shutdownTimeoutSec = 2, CancellationToken cancellation = default, string? knownHosts = null, bool powerOff = false, string? fromJournal = null, Func<MaintenanceWindowCommand.Arguments, MaintenanceWindowCommand.Arguments>? with = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var args = Arguments(mode, execute, approve, site, resume, json, shutdownTimeoutSec, knownHosts, powerOff, fromJournal);
        var code = MaintenanceWindowCommand.Run(with is null ? args : with(args), stdout, stderr, cancellation);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The lab's arguments: its key, its journal folder, short waits. A resume gives only what the test names.</summary>
    public MaintenanceWindowCommand.Arguments Arguments(string mode, bool execute = false, bool approve = false, string site = "both", string? resume = null, bool json = false, int shutdownTimeoutSec = 2, string? knownHosts = null, bool powerOff = false, string? fromJournal = null) =>
        new(site, mode, execute, powerOff, shutdownTimeoutSec, false, approve, Identity, knownHosts ?? Path.Combine(_keys, "no_known_hosts"), json, resume, fromJournal, Root, JournalDir, 5, 50, 30)
        {
            Given = resume is null ? new System.Collections.Generic.HashSet<string> { "--site", "--mode" } : new System.Collections.Generic.HashSet<string>(),
        };

    /// <summary>The keys folder (a test plants keys of its own there).</summary>
    public string KeysFolder => _keys;

    public string LatestJournal() => Directory.GetFiles(JournalDir, "window-*.json").OrderBy(f => f).Last();

    public void Dispose()
    {
        _http.Stop();
        _oob.Stop();
        Shop.Dispose();
        Home.Dispose();
        Apps.Dispose();
        _spine.Dispose();
        try
        {
            Directory.Delete(_keys, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Serve()
    {
        while (_http.IsListening)
        {
            try
            {
                var context = _http.GetContext();
                Probes++;
                context.Response.StatusCode = 401;
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                return;
            }
        }
    }
}
