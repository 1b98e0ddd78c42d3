using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>D137's repairs of a capability: a missing field added with the expected value, at the end of its block.</summary>
    internal static class CapabilityFixes
    {
        public static IEnumerable<SpineFix> AddField(Finding finding, FixContext context)
        {
            var repair = finding.Repair!;
            var text = context.Text(CapabilityRegistry.Path);
            var capabilities = YamlText.Mapping(context.Document(CapabilityRegistry.Path)?.Root, "capabilities");
            var entry = capabilities?.UniqueEntries.FirstOrDefault(e => e.Key.Value == repair.Target);
            if (text is null || entry?.Value is not YamlMapping body || body.Entries.Count == 0)
            {
                yield break;
            }

            // A precondition is a capability: never add one the spine does not have (that would be a new finding).
            if (repair.Field == "requires" && context.Workspace.Capabilities?.Find(repair.Value!) is null)
            {
                yield break;
            }

            var indent = YamlText.Indent(body.Entries[0].Key.Span.Column);
            var lines = repair.Kind == RepairKind.AddCapabilityList
                ? $"{indent}{repair.Field}:\n{indent}  - {repair.Value}\n"
                : $"{indent}{repair.Field}: {repair.Value}\n";
            var title = repair.Kind == RepairKind.AddCapabilityList ? $"Add {repair.Field}: [{repair.Value}]" : $"Add {repair.Field}: {repair.Value}";

            // An empty one (requires: [] or requires: with nothing) is replaced; else the field goes after the last one.
            if (body.UniqueEntries.FirstOrDefault(e => e.Key.Value == repair.Field) is { } empty)
            {
                var (start, end) = YamlText.Lines(text, empty);
                yield return new SpineFix(title, finding.RuleId + ".AddExpected", finding, new[] { new TextChange(CapabilityRegistry.Path, start, end - start, lines) });
                yield break;
            }

            var at = YamlText.Lines(text, body.Entries[body.Entries.Count - 1]).End;
            yield return new SpineFix(title, finding.RuleId + ".AddExpected", finding, new[] { new TextChange(CapabilityRegistry.Path, at, 0, YamlText.AsLines(text, at, lines)) });
        }
    }
}
