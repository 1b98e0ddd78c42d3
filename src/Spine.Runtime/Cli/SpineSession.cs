using System;
using System.IO;
using Spine.Model;
using Spine.Model.Checking;
using Spine.Model.Loading;
using Spine.Model.Policy;

namespace Spine.Runtime.Cli;

/// <summary>A spine read from disk for one command, and its check (rules, file-system checks, policy, baseline).</summary>
internal sealed class SpineSession
{
    private SpineSession(string root, SpineWorkspace workspace)
    {
        Root = root;
        Workspace = workspace;
    }

    public string Root { get; }

    public SpineWorkspace Workspace { get; }

    /// <summary>Loads the spine, or says why it cannot (exit 2): no spine, or an I/O error.</summary>
    public static SpineSession? Open(string? rootOption, TextWriter error, bool useCache = true)
    {
        var root = SpineRootLocator.RootOrComplain(rootOption, error);
        if (root is null)
        {
            return null;
        }

        try
        {
            return new SpineSession(root, SpineDirectory.Load(root, useCache ? CacheFolder.SyntaxCacheFor(root) : null));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"spine: cannot read the spine at '{root}': {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Every rule (what the analyzer reports in the build), under the policy, with the baseline applied; with
    /// <paramref name="fileSystem"/> also the file-system checks (what the build's SpineVerify task adds).
    /// </summary>
    public CheckReport Check(SpineWorkspace? workspace = null, bool fileSystem = false)
    {
        var ws = workspace ?? Workspace;
        var scope = fileSystem ? CheckScope.RulesAnd(Build.Verification.FileSystemChecks.Run(ws)) : CheckScope.Rules;
        return SpineCheck.Run(ws, PolicyEnvironment.Sources(ws), SpineDirectory.Documents(Root), scope);
    }

    /// <summary>The same line in every command for a policy that cannot be resolved (then exit 2).</summary>
    public static void ReportPolicyError(TextWriter error, string message) => error.WriteLine($"spine: error {RuleCatalog.PolicyUnresolved.Id}: {message}");

    public string Display(Finding finding) =>
        finding.HasLocation
            ? $"{SpineRootLocator.Display(Root, finding.Span.File)}({finding.Span.Line},{finding.Span.Column}): {Finding.SeverityName(finding.Severity)} {finding.RuleId}: {finding.Text}"
            : finding.ToString();
}
