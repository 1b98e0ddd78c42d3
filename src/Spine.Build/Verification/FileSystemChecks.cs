using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spine.Model;
using Spine.Model.Bindings;

namespace Spine.Build.Verification
{
    /// <summary>
    /// The checks an analyzer may not make, because they read the file system under the spine root:
    /// SPINE601 check scripts of active, non-inline gates exist and are executable; SPINE602 './…'
    /// capability commands exist; SPINE603 (warning) path_triggers that name a file or a folder exist.
    /// </summary>
    public static class FileSystemChecks
    {
        public static IReadOnlyList<Finding> Run(SpineWorkspace workspace)
        {
            var root = workspace.Root;
            var findings = new List<Finding>();

            foreach (var gate in workspace.Registry?.Gates ?? EquatableArray<Gate>.Empty)
            {
                if (!gate.IsActive || gate.Inline || gate.EnforcedBy != null || gate.CheckScript is not { } script || script.Value.Length == 0)
                {
                    continue;
                }

                var path = SpinePaths.Under(root, script.Value);
                if (path is null)
                {
                    findings.Add(RuleCatalog.CheckScriptMissing.At(script.Span, $"Gate {gate.Id.Value}'s check_script '{script.Value}' points outside the spine root."));
                }
                else if (!File.Exists(path))
                {
                    findings.Add(RuleCatalog.CheckScriptMissing.At(script.Span, $"Gate {gate.Id.Value}'s check_script '{script.Value}' does not exist under the spine root."));
                }
                else if (!Executable.Check(path))
                {
                    findings.Add(RuleCatalog.CheckScriptMissing.At(script.Span, $"Gate {gate.Id.Value}'s check_script '{script.Value}' is not executable (chmod +x)."));
                }
            }

            foreach (var capability in workspace.Capabilities?.Capabilities ?? EquatableArray<Capability>.Empty)
            {
                if (capability.Command is not { } command)
                {
                    continue;
                }

                var program = command.Value.Trim().Split(' ')[0];
                if (program.StartsWith("./", StringComparison.Ordinal) && (SpinePaths.Under(root, program.Substring(2)) is not { } file || !File.Exists(file)))
                {
                    findings.Add(RuleCatalog.CommandMissing.At(command.Span, $"Capability '{capability.Name.Value}' runs '{program}', which does not exist under the spine root."));
                }
            }

            var triggers = (workspace.Topology?.Domains ?? EquatableArray<DomainMetadata>.Empty).SelectMany(d => d.PathTriggers.Select(t => (t, d.Id.Value)))
                .Concat((workspace.DomainProfiles?.Domains ?? EquatableArray<DomainProfile>.Empty).SelectMany(d => d.PathTriggers.Select(t => (t, d.Id.Value))));
            foreach (var (trigger, domain) in triggers)
            {
                var kind = TriggerKind(trigger.Value);
                if (kind is null)
                {
                    continue;
                }

                var path = Path.Combine(root, trigger.Value.TrimEnd('/'));
                var exists = kind == "folder" ? Directory.Exists(path) : File.Exists(path) || Directory.Exists(path);
                if (!exists)
                {
                    findings.Add(RuleCatalog.PathTriggerMissing.At(trigger.Span, $"Domain '{domain}' path_trigger '{trigger.Value}' names a {kind} that does not exist under the spine root."));
                }
            }

            return findings;
        }

        /// <summary>
        /// "folder" for a trigger ending in '/', "file" for one whose last segment has an extension;
        /// null for what is a prefix (surfaces/verify/d129-), a glob, or a path outside the spine.
        /// </summary>
        internal static string? TriggerKind(string trigger)
        {
            if (trigger.Length == 0 || trigger.IndexOfAny(new[] { '*', '?', '[' }) >= 0 || trigger.StartsWith("/", StringComparison.Ordinal) || trigger.StartsWith("~", StringComparison.Ordinal) || trigger.Contains(".."))
            {
                return null;
            }

            if (trigger.EndsWith("/", StringComparison.Ordinal))
            {
                return "folder";
            }

            var last = trigger.Substring(trigger.LastIndexOf('/') + 1);
            return last.IndexOf('.') > 0 && !last.EndsWith(".", StringComparison.Ordinal) && !last.EndsWith("-", StringComparison.Ordinal) ? "file" : null;
        }
    }
}
