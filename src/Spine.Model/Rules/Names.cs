using System;
using System.Collections.Generic;
using System.Linq;

namespace Spine.Model.Rules
{
    /// <summary>Small helpers the rules share: name sets and "did you mean" text.</summary>
    internal static class Names
    {
        public static HashSet<string> Set(IEnumerable<string> names) => new HashSet<string>(names, StringComparer.Ordinal);

        public static HashSet<string> Set(IEnumerable<Located<string>> names) => Set(names.Select(n => n.Value));

        public static string List(IEnumerable<string> names) => string.Join(", ", names.OrderBy(n => n, StringComparer.Ordinal));

        /// <summary>The nearest known name (edit distance ≤ 2), as a hint for typos.</summary>
        public static string Hint(string name, IEnumerable<string> known)
        {
            var best = known
                .Select(k => new { k, d = Distance(name, k) })
                .Where(x => x.d <= 2)
                .OrderBy(x => x.d)
                .ThenBy(x => x.k, StringComparer.Ordinal)
                .FirstOrDefault();
            return best is null ? string.Empty : $" Did you mean '{best.k}'?";
        }

        /// <summary>The name a message's "Did you mean" hint proposes, or null (the fix engine replaces the value with it).</summary>
        public static string? Suggestion(string message)
        {
            var at = message.LastIndexOf(" Did you mean '", StringComparison.Ordinal);
            if (at < 0 || !message.EndsWith("'?", StringComparison.Ordinal))
            {
                return null;
            }

            var start = at + " Did you mean '".Length;
            return message.Substring(start, message.Length - 2 - start);
        }

        private static int Distance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2)
            {
                return 3;
            }

            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                prev[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                }

                var t = prev;
                prev = cur;
                cur = t;
            }

            return prev[b.Length];
        }
    }
}
