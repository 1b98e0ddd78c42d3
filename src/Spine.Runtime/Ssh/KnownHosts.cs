using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Spine.Runtime.Ssh;

/// <summary>
/// An OpenSSH known_hosts file: <c>host[,host…] keytype base64</c>, hosts as <c>name</c>,
/// <c>[name]:port</c>, wildcards, or hashed <c>|1|salt|hash</c> (HashKnownHosts). Markers (@revoked,
/// @cert-authority) are not trusted: a revoked line refuses the key.
/// </summary>
public sealed class KnownHosts
{
    private readonly List<(string Marker, string Hosts, string KeyType, byte[] Key)> _entries;

    private KnownHosts(List<(string, string, string, byte[])> entries) => _entries = entries;

    public static KnownHosts Load(string path) => Parse(File.ReadAllText(path));

    public static KnownHosts Parse(string text)
    {
        var entries = new List<(string, string, string, byte[])>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var marker = parts[0].StartsWith('@') ? parts[0] : string.Empty;
            var offset = marker.Length > 0 ? 1 : 0;
            if (parts.Length < offset + 3)
            {
                continue;
            }

            try
            {
                entries.Add((marker, parts[offset], parts[offset + 1], Convert.FromBase64String(parts[offset + 2])));
            }
            catch (FormatException)
            {
                // A corrupt line trusts nothing.
            }
        }

        return new KnownHosts(entries);
    }

    /// <summary>Whether the key is known for host:port; false for unknown, mismatched or revoked keys.</summary>
    public bool Trusts(string host, int port, string keyType, byte[] key)
    {
        var name = port == 22 ? host : $"[{host}]:{port.ToString(CultureInfo.InvariantCulture)}";
        var matching = _entries.Where(e => e.Hosts.Split(',').Any(h => Matches(h, name))).ToList();
        if (matching.Any(e => e.Marker == "@revoked" && e.Key.AsSpan().SequenceEqual(key)))
        {
            return false;
        }

        return matching.Any(e => e.Marker.Length == 0 && e.KeyType == keyType && e.Key.AsSpan().SequenceEqual(key));
    }

    private static bool Matches(string pattern, string name)
    {
        if (pattern.StartsWith("|1|", StringComparison.Ordinal))
        {
            var fields = pattern.Split('|');
            if (fields.Length != 4)
            {
                return false;
            }

            using var hmac = new HMACSHA1(Convert.FromBase64String(fields[2]));
            return Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(name))) == fields[3];
        }

        if (pattern.IndexOfAny(new[] { '*', '?' }) >= 0)
        {
            var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
            return System.Text.RegularExpressions.Regex.IsMatch(name, regex, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        }

        return string.Equals(pattern, name, StringComparison.OrdinalIgnoreCase);
    }
}
