using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Spine.Model.Yaml;

namespace Spine.Model.Baselines
{
    /// <summary>
    /// What identifies a finding across edits: its rule, its file, the YAML node path and value at its place, and
    /// its message with every number blanked (messages cite line numbers, which move). Hashed to 16 hex digits.
    /// </summary>
    public static class Fingerprint
    {
        private static readonly Regex Digits = new Regex("[0-9]+", RegexOptions.CultureInvariant);

        /// <summary>The node path of the finding (for people) and its fingerprint (the key).</summary>
        public static (string Path, string Hash) Of(Finding finding, YamlDocument? document)
        {
            var (path, value) = document is null ? (string.Empty, string.Empty) : YamlPaths.At(document, finding.Span.Start);
            var text = string.Join("\n", finding.RuleId, finding.Span.File, path, value, Digits.Replace(finding.Message, "#"));
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder(16);
            for (var i = 0; i < 8; i++)
            {
                hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return (path, hex.ToString());
        }
    }
}
