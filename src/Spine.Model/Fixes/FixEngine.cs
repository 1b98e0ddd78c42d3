using System;
using System.Collections.Generic;
using System.Linq;

namespace Spine.Model.Fixes
{
    /// <summary>
    /// The fixes of a finding — one implementation for the IDE's code fixes and <c>spine fix</c>. A finding has a fix
    /// when its repair is obvious: the rule's <see cref="Finding.Repair"/>, a duplicate key, a plain scalar that YAML
    /// reads as a mapping, or a "did you mean" with a close match. Each fix is the smallest text edit that keeps the
    /// file's comments, order and indentation.
    /// </summary>
    public static class FixEngine
    {
        public static IReadOnlyList<SpineFix> For(Finding finding, FixContext context)
        {
            var fixes = new List<SpineFix>();
            try
            {
                switch (finding.Repair?.Kind)
                {
                    case RepairKind.AddCapabilityField:
                    case RepairKind.AddCapabilityList:
                        fixes.AddRange(CapabilityFixes.AddField(finding, context));
                        break;
                    case RepairKind.ReplaceValue:
                        fixes.AddRange(ValueFixes.Replace(finding, finding.Repair.Value!, context, $"Set {finding.Repair.Field} to '{finding.Repair.Value}'", finding.RuleId + ".SetExpected"));
                        break;
                    case RepairKind.DeclareCategory:
                        fixes.AddRange(RegistryFixes.DeclareCategory(finding, context));
                        break;
                    case RepairKind.AddMapEntry:
                        fixes.AddRange(MapFixes.Add(finding, context));
                        break;
                    case RepairKind.RemoveMapEntry:
                        fixes.AddRange(MapFixes.Remove(finding, context));
                        break;
                }

                if (finding.RuleId == RuleCatalog.DuplicateKey.Id)
                {
                    fixes.AddRange(DuplicateKeyFixes.For(finding, context));
                }

                if (finding.RuleId == RuleCatalog.WrongType.Id)
                {
                    fixes.AddRange(QuotingFix.For(finding, context));
                }

                if (Rules.Names.Suggestion(finding.Message) is { } suggestion)
                {
                    fixes.AddRange(ValueFixes.Replace(finding, suggestion, context, $"Replace with '{suggestion}'", finding.RuleId + ".DidYouMean"));
                }
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is IndexOutOfRangeException)
            {
                // A fix that cannot find its place in the text is no fix; the finding stays.
            }

            return fixes;
        }

        /// <summary>
        /// Applies changes to one file's text: identical changes once, the rest from the end backwards; a change that
        /// overlaps one already taken is left out (the next run of <c>spine fix</c> finds its finding again).
        /// </summary>
        public static string Apply(string text, IEnumerable<TextChange> changes, out int skipped)
        {
            skipped = 0;
            var taken = new List<TextChange>();
            foreach (var change in changes.Distinct())
            {
                // Insertions at one place (two fields added to one capability) are kept in order, one after the other.
                var sameInsertion = change.Length == 0 ? taken.FindIndex(t => t.Length == 0 && t.Start == change.Start) : -1;
                if (sameInsertion >= 0)
                {
                    taken[sameInsertion] = taken[sameInsertion] with { NewText = taken[sameInsertion].NewText + change.NewText };
                    continue;
                }

                if (taken.Any(t => change.Start < t.Start + t.Length && t.Start < change.Start + change.Length
                    || (change.Length == 0 && t.Length > 0 && change.Start > t.Start && change.Start < t.Start + t.Length)
                    || (t.Length == 0 && change.Length > 0 && t.Start > change.Start && t.Start < change.Start + change.Length)))
                {
                    skipped++;
                    continue;
                }

                taken.Add(change);
            }

            foreach (var change in taken.OrderByDescending(c => c.Start).ThenByDescending(c => c.Length))
            {
                text = text.Substring(0, change.Start) + change.NewText + text.Substring(change.Start + change.Length);
            }

            return text;
        }
    }
}
