using System;
using System.IO;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Spine.Runtime.Ssh;

/// <summary>
/// Loads the operator's private key as OpenSSH would: a key readable by group or other is refused (with the fix in
/// the message); an encrypted key is opened with <c>SPINE_SSH_PASSPHRASE</c>, else a passphrase asked on the
/// terminal; without either it is refused, saying how to give one.
/// </summary>
public static class PrivateKeys
{
    public const string PassphraseVariable = "SPINE_SSH_PASSPHRASE";

    /// <summary>The key, or the reason it cannot be used (the caller reports it as a stop, never as "unreachable").</summary>
    public static PrivateKeyFile Load(string path, Func<string?>? passphrase = null)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
            {
                throw new UnusableKeyException($"the private key {path} is readable by others (mode {Convert.ToString((int)mode, 8)}); OpenSSH refuses such a key and so does Spine. Fix: chmod 600 {path}");
            }
        }

        try
        {
            return new PrivateKeyFile(path);
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            var secret = (passphrase ?? Ask)();
            if (string.IsNullOrEmpty(secret))
            {
                throw new UnusableKeyException($"the private key {path} is encrypted: set {PassphraseVariable}, or run spine on a terminal to be asked for its passphrase");
            }

            try
            {
                return new PrivateKeyFile(path, secret);
            }
            catch (Exception ex) when (ex is SshException or InvalidOperationException or FormatException or System.Security.Cryptography.CryptographicException)
            {
                throw new UnusableKeyException($"the private key {path} cannot be opened with the given passphrase ({ex.Message})");
            }
        }
        catch (Exception ex) when (ex is SshException or IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            throw new UnusableKeyException($"cannot read the private key {path}: {ex.Message}");
        }
    }

    /// <summary>SPINE_SSH_PASSPHRASE, else a prompt without echo when both stdin and stderr are a terminal.</summary>
    private static string? Ask()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PassphraseVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        if (Console.IsInputRedirected || Console.IsErrorRedirected)
        {
            return null;
        }

        Console.Error.Write("Passphrase for the SSH key: ");
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}

/// <summary>A private key that must not or cannot be used.</summary>
public sealed class UnusableKeyException : Exception
{
    public UnusableKeyException(string message)
        : base(message)
    {
    }
}
