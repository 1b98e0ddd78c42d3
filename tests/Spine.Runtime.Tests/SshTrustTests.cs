using System;
using System.Security.Cryptography;
using System.Text;
using Spine.Runtime.Ssh;
using Xunit;

namespace Spine.Runtime.Tests;

public class SshTrustTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("a host key blob");
    private static readonly string Sha = Convert.ToBase64String(SHA256.HashData(Key)).TrimEnd('=');

    [Fact]
    public void A_pinned_fingerprint_must_match()
    {
        Assert.Null(HostKeyCheck.Refusal("SHA256:" + Sha, null, "127.0.0.2", 22, "ssh-ed25519", Key, Sha));
        Assert.Contains("mismatch", HostKeyCheck.Refusal("SHA256:" + new string('B', 43), null, "127.0.0.2", 22, "ssh-ed25519", Key, Sha));
    }

    [Fact]
    public void Without_pin_or_known_hosts_the_key_is_refused()
    {
        Assert.Contains("not pinned", HostKeyCheck.Refusal(null, null, "127.0.0.2", 22, "ssh-ed25519", Key, Sha));
    }

    [Fact]
    public void Known_hosts_matches_plain_bracketed_and_hashed_names()
    {
        var b64 = Convert.ToBase64String(Key);
        var salt = RandomNumberGenerator.GetBytes(20);
        using var hmac = new HMACSHA1(salt);
        var hashed = $"|1|{Convert.ToBase64String(salt)}|{Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes("[127.0.0.9]:2222")))}";
        var known = KnownHosts.Parse($"# comment\n127.0.0.2 ssh-ed25519 {b64}\n[127.0.0.3]:2222,other ssh-ed25519 {b64}\n{hashed} ssh-ed25519 {b64}\nbroken line\n");
        Assert.True(known.Trusts("127.0.0.2", 22, "ssh-ed25519", Key));
        Assert.True(known.Trusts("127.0.0.3", 2222, "ssh-ed25519", Key));
        Assert.True(known.Trusts("127.0.0.9", 2222, "ssh-ed25519", Key));
        Assert.False(known.Trusts("127.0.0.3", 22, "ssh-ed25519", Key));
        Assert.False(known.Trusts("127.0.0.2", 22, "ssh-rsa", Key));
        Assert.False(known.Trusts("127.0.0.2", 22, "ssh-ed25519", Encoding.ASCII.GetBytes("another key")));
        Assert.Null(HostKeyCheck.Refusal(null, known, "127.0.0.2", 22, "ssh-ed25519", Key, Sha));
    }

    [Fact]
    public void A_revoked_key_is_refused_even_when_listed()
    {
        var b64 = Convert.ToBase64String(Key);
        var known = KnownHosts.Parse($"127.0.0.2 ssh-ed25519 {b64}\n@revoked * ssh-ed25519 {b64}\n");
        Assert.False(known.Trusts("127.0.0.2", 22, "ssh-ed25519", Key));
    }
}
