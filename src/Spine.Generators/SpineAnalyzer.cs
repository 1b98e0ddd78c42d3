using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Spine.Model;
using Spine.Model.Loading;

namespace Spine.Generators
{
    /// <summary>
    /// Reports every drift finding of the spine's YAML (the AdditionalFiles) as a SPINE### diagnostic
    /// located in the YAML. Each file's findings are reported from that file's additional-file action,
    /// so the IDE shows them while the file is edited; the workspace is loaded and checked once per
    /// compilation. Findings in files that do not exist (a missing binding) are reported once per compilation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SpineAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SpineDiagnostics.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var root = SpineAdditionalFiles.Root(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                var files = start.Options.AdditionalFiles;
                var check = new Lazy<CheckResult>(() => CheckResult.Run(files, root, start.CancellationToken));

                start.RegisterAdditionalFileAction(file =>
                {
                    if (check.Value.ByPath.TryGetValue(file.AdditionalFile.Path, out var findings))
                    {
                        foreach (var diagnostic in findings)
                        {
                            file.ReportDiagnostic(diagnostic);
                        }
                    }
                });

                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var diagnostic in check.Value.Elsewhere)
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                });
            });
        }

        /// <summary>All diagnostics of one compilation, grouped by the additional file they are located in.</summary>
        private sealed class CheckResult
        {
            private CheckResult(Dictionary<string, List<Diagnostic>> byPath, List<Diagnostic> elsewhere)
            {
                ByPath = byPath;
                Elsewhere = elsewhere;
            }

            public Dictionary<string, List<Diagnostic>> ByPath { get; }

            public List<Diagnostic> Elsewhere { get; }

            public static CheckResult Run(ImmutableArray<AdditionalText> texts, string root, System.Threading.CancellationToken cancellationToken)
            {
                try
                {
                    return Check(texts, root, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Never AD0001: say what failed, once, and let the build go on.
                    var diagnostic = Diagnostic.Create(SpineDiagnostics.InternalError, Location.None, $"Spine analysis failed: {ex.GetType().Name}: {ex.Message}");
                    return new CheckResult(new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal), new List<Diagnostic> { diagnostic });
                }
            }

            private static CheckResult Check(ImmutableArray<AdditionalText> texts, string root, System.Threading.CancellationToken cancellationToken)
            {
                var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
                var elsewhere = new List<Diagnostic>();
                var spineFiles = new List<(AdditionalText Text, BoundFile File)>();
                foreach (var text in texts)
                {
                    var relative = SpineAdditionalFiles.Relative(text.Path, root);
                    var source = relative is null ? null : text.GetText(cancellationToken);
                    if (relative != null && source != null)
                    {
                        spineFiles.Add((text, BoundFileCache.Get(relative, source)));
                    }
                }

                if (spineFiles.Count == 0)
                {
                    return new CheckResult(byPath, elsewhere);
                }

                var textByRelative = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
                foreach (var (text, file) in spineFiles)
                {
                    textByRelative[file.Path] = text;
                }

                IReadOnlyList<Finding> findings;
                try
                {
                    var workspace = SpineLoader.Assemble(root, spineFiles.Select(f => f.File));
                    findings = RuleEngine.Check(workspace).Concat(GeneratorModel.Collisions(workspace)).ToList();
                }
                catch (Exception ex)
                {
                    // The rules never throw by design; if one does, say so instead of failing the build with AD0001.
                    var first = spineFiles[0];
                    findings = new[] { RuleCatalog.InternalError.At(SourceSpan.FileStart(first.File.Path), $"Spine analysis failed: {ex.GetType().Name}: {ex.Message}") };
                }

                var absoluteRoot = root.Length > 0 ? root : InferRoot(spineFiles[0].Text.Path, spineFiles[0].File.Path);
                foreach (var finding in findings)
                {
                    var descriptor = SpineDiagnostics.Find(finding.RuleId) ?? SpineDiagnostics.InternalError;
                    var location = LocationOf(finding.Span, textByRelative, absoluteRoot);
                    var related = finding.Related.Select(r => LocationOf(r, textByRelative, absoluteRoot));
                    var message = finding.GateId is null ? finding.Message : $"[{finding.GateId}] {finding.Message}";
                    var diagnostic = Diagnostic.Create(descriptor, location, ToRoslyn(finding.Severity), related, null, message);
                    if (textByRelative.TryGetValue(finding.Span.File, out var text))
                    {
                        if (!byPath.TryGetValue(text.Path, out var list))
                        {
                            byPath[text.Path] = list = new List<Diagnostic>();
                        }

                        list.Add(diagnostic);
                    }
                    else
                    {
                        elsewhere.Add(diagnostic);
                    }
                }

                return new CheckResult(byPath, elsewhere);
            }

            private static Location LocationOf(SourceSpan span, Dictionary<string, AdditionalText> texts, string root)
            {
                var path = texts.TryGetValue(span.File, out var text) ? text.Path : root + "/" + span.File;
                var lines = new LinePositionSpan(
                    new LinePosition(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1)),
                    new LinePosition(Math.Max(0, span.EndLine - 1), Math.Max(0, span.EndColumn - 1)));
                return Location.Create(path, TextSpan.FromBounds(span.Start, Math.Max(span.Start, span.End)), lines);
            }

            private static string InferRoot(string absolute, string relative)
            {
                var normalized = absolute.Replace('\\', '/');
                return normalized.EndsWith(relative, StringComparison.Ordinal) ? normalized.Substring(0, normalized.Length - relative.Length).TrimEnd('/') : string.Empty;
            }

            private static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                _ => DiagnosticSeverity.Info,
            };
        }
    }
}
