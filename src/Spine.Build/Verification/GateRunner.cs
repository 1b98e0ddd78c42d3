using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Spine.Model;
using Spine.Model.Bindings;

namespace Spine.Build.Verification
{
    /// <summary>How gates run: the per-script timeout, parity mode, and the cancellation that stops them (not a timeout).</summary>
    public sealed record GateRunOptions(TimeSpan Timeout, bool Parity, CancellationToken Cancellation)
    {
        public static GateRunOptions Default(TimeSpan timeout) => new GateRunOptions(timeout, false, CancellationToken.None);
    }

    /// <summary>
    /// Runs a resolved gate set as the seed's verify-topology does: a gate missing from the registry fails; retired →
    /// SKIP; inline → SKIP; a gate enforced by a Spine rule (enforced_by) → that rule's verdict over the workspace;
    /// otherwise its check_script runs (missing or not executable → FAIL). In parity mode a gate that has both a
    /// compiled rule (any rule of the catalog for its id) and a present check_script runs both and compares them.
    /// </summary>
    public static class GateRunner
    {
        /// <param name="check">The spine's check: compiled gates judge by its rule findings that no baseline accepted; parity compares the raw ones.</param>
        public static IReadOnlyList<GateResult> Run(SpineWorkspace workspace, IEnumerable<string> gateIds, Model.Checking.CheckReport check, GateRunOptions options)
        {
            var results = new List<GateResult>();
            foreach (var id in gateIds)
            {
                if (options.Cancellation.IsCancellationRequested)
                {
                    break;
                }

                results.Add(RunOne(workspace, id, check, options));
            }

            return results;
        }

        private static GateResult RunOne(SpineWorkspace workspace, string id, Model.Checking.CheckReport check, GateRunOptions options)
        {
            var gate = workspace.Registry?.Find(id);
            if (gate is null)
            {
                return new GateResult(id, GateOutcome.Fail, "not in the gate registry", 0, null, string.Empty, null);
            }

            if (gate.Retired)
            {
                return new GateResult(id, GateOutcome.Skip, "retired", 0, null, string.Empty, gate.Span);
            }

            if (gate.Inline)
            {
                return new GateResult(id, GateOutcome.Skip, "inline-only", 0, null, string.Empty, gate.Span);
            }

            var enforcedBy = gate.EnforcedBy is { } e ? RuleCatalog.Find(e.Value) : null;
            if (gate.EnforcedBy is { } unknown && enforcedBy is null)
            {
                return new GateResult(id, GateOutcome.Fail, $"enforced_by '{unknown.Value}' is not a Spine rule", 0, null, string.Empty, unknown.Span);
            }

            // The compiled side: the rule that enforces the gate, or in parity mode the catalog's rule for its id.
            var rule = enforcedBy ?? (options.Parity ? RuleCatalog.All.FirstOrDefault(r => r.GateId == id) : null);
            var compiled = rule is null ? null : Compiled(workspace, gate, rule, check.ActiveRuleFindings);
            var hasScript = gate.CheckScript is { } s && s.Value.Length > 0;
            if (enforcedBy != null && !(options.Parity && hasScript))
            {
                return compiled!.Result;
            }

            var (script, ran) = Script(workspace, gate, options);
            var primary = enforcedBy != null ? compiled!.Result : script;
            if (!options.Parity || compiled is null || !ran)
            {
                return primary;
            }

            // The script knows no baseline: compare it with the rule's findings as they came.
            var raw = Compiled(workspace, gate, rule!, check.RuleFindings);
            var universe = Universe(workspace, rule!.Id);
            var parity = new ParityResult(
                rule.Id,
                raw.Result.Outcome,
                raw.Items,
                script.Outcome,
                universe.Count == 0 ? Array.Empty<string>() : Named(script.Output, universe),
                universe.Count > 0);
            var output = enforcedBy != null
                ? compiled.Result.Output + (script.Output.Length > 0 ? "\n--- check_script ---\n" + script.Output : string.Empty)
                : script.Output;
            return primary with { Parity = parity, Output = output };
        }

        private sealed record CompiledVerdict(GateResult Result, IReadOnlyList<string> Items);

        /// <summary>The compiled rule's verdict: FAIL when it has findings, or when a binding it reads is missing or unreadable.</summary>
        private static CompiledVerdict Compiled(SpineWorkspace workspace, Gate gate, RuleDescriptor rule, IReadOnlyList<Finding> ruleFindings)
        {
            var failures = ruleFindings.Where(f => f.RuleId == rule.Id).ToList();
            var unreadable = workspace.LoadFindings.Where(f => f.RuleId is "SPINE001" or "SPINE004" && rule.Inputs.Contains(f.Span.File)).ToList();
            var all = unreadable.Concat(failures).ToList();
            var items = failures.Where(f => f.Subject != null).Select(f => f.Subject!).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToList();
            var output = string.Join(Environment.NewLine, all.Select(f => f.ToString()));
            var result = all.Count == 0
                ? new GateResult(gate.Id.Value, GateOutcome.Pass, $"(compiled: {rule.Id})", 0, null, string.Empty, gate.Span)
                : new GateResult(gate.Id.Value, GateOutcome.Fail, $"(compiled: {rule.Id}, {all.Count} finding(s))", 0, null, output, gate.Span);
            return new CompiledVerdict(result, items);
        }

        /// <summary>The check_script's verdict, and whether the script really ran (parity compares only then).</summary>
        private static (GateResult Result, bool Ran) Script(SpineWorkspace workspace, Gate gate, GateRunOptions options)
        {
            var id = gate.Id.Value;
            if (gate.CheckScript is not { } script || script.Value.Length == 0)
            {
                return (new GateResult(id, GateOutcome.Fail, "missing check_script", 0, null, string.Empty, gate.Span), false);
            }

            var path = SpinePaths.Under(workspace.Root, script.Value);
            if (path is null)
            {
                return (new GateResult(id, GateOutcome.Fail, $"check_script '{script.Value}' is outside the spine root; refusing to run it", 0, null, string.Empty, script.Span), false);
            }

            if (!Executable.Check(path))
            {
                return (new GateResult(id, GateOutcome.Fail, $"missing/non-executable script: {script.Value}", 0, null, string.Empty, script.Span), false);
            }

            var watch = Stopwatch.StartNew();
            var run = ScriptProcess.Run(workspace.Root, path, options.Timeout, options.Cancellation);
            var seconds = watch.Elapsed.TotalSeconds;
            return (run.Ending switch
            {
                ScriptEnding.TimedOut => new GateResult(id, GateOutcome.Fail, $"(timeout after {options.Timeout.TotalSeconds:0}s)", seconds, run.ExitCode, run.Output, gate.Span),
                ScriptEnding.Cancelled => new GateResult(id, GateOutcome.Fail, "(cancelled)", seconds, run.ExitCode, run.Output, gate.Span),
                _ => run.ExitCode == 0
                    ? new GateResult(id, GateOutcome.Pass, string.Empty, seconds, 0, run.Output, gate.Span)
                    : new GateResult(id, GateOutcome.Fail, $"(rc={run.ExitCode})", seconds, run.ExitCode, run.Output, gate.Span),
            }, run.Ending != ScriptEnding.Cancelled);
        }

        /// <summary>The names a gate's findings can be about, which its script's output may name too: capabilities and map entries for D67 and D137.</summary>
        private static HashSet<string> Universe(SpineWorkspace workspace, string ruleId)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (ruleId is "SPINE067" or "SPINE137")
            {
                names.UnionWith((workspace.Capabilities?.Capabilities ?? EquatableArray<Capability>.Empty).Select(c => c.Name.Value));
                names.UnionWith((workspace.CapabilityMap?.Entries ?? EquatableArray<CapabilityMapEntry>.Empty).Select(e => e.Name.Value));
                if (ruleId == "SPINE137")
                {
                    var strict = workspace.Registry?.Find("D137")?.Rule.Get("capabilities")?.Select(v => v.Value) ?? Spine.Model.Rules.CapabilityMetadataDefaults.Strict;
                    names.UnionWith(strict);
                }
            }

            return names;
        }

        /// <summary>The names of the universe that the output mentions as whole words.</summary>
        private static IReadOnlyList<string> Named(string output, HashSet<string> universe)
        {
            var words = new HashSet<string>(Regex.Matches(output, @"[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z0-9_]").Cast<Match>().Select(m => m.Value), StringComparer.Ordinal);
            return universe.Where(words.Contains).OrderBy(n => n, StringComparer.Ordinal).ToList();
        }
    }
}
