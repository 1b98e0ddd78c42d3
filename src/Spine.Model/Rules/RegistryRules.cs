using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;

namespace Spine.Model.Rules
{
    /// <summary>SPINE301: ids are unique: gates, gate assignments, topology domains, SSH targets.</summary>
    internal sealed class DuplicateIdRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.DuplicateId;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            var lists = new List<(string What, IEnumerable<Located<string>> Ids)>
            {
                ("Gate id", workspace.Registry?.Gates.Where(g => g.Id.Value.Length > 0).Select(g => g.Id) ?? Enumerable.Empty<Located<string>>()),
                ("Gate assignment", workspace.Topology?.Assignments.Select(a => a.GateId) ?? Enumerable.Empty<Located<string>>()),
                ("Domain id", workspace.Topology?.Domains.Select(d => d.Id) ?? Enumerable.Empty<Located<string>>()),
                ("SSH target id", workspace.SshTargets?.Targets.Select(t => t.Id) ?? Enumerable.Empty<Located<string>>()),
            };

            foreach (var (what, ids) in lists)
            {
                var first = new Dictionary<string, SourceSpan>();
                foreach (var id in ids)
                {
                    if (first.TryGetValue(id.Value, out var at))
                    {
                        yield return Descriptor.At(id.Span, $"{what} '{id.Value}' is declared twice (first at line {at.Line}).", at);
                    }
                    else
                    {
                        first.Add(id.Value, id.Span);
                    }
                }
            }
        }
    }

    /// <summary>SPINE302: gate_count total/active/retired equal what the gate list holds.</summary>
    internal sealed class GateCountRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.GateCount;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Registry is not { } registry || registry.Count is not { } count)
            {
                yield break;
            }

            var total = registry.Gates.Count;
            var retired = registry.Gates.Count(g => g.Retired);
            foreach (var (name, declared, actual) in new[] { ("total", count.Total, total), ("active", count.Active, total - retired), ("retired", count.Retired, retired) })
            {
                if (declared is { } d && d.Value != actual)
                {
                    yield return Descriptor.At(d.Span, $"gate_count.{name} says {d.Value}, but the registry lists {actual} {(name == "total" ? string.Empty : name + " ")}gates.")
                        .Repairable(new Fixes.Repair(Fixes.RepairKind.ReplaceValue, "gate_count", name, actual.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }
    }

    /// <summary>SPINE303: each gate's category is one of the registry's declared categories.</summary>
    internal sealed class UndeclaredCategoryRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UndeclaredCategory;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Registry is not { } registry || registry.Categories.IsEmpty)
            {
                yield break;
            }

            var declared = Names.Set(registry.Categories.Where(c => c.Id != null).Select(c => c.Id!.Value));
            foreach (var gate in registry.Gates)
            {
                if (gate.Category is { } category && !declared.Contains(category.Value))
                {
                    yield return Descriptor.At(category.Span, $"Gate {gate.Id.Value} has category '{category.Value}', which the registry's categories do not declare.{Names.Hint(category.Value, declared)}")
                        .Repairable(new Fixes.Repair(Fixes.RepairKind.DeclareCategory, gate.Id.Value, "category", category.Value));
                }
            }
        }
    }

    /// <summary>SPINE304: an active, non-inline gate names a check_script, unless a Spine rule enforces it (<c>enforced_by</c>).</summary>
    internal sealed class MissingCheckScriptRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.MissingCheckScript;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            foreach (var gate in workspace.Registry?.Gates ?? EquatableArray<Gate>.Empty)
            {
                if (gate.IsActive && gate.Id.Value.Length > 0 && !gate.Inline && gate.EnforcedBy is null && string.IsNullOrWhiteSpace(gate.CheckScript?.Value))
                {
                    yield return Descriptor.At(gate.Span, $"Active gate {gate.Id.Value} is not inline and names no check_script.");
                }

                if (gate.EnforcedBy is { } rule && RuleCatalog.Find(rule.Value) is null)
                {
                    yield return Descriptor.At(rule.Span, $"Gate {gate.Id.Value} is enforced_by '{rule.Value}', which is not a Spine rule.");
                }
            }
        }
    }

    /// <summary>SPINE305: a gate's severity is in the registry's vocabulary (<c>severities:</c>, else critical/high/medium/low, and none for retired slots).</summary>
    internal sealed class UnknownSeverityRule : IRule
    {
        public RuleDescriptor Descriptor => RuleCatalog.UnknownSeverity;

        public IEnumerable<Finding> Check(SpineWorkspace workspace)
        {
            if (workspace.Registry is not { } registry)
            {
                yield break;
            }

            var vocabulary = registry.Severities.IsEmpty ? Names.Set(GateRegistry.DefaultSeverities) : Names.Set(registry.Severities);
            foreach (var gate in registry.Gates)
            {
                if (gate.Severity is not { } severity)
                {
                    continue;
                }

                if (!vocabulary.Contains(severity.Value))
                {
                    yield return Descriptor.At(severity.Span, $"Gate {gate.Id.Value} has severity '{severity.Value}' (expected one of {Names.List(vocabulary)}).{Names.Hint(severity.Value, vocabulary)}");
                }
                else if (registry.Severities.IsEmpty && severity.Value == "none" && gate.IsActive)
                {
                    yield return Descriptor.At(severity.Span, $"Active gate {gate.Id.Value} has severity 'none', which is reserved for retired slots.");
                }
            }
        }
    }
}
