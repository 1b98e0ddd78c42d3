using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.Model.Loading;
using Spine.Model.Yaml;

namespace Spine.TestSupport;

/// <summary>
/// A spine N times a real one, for scaling measurements: its capabilities (and their map entries), gates and gate
/// assignments repeated N times with unique names and ids (<c>name.s2</c>, <c>D2067</c>), the registry's counts scaled,
/// and every file no binding reads copied N−1 times under <c>ops/synthetic/kK/</c>. The drift is the real one's,
/// N times over.
/// </summary>
public static class SyntheticSpine
{
    public static IReadOnlyList<SpineFile> Of(IReadOnlyList<SpineFile> files, int factor)
    {
        var result = new List<SpineFile>();
        foreach (var file in files)
        {
            var text = file.Path switch
            {
                "ops/capabilities.yaml" or "ops/bindings/capability_map.yaml" => Repeat(file, "capabilities", factor, (block, k) => Regex.Replace(block, @"(?m)^  ([^\s#][^:\s]*):", $"  $1.s{k}:")),
                "ops/bindings/gate.registry.yaml" => ScaleCounts(Repeat(file, "gates", factor, (block, k) => Regex.Replace(block, @"(?m)^  - id: D(\d+)", m => $"  - id: D{k * 1000 + int.Parse(m.Groups[1].Value)}")), factor),
                "ops/bindings/gate.execution.topology.yaml" => Repeat(file, "gate_assignments", factor, (block, k) => Regex.Replace(block, @"(?m)^  - gate_id: D(\d+)", m => $"  - gate_id: D{k * 1000 + int.Parse(m.Groups[1].Value)}")),
                _ => file.Text,
            };
            result.Add(new SpineFile(file.Path, text));
            if (!SpineLoader.IsModelled(file.Path))
            {
                for (var k = 2; k <= factor; k++)
                {
                    result.Add(new SpineFile($"ops/synthetic/k{k}/" + file.Path.Substring("ops/".Length), file.Text));
                }
            }
        }

        return result;
    }

    /// <summary>The text of top-level <paramref name="key"/>'s children, repeated after them with each copy transformed.</summary>
    private static string Repeat(SpineFile file, string key, int factor, Func<string, int, string> transform)
    {
        var document = ParsedFile.Parse(file.Path, file.Text).Document;
        if (document.Root is not YamlMapping root || root.UniqueEntries.FirstOrDefault(e => e.Key.Value == key) is not { } entry)
        {
            return file.Text;
        }

        var (start, end) = entry.Value switch
        {
            YamlMapping m when m.Entries.Count > 0 => (m.Entries[0].Key.Span.Start, m.Entries[^1].Value.Span.End),
            YamlSequence s when s.Items.Count > 0 => (s.Items[0].Span.Start, s.Items[^1].Span.End),
            _ => (-1, -1),
        };
        if (start < 0)
        {
            return file.Text;
        }

        start = file.Text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var lineEnd = file.Text.IndexOf('\n', end);
        end = lineEnd < 0 ? file.Text.Length : lineEnd + 1;
        var block = file.Text.Substring(start, end - start);
        if (!block.EndsWith('\n'))
        {
            block += "\n";
        }

        var copies = string.Concat(Enumerable.Range(2, Math.Max(0, factor - 1)).Select(k => transform(block, k)));
        var head = file.Text.Substring(0, end);
        return head + (head.EndsWith('\n') ? string.Empty : "\n") + copies + file.Text.Substring(end);
    }

    private static string ScaleCounts(string text, int factor) =>
        Regex.Replace(text, @"(?m)^(  (?:total|active|retired): )(\d+)", m => m.Groups[1].Value + (int.Parse(m.Groups[2].Value) * factor));
}
