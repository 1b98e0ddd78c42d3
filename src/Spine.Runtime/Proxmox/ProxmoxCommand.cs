using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Spine.Runtime.Proxmox;

/// <summary>
/// One remote command, built only here and only from validated values: guest ids are integers,
/// timeouts are integers, paths must match a conservative pattern and are single-quoted. Every
/// command runs with LC_ALL=C so the output is parseable. <see cref="Mutating"/> commands are never
/// sent in a dry run.
/// </summary>
public sealed record ProxmoxCommand(string Text, bool Mutating)
{
    private static readonly Regex SafePath = new("^~?[A-Za-z0-9_./-]+$", RegexOptions.CultureInvariant);

    public static ProxmoxCommand QmList() => Read("qm list");

    public static ProxmoxCommand PctList() => Read("pct list");

    public static ProxmoxCommand Status(Guest guest) => Read($"{Tool(guest.Kind)} status {Id(guest.Id)}");

    public static ProxmoxCommand Shutdown(Guest guest, int timeoutSec) => Write($"{Tool(guest.Kind)} shutdown {Id(guest.Id)} --timeout {Positive(timeoutSec)}");

    public static ProxmoxCommand Stop(Guest guest) => Write($"{Tool(guest.Kind)} stop {Id(guest.Id)}");

    public static ProxmoxCommand Start(Guest guest) => Write($"{Tool(guest.Kind)} start {Id(guest.Id)}");

    public static ProxmoxCommand PowerOff() => Write("poweroff");

    public static ProxmoxCommand ComposeUp(string path) => Write($"cd {QuotePath(path)} && LC_ALL=C docker compose up -d");

    /// <summary>A path for the remote shell: validated, single-quoted; a leading ~ stays outside the quotes so it expands.</summary>
    public static string QuotePath(string path)
    {
        if (!SafePath.IsMatch(path) || path.Contains(".."))
        {
            throw new ArgumentException($"Refusing the path '{path}': only letters, digits, _ . / - and a leading ~ are allowed.", nameof(path));
        }

        return path.StartsWith("~/", StringComparison.Ordinal) ? "~/'" + path.Substring(2) + "'" : "'" + path + "'";
    }

    public override string ToString() => Text;

    private static ProxmoxCommand Read(string text) => new("LC_ALL=C " + text, false);

    private static ProxmoxCommand Write(string text) => new(text.StartsWith("cd ", StringComparison.Ordinal) ? text : "LC_ALL=C " + text, true);

    private static string Tool(GuestKind kind) => kind == GuestKind.Vm ? "qm" : "pct";

    private static string Id(int id) => id > 0 ? id.ToString(CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(id), id, "Guest ids are positive integers.");

    private static string Positive(int value) => value > 0 ? value.ToString(CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(value));
}
