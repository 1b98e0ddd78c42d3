using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;
using Spine.Model.Yaml;

namespace Spine.Model.Fixes
{
    /// <summary>An undeclared gate category added to the registry's categories, in the list's own style.</summary>
    internal static class RegistryFixes
    {
        public static IEnumerable<SpineFix> DeclareCategory(Finding finding, FixContext context)
        {
            var category = finding.Repair!.Value!;
            var text = context.Text(GateRegistry.Path);
            var list = YamlText.Entry(context.Document(GateRegistry.Path)?.Root, "categories")?.Value as YamlSequence;
            if (text is null || list is null || list.Items.Count == 0)
            {
                yield break;
            }

            var first = list.Items[0];
            var lead = YamlText.LeadingWhitespace(text, first.Span.Start);
            var item = first is YamlMapping map && map.Entries.Count > 0 ? $"{lead}- {map.Entries[0].Key.Value}: {category}\n" : $"{lead}- {category}\n";
            var at = YamlText.Lines(text, list.Items[list.Items.Count - 1]).End;
            yield return new SpineFix($"Declare category '{category}' in the registry", finding.RuleId + ".DeclareCategory", finding, new[] { new TextChange(GateRegistry.Path, at, 0, YamlText.AsLines(text, at, item)) });
        }
    }
}
