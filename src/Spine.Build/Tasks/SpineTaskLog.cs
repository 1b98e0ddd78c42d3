using System.IO;
using Microsoft.Build.Utilities;
using Spine.Model;

namespace Spine.Build.Tasks
{
    /// <summary>Logs findings so they read like compiler output: <c>/root/ops/x.yaml(12,5): error SPINE601: …</c>.</summary>
    internal static class SpineTaskLog
    {
        public static void Finding(TaskLoggingHelper log, string root, Finding finding, bool warnOnly)
        {
            var file = Path.Combine(root, finding.Span.File);
            var message = finding.GateId is null ? finding.Message : $"[{finding.GateId}] {finding.Message}";
            var s = finding.Span;
            if (finding.Severity == Severity.Error && !warnOnly)
            {
                log.LogError(null, finding.RuleId, null, file, s.Line, s.Column, s.EndLine, s.EndColumn, message);
            }
            else if (finding.Severity != Severity.Info)
            {
                log.LogWarning(null, finding.RuleId, null, file, s.Line, s.Column, s.EndLine, s.EndColumn, message);
            }
            else
            {
                log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"{file}({s.Line},{s.Column}): info {finding.RuleId}: {message}");
            }
        }
    }
}
