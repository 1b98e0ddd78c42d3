using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Spine.Model;
using Spine.Model.Checking;
using Spine.Model.Loading;
using Spine.Model.Policy;

namespace Spine.Generators
{
    /// <summary>
    /// Reports every drift finding of the spine's YAML (the AdditionalFiles) as a SPINE### diagnostic located in
    /// the YAML, through the same pipeline as <c>spine check</c> (<see cref="SpineCheck"/>: rules, policy, baseline).
    /// The result is computed once per compilation, eagerly in CompilationStart (a cancelled computation is never
    /// kept), and reused for the next compilation when no spine file and no Spine build property changed. Each
    /// file's diagnostics come from its additional-file action, so an IDE shows them while the file is edited;
    /// diagnostics that concern no additional file come at compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SpineAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ConcurrentDictionary<string, CheckResult> Results = new ConcurrentDictionary<string, CheckResult>(StringComparer.Ordinal);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => SpineDiagnostics.All;

        /// <summary>Forgets the kept results (the benchmarks measure a cold compiler process this way).</summary>
        internal static void ClearResults() => Results.Clear();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var check = CheckResult.For(start.Options, start.CancellationToken);
                if (check.IsEmpty)
                {
                    return;
                }

                start.RegisterAdditionalFileAction(file =>
                {
                    if (check.ByPath.TryGetValue(file.AdditionalFile.Path, out var findings))
                    {
                        foreach (var diagnostic in findings)
                        {
                            file.ReportDiagnostic(diagnostic);
                        }
                    }
                });

                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var diagnostic in check.Elsewhere)
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                });
            });
        }

        /// <summary>All diagnostics of one spine, grouped by the additional file they are located in.</summary>
        private sealed class CheckResult
        {
            private static readonly CheckResult Empty = new CheckResult(new Dictionary<string, List<Diagnostic>>(), new List<Diagnostic>());

            /// <summary>The analyzer without Spine.Build's props (SpineRoot is not a compiler-visible property): nothing reaches it; say what to add.</summary>
            private static readonly CheckResult NotIntegrated = new CheckResult(
                new Dictionary<string, List<Diagnostic>>(),
                new List<Diagnostic>
                {
                    Diagnostic.Create(
                        SpineDiagnostics.For(SpineAdditionalFiles.DefaultDocsBaseUrl)["SPINE009"],
                        Location.None,
                        "The Spine analyzer is referenced, but the spine's YAML does not reach the compiler, so nothing is generated (Spine.Generated) or checked. Reference the Spine.Build package, which brings the analyzer and passes ops/**/*.yaml: <PackageReference Include=\"Spine.Build\" Version=\"...\" />."),
                });

            private CheckResult(Dictionary<string, List<Diagnostic>> byPath, List<Diagnostic> elsewhere)
            {
                ByPath = byPath;
                Elsewhere = elsewhere;
            }

            public Dictionary<string, List<Diagnostic>> ByPath { get; }

            public List<Diagnostic> Elsewhere { get; }

            public bool IsEmpty => ByPath.Count == 0 && Elsewhere.Count == 0;

            public static CheckResult For(AnalyzerOptions options, CancellationToken cancellationToken)
            {
                var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
                if (!global.TryGetValue(SpineAdditionalFiles.RootProperty, out _))
                {
                    return NotIntegrated;
                }

                var input = Input.Read(options.AdditionalFiles, global, cancellationToken);
                if (input.Files.Count == 0)
                {
                    return Empty;
                }

                if (Results.TryGetValue(input.Key, out var cached))
                {
                    return cached;
                }

                CheckResult result;
                try
                {
                    result = Check(input, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Never AD0001: say what failed, once, and let the build go on.
                    var descriptor = SpineDiagnostics.For(input.DocsBaseUrl)["SPINE000"];
                    return new CheckResult(new Dictionary<string, List<Diagnostic>>(), new List<Diagnostic> { Diagnostic.Create(descriptor, Location.None, $"Spine analysis failed: {ex.GetType().Name}: {ex.Message}") });
                }

                if (Results.Count > 16)
                {
                    Results.Clear();
                }

                Results[input.Key] = result;
                return result;
            }

            private static CheckResult Check(Input input, CancellationToken cancellationToken)
            {
                var workspace = SpineLoader.Assemble(input.Root, input.Files.Select(f => BoundFileCache.Get(f.File)));
                cancellationToken.ThrowIfCancellationRequested();
                var byRelative = input.Files.ToDictionary(f => f.Relative, f => f, StringComparer.Ordinal);
                var sources = PolicyEnvironment.From(input.PolicyPreset, input.TenantProfilePath, input.TenantProfile?.File.Text, TenantChoice.From(workspace.Tenant));
                var report = SpineCheck.Run(workspace, sources, relative => byRelative.TryGetValue(relative, out var f) ? BoundFileCache.Document(f.File) : null, CheckScope.Rules);

                var descriptors = SpineDiagnostics.For(input.DocsBaseUrl);
                var absoluteRoot = input.Root.Length > 0 ? input.Root : InferRoot(input.Files[0].Text.Path, input.Files[0].Relative);
                var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
                var elsewhere = new List<Diagnostic>();
                foreach (var finding in report.Findings)
                {
                    var descriptor = descriptors.TryGetValue(finding.RuleId, out var d) ? d : descriptors["SPINE000"];
                    var location = finding.HasLocation ? LocationOf(finding.Span, byRelative, absoluteRoot) : Location.None;
                    var related = finding.Related.Select(r => LocationOf(r, byRelative, absoluteRoot));
                    var diagnostic = Diagnostic.Create(descriptor, location, SpineDiagnostics.ToRoslyn(finding.Severity), related, null, finding.Text);
                    if (byRelative.TryGetValue(finding.Span.File, out var file) && !descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))
                    {
                        if (!byPath.TryGetValue(file.Text.Path, out var list))
                        {
                            byPath[file.Text.Path] = list = new List<Diagnostic>();
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

            private static Location LocationOf(SourceSpan span, Dictionary<string, Input.SpineText> files, string root)
            {
                var path = files.TryGetValue(span.File, out var file) ? file.Text.Path : root + "/" + span.File;
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
        }

        /// <summary>What one check depends on: the spine's files (path and checksum) and the Spine build properties.</summary>
        private sealed class Input
        {
            private Input(List<SpineText> files, string root, string? preset, string? tenantPath, SpineText? tenant, string docsBaseUrl, string key)
            {
                Files = files;
                Root = root;
                PolicyPreset = preset;
                TenantProfilePath = tenantPath;
                TenantProfile = tenant;
                DocsBaseUrl = docsBaseUrl;
                Key = key;
            }

            public List<SpineText> Files { get; }

            public string Root { get; }

            public string? PolicyPreset { get; }

            public string? TenantProfilePath { get; }

            /// <summary>The additional file SPINE_TENANT_PROFILE names, when the build passed it in.</summary>
            public SpineText? TenantProfile { get; }

            public string DocsBaseUrl { get; }

            /// <summary>Everything above in one string: equal keys give equal results.</summary>
            public string Key { get; }

            public static Input Read(ImmutableArray<AdditionalText> texts, AnalyzerConfigOptions global, CancellationToken cancellationToken)
            {
                var root = SpineAdditionalFiles.Root(global);
                var preset = SpineAdditionalFiles.Property(global, SpineAdditionalFiles.PolicyPresetProperty);
                var tenantPath = SpineAdditionalFiles.Property(global, SpineAdditionalFiles.TenantProfileProperty);
                var docs = SpineAdditionalFiles.DocsBaseUrl(global);
                var files = new List<SpineText>();
                SpineText? tenant = null;
                var key = new System.Text.StringBuilder().Append(root).Append('\n').Append(preset).Append('\n').Append(tenantPath).Append('\n').Append(docs).Append('\n');
                foreach (var text in texts)
                {
                    var isTenant = tenantPath != null && SamePath(text.Path, tenantPath);
                    var relative = SpineAdditionalFiles.Relative(text.Path, root);
                    if (relative is null && !isTenant)
                    {
                        continue;
                    }

                    var source = text.GetText(cancellationToken);
                    if (source is null)
                    {
                        continue;
                    }

                    var file = new SpineText(text, new SpineFile(relative ?? text.Path, TextIdentity.Content(source)));
                    key.Append(BoundFileCache.Key(text.Path, file.File.Text)).Append('\n');
                    if (isTenant)
                    {
                        tenant = file;
                    }

                    if (relative != null)
                    {
                        files.Add(file);
                    }
                }

                return new Input(files, root, preset, tenantPath, tenant, docs, key.ToString());
            }

            private static bool SamePath(string a, string b) =>
                string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), StringComparison.Ordinal);

            public sealed class SpineText
            {
                public SpineText(AdditionalText text, SpineFile file)
                {
                    Text = text;
                    File = file;
                }

                public AdditionalText Text { get; }

                /// <summary>The spine-relative path and the text.</summary>
                public SpineFile File { get; }

                public string Relative => File.Path;
            }
        }
    }
}
