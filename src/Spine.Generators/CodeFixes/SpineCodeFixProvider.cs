using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Spine.Model;
using Spine.Model.Fixes;

namespace Spine.Generators.CodeFixes
{
    /// <summary>
    /// Code fixes for SPINE diagnostics located in the spine's YAML (additional documents): the light bulb offers each
    /// of the finding's fixes from <see cref="FixEngine"/>, and Fix All applies one kind across the document or project.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SpineCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) })]
    [Shared]
    public sealed class SpineCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = RuleCatalog.All.Select(r => r.Id).ToImmutableArray();

        public override FixAllProvider GetFixAllProvider() => new SpineFixAllProvider();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var spine = await ProjectSpine.LoadAsync(context.TextDocument.Project, context.CancellationToken).ConfigureAwait(false);
            if (spine is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (spine.Finding(diagnostic) is not { } finding)
                {
                    continue;
                }

                foreach (var fix in FixEngine.For(finding, spine.Context))
                {
                    context.RegisterCodeFix(CodeAction.Create(fix.Title, ct => spine.ApplyAsync(new[] { fix }, ct), fix.EquivalenceKey), diagnostic);
                }
            }
        }
    }

    /// <summary>Fix All for one kind of fix (its equivalence key) over the trigger's document, its project or the solution.</summary>
    internal sealed class SpineFixAllProvider : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var projects = fixAllContext.Scope == FixAllScope.Solution ? fixAllContext.Solution.Projects : new[] { fixAllContext.Project };
            var solution = fixAllContext.Solution;
            foreach (var project in projects)
            {
                var spine = await ProjectSpine.LoadAsync(solution.GetProject(project.Id)!, fixAllContext.CancellationToken).ConfigureAwait(false);
                if (spine is null)
                {
                    continue;
                }

                var diagnostics = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                var fixes = diagnostics
                    .Where(d => fixAllContext.Scope != FixAllScope.Document || fixAllContext.Document is null || d.Location.GetLineSpan().Path == fixAllContext.Document.FilePath)
                    .Select(spine.Finding)
                    .Where(f => f != null)
                    .SelectMany(f => FixEngine.For(f!, spine.Context))
                    .Where(f => f.EquivalenceKey == fixAllContext.CodeActionEquivalenceKey)
                    .ToList();
                solution = await spine.ApplyToAsync(solution, fixes, fixAllContext.CancellationToken).ConfigureAwait(false);
            }

            return CodeAction.Create("Fix all: " + fixAllContext.CodeActionEquivalenceKey, _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
