using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spine.Model;
using Spine.Model.Checking;
using Spine.Model.Fixes;
using Spine.Model.Loading;
using Spine.Model.Policy;

namespace Spine.Runtime.Cli;

/// <summary>
/// <c>spine fix [--root DIR] [--rule ID]… [--dry-run]</c>: applies the fixes the IDE offers (one implementation, in
/// Spine.Model) to every finding that has an obvious one, then checks again. A finding whose repair is a choice (a
/// duplicate key with two different values) is left to the user and listed. Exit codes as <c>check</c>'s, after the fixes.
/// </summary>
internal static class FixCommand
{
    private const int Passes = 3;

    public static Command Create()
    {
        var root = CommonOptions.Root();
        var rules = new Option<string[]>("--rule") { Description = "Fix only the findings of this rule (repeatable), e.g. --rule SPINE137." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff; change nothing." };
        var command = new Command("fix", "Apply the obvious fixes of the spine's findings (the IDE's code fixes), then check again. Exit 0: no errors left; 1: errors left; 2: usage, I/O or policy problem.") { root, rules, dryRun };
        command.SetAction(p => Run(p.GetValue(root), p.GetValue(rules) ?? Array.Empty<string>(), p.GetValue(dryRun), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? rootOption, IReadOnlyCollection<string> rules, bool dryRun, TextWriter output, TextWriter error)
    {
        var root = SpineRootLocator.RootOrComplain(rootOption, error);
        if (root is null)
        {
            return ExitCodes.Stop;
        }

        Dictionary<string, string> files;
        try
        {
            files = SpineDirectory.Read(root).ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"spine: cannot read the spine at '{root}': {ex.Message}");
            return ExitCodes.Stop;
        }

        var original = new Dictionary<string, string>(files, StringComparer.Ordinal);
        var applied = 0;
        var choices = new List<Finding>();
        CheckReport report;
        for (var pass = 0; ; pass++)
        {
            var workspace = SpineLoader.Load(root, files.Select(f => new SpineFile(f.Key, f.Value)));
            report = Check(workspace, files, root);
            if (report.PolicyError is { } policyError)
            {
                SpineSession.ReportPolicyError(error, policyError);
                return ExitCodes.Stop;
            }

            if (pass == Passes)
            {
                break;
            }

            var context = new FixContext(workspace, path => files.TryGetValue(path, out var t) ? t : null);
            choices.Clear();
            var chosen = new List<SpineFix>();
            foreach (var finding in report.Findings.Where(f => rules.Count == 0 || rules.Contains(f.RuleId, StringComparer.OrdinalIgnoreCase)))
            {
                var fixes = FixEngine.For(finding, context);
                if (Choose(fixes) is { } fix)
                {
                    chosen.Add(fix);
                }
                else if (fixes.Count > 1)
                {
                    choices.Add(finding);
                }
            }

            if (chosen.Count == 0)
            {
                break;
            }

            foreach (var group in chosen.SelectMany(f => f.Changes).GroupBy(c => c.File))
            {
                files[group.Key] = FixEngine.Apply(files[group.Key], group, out _);
            }

            applied += chosen.Count;
        }

        var changed = files.Where(f => !original.TryGetValue(f.Key, out var before) || before != f.Value).Select(f => f.Key).OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (dryRun)
        {
            foreach (var path in changed)
            {
                output.Write(UnifiedDiff.Of(path, original[path], files[path]));
            }
        }
        else
        {
            try
            {
                foreach (var path in changed)
                {
                    File.WriteAllText(Path.Combine(root, path), files[path]);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spine: cannot write the fixes: {ex.Message}");
                return ExitCodes.Stop;
            }
        }

        foreach (var finding in choices)
        {
            output.WriteLine($"needs a choice (the IDE offers each): {finding}");
        }

        var verb = dryRun ? "would apply" : "applied";
        output.WriteLine($"spine fix: {verb} {applied} fix(es) in {changed.Count} file(s); {report.Errors} error(s), {report.Warnings} warning(s) {(dryRun ? "would be " : string.Empty)}left{(choices.Count > 0 ? $", {choices.Count} of them a choice" : string.Empty)}.");
        return SpineCheck.ExitCode(report);
    }

    /// <summary>The fix to apply without asking: a "did you mean" replacement first; none when the fixes are the alternatives of a choice.</summary>
    private static SpineFix? Choose(IReadOnlyList<SpineFix> fixes)
    {
        if (fixes.FirstOrDefault(f => f.EquivalenceKey.EndsWith(".DidYouMean", StringComparison.Ordinal)) is { } suggestion)
        {
            return suggestion;
        }

        return fixes.Any(f => f.EquivalenceKey.EndsWith(".KeepFirst", StringComparison.Ordinal)) ? null : fixes.FirstOrDefault();
    }

    private static CheckReport Check(SpineWorkspace workspace, Dictionary<string, string> files, string root) =>
        SpineCheck.Run(workspace, PolicyEnvironment.Sources(workspace), path => files.TryGetValue(path, out var text) ? ParsedFile.Parse(path, text).Document : null, CheckScope.Rules);
}
