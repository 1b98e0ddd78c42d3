using System.IO;
using Microsoft.Build.Utilities;
using Spine.Model;

namespace Spine.Build.Tasks
{
    /// <summary>Logs findings (their severity already decided by the policy) so they read like compiler output: <c>/root/ops/x.yaml(12,5): error SPINE601: …</c>.</summary>
    internal static class SpineTaskLog
    {
        public static void Finding(TaskLoggingHelper log, string root, Finding finding)
        {
            var file = finding.HasLocation ? Path.Combine(root, finding.Span.File) : null;
            var s = finding.Span;
            switch (finding.Severity)
            {
                case Severity.Error:
                    log.LogError(null, finding.RuleId, null, file, s.Line, s.Column, s.EndLine, s.EndColumn, finding.Text);
                    break;
                case Severity.Warning:
                    log.LogWarning(null, finding.RuleId, null, file, s.Line, s.Column, s.EndLine, s.EndColumn, finding.Text);
                    break;
                default:
                    log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"{file}({s.Line},{s.Column}): info {finding.RuleId}: {finding.Text}");
                    break;
            }
        }
    }
}
