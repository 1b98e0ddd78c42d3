using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Spine.Model;
using Spine.Model.Fixes;
using Spine.Model.Loading;

namespace Spine.Generators.CodeFixes
{
    /// <summary>
    /// A project's spine as the code fixes see it: its YAML additional documents under the spine root (build_property.SpineRoot,
    /// else the folder above ops/), loaded and checked as the analyzer does, so each diagnostic maps back to its finding.
    /// </summary>
    internal sealed class ProjectSpine
    {
        private readonly Project _project;
        private readonly string _root;
        private readonly Dictionary<string, TextDocument> _documents;
        private readonly Dictionary<string, string> _texts;
        private readonly IReadOnlyList<Finding> _findings;

        private ProjectSpine(Project project, string root, Dictionary<string, TextDocument> documents, Dictionary<string, string> texts)
        {
            _project = project;
            _root = root;
            _documents = documents;
            _texts = texts;
            var workspace = SpineLoader.Load(root, texts.Select(t => new SpineFile(t.Key, t.Value)));
            _findings = workspace.LoadFindings.Concat(RuleEngine.Check(workspace)).ToList();
            Context = new FixContext(workspace, path => texts.TryGetValue(path, out var text) ? text : null);
        }

        public FixContext Context { get; }

        public static async Task<ProjectSpine?> LoadAsync(Project project, CancellationToken cancellationToken)
        {
            var yaml = project.AdditionalDocuments.Where(d => d.FilePath is { } p && (p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))).ToList();
            var root = Root(project, yaml);
            if (root is null)
            {
                return null;
            }

            var documents = new Dictionary<string, TextDocument>(StringComparer.Ordinal);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var document in yaml)
            {
                var relative = SpineDirectory.Relative(root, document.FilePath!);
                if (!relative.StartsWith("ops/", StringComparison.Ordinal))
                {
                    continue;
                }

                documents[relative] = document;
                texts[relative] = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            }

            return new ProjectSpine(project, root, documents, texts);
        }

        /// <summary>The finding a diagnostic reports: same rule, same file, same start.</summary>
        public Finding? Finding(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            if (!span.IsValid || string.IsNullOrEmpty(span.Path))
            {
                return null;
            }

            var file = SpineDirectory.Relative(_root, span.Path);
            var line = span.StartLinePosition.Line + 1;
            var column = span.StartLinePosition.Character + 1;
            return _findings.FirstOrDefault(f => f.RuleId == diagnostic.Id && f.Span.File == file && f.Span.Line == line && f.Span.Column == column);
        }

        public async Task<Solution> ApplyAsync(IEnumerable<SpineFix> fixes, CancellationToken cancellationToken) =>
            await ApplyToAsync(_project.Solution, fixes, cancellationToken).ConfigureAwait(false);

        /// <summary>The fixes' changes, file by file, on <paramref name="solution"/>'s additional documents.</summary>
        public Task<Solution> ApplyToAsync(Solution solution, IEnumerable<SpineFix> fixes, CancellationToken cancellationToken)
        {
            foreach (var group in fixes.SelectMany(f => f.Changes).GroupBy(c => c.File))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_documents.TryGetValue(group.Key, out var document) && _texts.TryGetValue(group.Key, out var text))
                {
                    solution = solution.WithAdditionalDocumentText(document.Id, SourceText.From(FixEngine.Apply(text, group, out _)));
                }
            }

            return Task.FromResult(solution);
        }

        private static string? Root(Project project, IReadOnlyList<TextDocument> yaml)
        {
            if (project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.SpineRoot", out var configured) && !string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            var inOps = yaml.Select(d => d.FilePath!).FirstOrDefault(p => p.Replace('\\', '/').Contains("/ops/"));
            return inOps is null ? null : inOps.Substring(0, inOps.Replace('\\', '/').LastIndexOf("/ops/", StringComparison.Ordinal));
        }
    }
}
