using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Spine.Model.Bindings;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>
    /// D67's repairs: a capability missing from capability_map.yaml gets an entry in the map's own style (the fields its
    /// first entry has, filled from the capability: plugin and script from its command, its safety), placed after the
    /// map entry of the capability before it; a phantom entry is removed.
    /// </summary>
    internal static class MapFixes
    {
        private static readonly Regex PluginCommand = new Regex(@"^\./ops/plugins/([^/\s]+)/bin/([^/\s]+)", RegexOptions.CultureInvariant);

        public static IEnumerable<SpineFix> Add(Finding finding, FixContext context)
        {
            var name = finding.Repair!.Target!;
            var text = context.Text(CapabilityMap.Path);
            var map = YamlText.Mapping(context.Document(CapabilityMap.Path)?.Root, "capabilities");
            var capability = context.Workspace.Capabilities?.Find(name);
            if (text is null || map is null || map.Entries.Count == 0 || capability is null || map.Entries[0].Value is not YamlMapping shape)
            {
                yield break;
            }

            var values = Values(context, map, capability);
            var keyIndent = YamlText.Indent(map.Entries[0].Key.Span.Column);
            var bodyIndent = shape.Entries.Count > 0 ? YamlText.Indent(shape.Entries[0].Key.Span.Column) : keyIndent + "  ";
            var lines = $"{keyIndent}{name}:\n" + string.Concat(shape.Entries
                .Where(e => values.TryGetValue(e.Key.Value, out var v) && v != null)
                .Select(e => $"{bodyIndent}{e.Key.Value}: {values[e.Key.Value]}\n"));

            // After the entry of the nearest capability before it in capabilities.yaml that the map has; else at the end.
            var order = context.Workspace.Capabilities!.Capabilities.Select(c => c.Name.Value).ToList();
            var before = order.Take(order.IndexOf(name)).Reverse().Select(n => map.UniqueEntries.FirstOrDefault(e => e.Key.Value == n)).FirstOrDefault(e => e != null);
            var at = YamlText.Lines(text, before ?? map.Entries[map.Entries.Count - 1]).End;
            yield return new SpineFix($"Add '{name}' to {CapabilityMap.Path}", finding.RuleId + ".AddMapEntry", finding, new[] { new TextChange(CapabilityMap.Path, at, 0, YamlText.AsLines(text, at, lines)) });
        }

        /// <summary>
        /// The new entry's values: plugin and script as the map already says for another capability run by the same program
        /// (its command's first word), else from an <c>./ops/plugins/P/bin/S</c> command, else from the name; its safety.
        /// </summary>
        private static Dictionary<string, string?> Values(FixContext context, YamlMapping map, Capability capability)
        {
            var program = Program(capability);
            var sibling = context.Workspace.Capabilities!.Capabilities
                .Where(c => c.Name.Value != capability.Name.Value && program != null && Program(c) == program)
                .Select(c => map.UniqueEntries.FirstOrDefault(e => e.Key.Value == c.Name.Value)?.Value as YamlMapping)
                .FirstOrDefault(m => m != null);
            string? Of(string key) => (sibling?.UniqueEntries.FirstOrDefault(e => e.Key.Value == key)?.Value as YamlScalar)?.Value;
            var command = PluginCommand.Match(capability.Command?.Value ?? string.Empty);
            var name = capability.Name.Value;
            return new Dictionary<string, string?>
            {
                ["plugin"] = Of("plugin") ?? (command.Success ? command.Groups[1].Value : name.Split('.')[0]),
                ["script"] = Of("script") ?? (command.Success ? command.Groups[2].Value : name.Replace('.', '-')),
                ["safety"] = capability.Safety?.Value,
            };
        }

        private static string? Program(Capability capability) =>
            capability.Command?.Value.Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

        public static IEnumerable<SpineFix> Remove(Finding finding, FixContext context)
        {
            var text = context.Text(CapabilityMap.Path);
            var map = YamlText.Mapping(context.Document(CapabilityMap.Path)?.Root, "capabilities");
            var entry = map?.Entries.FirstOrDefault(e => e.Key.Span.Start == finding.Span.Start);
            if (text is null || entry is null)
            {
                yield break;
            }

            var (start, end) = YamlText.Lines(text, entry);
            yield return new SpineFix($"Remove the phantom entry '{entry.Key.Value}'", finding.RuleId + ".RemoveMapEntry", finding, new[] { new TextChange(CapabilityMap.Path, start, end - start, string.Empty) });
        }
    }
}
