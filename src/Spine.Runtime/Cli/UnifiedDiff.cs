using System;
using System.Collections.Generic;
using System.Text;

namespace Spine.Runtime.Cli;

/// <summary>A unified diff of two texts by lines (Myers' O(ND) algorithm; the fixes change few lines of large files).</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Of(string path, string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        var script = Script(a, b);
        var text = new StringBuilder();
        text.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');

        // Group the edit script into hunks with context lines around each change.
        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            var quiet = 0;
            while (end < script.Count && quiet <= 2 * Context)
            {
                quiet = script[end].Kind == ' ' ? quiet + 1 : 0;
                end++;
            }

            end = Math.Min(script.Count, end - Math.Max(0, quiet - Context));
            var (oldStart, newStart) = (script[start].A + 1, script[start].B + 1);
            var oldCount = 0;
            var newCount = 0;
            var body = new StringBuilder();
            for (var k = start; k < end; k++)
            {
                var line = script[k].Kind == '+' ? b[script[k].B] : a[script[k].A];
                body.Append(script[k].Kind).Append(line).Append('\n');
                oldCount += script[k].Kind == '+' ? 0 : 1;
                newCount += script[k].Kind == '-' ? 0 : 1;
            }

            text.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n").Append(body);
            i = end;
        }

        return text.ToString();
    }

    private readonly record struct Op(char Kind, int A, int B);

    /// <summary>The shortest edit script: ' ' keeps a[A] (= b[B]), '-' drops a[A], '+' inserts b[B].</summary>
    private static List<Op> Script(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var max = n + m;
        var v = new int[2 * max + 2];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, a.Length, b.Length, max);
                }
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private static List<Op> Backtrack(List<int[]> trace, int x, int y, int max)
    {
        var ops = new List<Op>();
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var prevK = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) ? k + 1 : k - 1;
            var prevX = d == 0 ? 0 : v[max + prevK];
            var prevY = prevX - prevK;
            while (x > prevX && y > prevY)
            {
                ops.Add(new Op(' ', --x, --y));
            }

            if (d > 0)
            {
                ops.Add(x == prevX ? new Op('+', x, --y) : new Op('-', --x, y));
            }

            x = prevX;
            y = prevY;
        }

        ops.Reverse();
        return ops;
    }
}
