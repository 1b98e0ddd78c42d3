using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Spine.Runtime.Proxmox;

/// <summary>
/// One remote command, built only here and only from validated values: guest ids and timeouts are integers, names
/// match a conservative pattern, paths are validated and single-quoted. Every command runs with LC_ALL=C so the
/// output is parseable. <see cref="Mutating"/> commands are never sent in a dry run.
/// </summary>
public sealed record ProxmoxCommand(string Text, bool Mutating)
{
    private static readonly Regex SafePath = new("^~?[A-Za-z0-9_./-]+$", RegexOptions.CultureInvariant);
    private static readonly Regex SafeName = new("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant);
    private static readonly Regex SafeWord = new("^[A-Za-z0-9_.:@+/-]{1,200}$", RegexOptions.CultureInvariant);

    public static ProxmoxCommand QmList() => Read("qm list");

    public static ProxmoxCommand PctList() => Read("pct list");

    public static ProxmoxCommand Status(GuestKind kind, int id) => Read($"{Kinds.Tool(kind)} status {Id(id)}");

    public static ProxmoxCommand Shutdown(GuestKind kind, int id, int timeoutSec) => Write($"{Kinds.Tool(kind)} shutdown {Id(id)} --timeout {Positive(timeoutSec)}");

    public static ProxmoxCommand Stop(GuestKind kind, int id) => Write($"{Kinds.Tool(kind)} stop {Id(id)}");

    public static ProxmoxCommand Start(GuestKind kind, int id) => Write($"{Kinds.Tool(kind)} start {Id(id)}");

    public static ProxmoxCommand PowerOff() => Write("poweroff");

    public static ProxmoxCommand ComposeUp(string path) => new($"cd {QuotePath(path)} && LC_ALL=C docker compose up -d", true);

    /// <summary>The host-side lock of a site's window: <c>flock -n</c> on a file under /run/lock, held while stdin stays open.</summary>
    public static string LockFile(string site) => $"/run/lock/spine-window-{Name(site)}.lock";

    /// <summary>
    /// Takes the lock and holds it for as long as the channel stays open (the last process keeps the descriptor, and
    /// exits when stdin closes): prints LOCKED, or BUSY and the holder's line, exit 3.
    /// </summary>
    public static ProxmoxCommand HoldLock(string site, string holder)
    {
        var file = LockFile(site);
        return new(
            $"exec 9>>{file} && if flock -n 9; then printf '%s\\n' {Word(holder)} > {file}.holder; echo LOCKED; exec cat >/dev/null; else echo BUSY; cat {file}.holder 2>/dev/null; exit 3; fi",
            false);
    }

    /// <summary>A path for the remote shell: validated, single-quoted; a leading ~ stays outside the quotes so it expands.</summary>
    public static string QuotePath(string path)
    {
        if (!SafePath.IsMatch(path) || path.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Refusing the path '{path}': only letters, digits, _ . / - and a leading ~ are allowed.", nameof(path));
        }

        return path.StartsWith("~/", StringComparison.Ordinal) ? "~/'" + path[2..] + "'" : "'" + path + "'";
    }

    public override string ToString() => Text;

    private static ProxmoxCommand Read(string text) => new("LC_ALL=C " + text, false);

    private static ProxmoxCommand Write(string text) => new("LC_ALL=C " + text, true);

    private static string Id(int id) => id > 0 ? id.ToString(CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(id), id, "Guest ids are positive integers.");

    private static string Positive(int value) => value > 0 ? value.ToString(CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(value));

    private static string Name(string name) => SafeName.IsMatch(name) ? name : throw new ArgumentException($"Refusing the name '{name}' in a remote command.", nameof(name));

    /// <summary>A validated word, single-quoted.</summary>
    private static string Word(string word) => SafeWord.IsMatch(word) ? "'" + word + "'" : throw new ArgumentException($"Refusing '{word}' in a remote command.", nameof(word));
}
