using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Spine.Generators.CodeFixes;
using Spine.TestSupport;

namespace Spine.Generators.Tests;

/// <summary>
/// Applies <see cref="SpineCodeFixProvider"/>'s fixes to a spine in a Roslyn workspace as the IDE does: a project whose
/// additional documents are the spine's YAML, the analyzer's diagnostics, a <see cref="CodeFixContext"/> on the
/// additional <see cref="TextDocument"/>, and the code action's <see cref="ApplyChangesOperation"/>.
/// </summary>
internal static class CodeFixHarness
{
    private const int MaxIterations = 50;

    public static async Task<Dictionary<string, string>> FixOneByOne(FixtureSpine spine, string equivalenceKey)
    {
        var solution = Solution(spine, out var projectId);
        for (var i = 0; i < MaxIterations; i++)
        {
            var project = solution.GetProject(projectId)!;
            var action = await FirstAction(project, await Diagnostics(project), equivalenceKey);
            if (action is null)
            {
                return await Texts(solution.GetProject(projectId)!);
            }

            solution = await Apply(action, solution);
        }

        throw new InvalidOperationException($"{equivalenceKey}: still fixing after {MaxIterations} iterations");
    }

    public static async Task<Dictionary<string, string>> FixAll(FixtureSpine spine, string equivalenceKey, FixAllScope scope)
    {
        var solution = Solution(spine, out var projectId);
        var project = solution.GetProject(projectId)!;
        var diagnostics = await Diagnostics(project);
        var provider = new SpineCodeFixProvider();
        var context = new FixAllContext(project, provider, scope, equivalenceKey, provider.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider().GetFixAsync(context) ?? throw new InvalidOperationException("no Fix All action");
        return await Texts((await Apply(action, solution)).GetProject(projectId)!);
    }

    private static Solution Solution(FixtureSpine spine, out ProjectId projectId)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
            .AddMetadataReferences(Basic.Reference.Assemblies.Net100.References.All)
            .AddDocument("Program.cs", "public static class Program { public static void Main() { } }").Project;
        foreach (var (path, text) in spine.Files)
        {
            project = project.AddAdditionalDocument(System.IO.Path.GetFileName(path), SourceText.From(text), filePath: SpineAnalyzerTest.Path(path)).Project;
        }

        projectId = project.Id;
        return project.Solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> Diagnostics(Project project)
    {
        var texts = new List<AdditionalText>();
        foreach (var document in project.AdditionalDocuments)
        {
            texts.Add(new TestAdditionalText(document.FilePath!, (await document.GetTextAsync()).ToString()));
        }

        var compilation = await project.GetCompilationAsync();
        return await compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SpineAnalyzer()), new AnalyzerOptions(texts.ToImmutableArray(), new TestOptionsProvider(SpineAnalyzerTest.Root)))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private static async Task<CodeAction?> FirstAction(Project project, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey)
    {
        var provider = new SpineCodeFixProvider();
        foreach (var diagnostic in diagnostics.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            var document = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == diagnostic.Location.GetLineSpan().Path);
            if (document is null)
            {
                continue;
            }

            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            if (actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey) is { } action)
            {
                return action;
            }
        }

        return null;
    }

    private static async Task<Solution> Apply(CodeAction action, Solution solution)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private static async Task<Dictionary<string, string>> Texts(Project project)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in project.AdditionalDocuments)
        {
            texts[document.FilePath!.Substring(SpineAnalyzerTest.Root.Length + 1)] = (await document.GetTextAsync()).ToString();
        }

        return texts;
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
