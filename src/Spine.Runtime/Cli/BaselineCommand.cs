using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spine.Model.Baselines;
using Spine.Model.Bindings;
using Spine.Model.Loading;

namespace Spine.Runtime.Cli;

/// <summary>
/// <c>spine baseline [--root DIR] [--prune]</c>: writes <c>ops/spine.baseline.yaml</c> with today's findings, so a team can
/// adopt Spine on a spine with known drift and fail only on new findings; <c>--prune</c> keeps only the entries that
/// still match, so the baseline only shrinks.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var root = CommonOptions.Root();
        var prune = new Option<bool>("--prune") { Description = "Only drop the entries that match no finding any more; add none." };
        var command = new Command("baseline", "Write ops/spine.baseline.yaml: today's findings, which the build, the IDE, check and verify then do not report.") { root, prune };
        command.SetAction(p => Run(p.GetValue(root), p.GetValue(prune), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? rootOption, bool prune, TextWriter output, TextWriter error)
    {
        var session = SpineSession.Open(rootOption, error);
        if (session is null)
        {
            return ExitCodes.Stop;
        }

        var previous = session.Workspace.Baseline;
        if (previous is null && session.Workspace.Files.Contains(SpineBaseline.Path))
        {
            error.WriteLine($"spine: {SpineBaseline.Path} exists but cannot be read (run spine check); fix or delete it first.");
            return ExitCodes.Stop;
        }

        // Today's findings as if there were no baseline (the rules and the file-system checks: everything the build
        // reports); with --prune, only those the old baseline accepted.
        var current = session.Check(session.Workspace with { Baseline = null }, fileSystem: true);
        if (current.PolicyError is { } policyError)
        {
            SpineSession.ReportPolicyError(error, policyError);
            return ExitCodes.Stop;
        }

        var documents = SpineDirectory.Documents(session.Root);
        var candidates = current.Findings.Where(BaselineWriter.Accepts).ToList();
        var kept = prune
            ? candidates.Where(f => !BaselineFilter.Apply(new[] { f }, previous, documents, _ => false).Reported.Any()).ToList()
            : candidates;
        if (prune && previous is null)
        {
            error.WriteLine($"spine: there is no {SpineBaseline.Path} to prune.");
            return ExitCodes.Stop;
        }

        var path = Path.Combine(session.Root, SpineBaseline.Path);
        try
        {
            var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            File.WriteAllText(temp, BaselineWriter.Write(kept, documents, DateTime.UtcNow));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"spine: cannot write {path}: {ex.Message}");
            return ExitCodes.Stop;
        }

        var before = previous?.Entries.Count ?? 0;
        output.WriteLine(prune
            ? $"spine baseline: pruned {SpineBaseline.Path}: {kept.Count} entries kept, {before - kept.Count} stale removed."
            : $"spine baseline: wrote {SpineBaseline.Path} with {kept.Count} finding(s) ({before} before). Commit it; new findings are reported as usual.");
        return ExitCodes.Ok;
    }
}
