using System;
using Microsoft.CodeAnalysis;
using Spine.Model;
using Spine.Model.Loading;

namespace Spine.Generators
{
    /// <summary>
    /// Turns the spine's YAML (AdditionalFiles under ops/) into typed C# in namespace Spine.Generated.
    /// Pipeline: each file is read and bound on its own (cached per file), the bound files are put
    /// together into a workspace, and one spec per output is derived from it; every step has a
    /// tracking name (see <see cref="Steps"/>). Diagnostics are the analyzer's job, not this one's.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SpineGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (tests assert their run reasons).</summary>
        public static class Steps
        {
            public const string Root = "SpineRoot";
            public const string Options = "SpineEmitOptions";
            public const string Text = "SpineText";
            public const string Parse = "SpineParse";
            public const string Workspace = "SpineWorkspace";
            public const string Capabilities = "SpineCapabilitiesSpec";
            public const string Gates = "SpineGatesSpec";
            public const string Domains = "SpineDomainsSpec";
            public const string Maintenance = "SpineMaintenanceSpec";
            public const string SshTargets = "SpineSshTargetsSpec";
            public const string Policy = "SpinePolicySpec";
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var root = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => SpineAdditionalFiles.Root(options.GlobalOptions))
                .WithTrackingName(Steps.Root);
            var emit = context.AnalyzerConfigOptionsProvider
                .Select((options, _) => SpineAdditionalFiles.EmitOptions(options.GlobalOptions))
                .WithTrackingName(Steps.Options);

            var bound = context.AdditionalTextsProvider
                .Combine(root)
                .Select((pair, ct) => SpineAdditionalFiles.Read(pair.Left, pair.Right, ct))
                .WithTrackingName(Steps.Text)
                .Where(file => file != null)
                .Select((file, _) => BoundFileCache.Get(file!))
                .WithTrackingName(Steps.Parse);

            var workspace = bound.Collect()
                .Combine(root)
                .Select((pair, _) => pair.Left.IsEmpty ? null : SpineLoader.Assemble(pair.Right, pair.Left))
                .WithTrackingName(Steps.Workspace);

            Output(context, workspace, emit, Steps.Capabilities, GeneratorModel.Capabilities, CapabilitiesEmitter.Emit, "Capabilities.g.cs");
            Output(context, workspace, emit, Steps.Gates, GeneratorModel.Gates, GatesEmitter.Emit, "Gates.g.cs");
            Output(context, workspace, emit, Steps.Domains, GeneratorModel.Domains, DomainsEmitter.Emit, "Domains.g.cs");
            Output(context, workspace, emit, Steps.Maintenance, GeneratorModel.Maintenance, MaintenanceEmitter.Emit, "Maintenance.g.cs");
            Output(context, workspace, emit, Steps.SshTargets, GeneratorModel.SshTargets, SshTargetsEmitter.Emit, "SshTargets.g.cs");
            Output(context, workspace, emit, Steps.Policy, GeneratorModel.Policy, PolicyEmitter.Emit, "Policy.g.cs");
        }

        /// <summary>
        /// A spec builder never takes the compiler down (CS8785): on data it cannot handle it emits
        /// nothing, the analyzer reports the data, and code that uses the missing output fails to compile.
        /// </summary>
        private static TSpec? Safely<TSpec>(Func<SpineWorkspace, TSpec?> model, SpineWorkspace workspace)
            where TSpec : class
        {
            try
            {
                return model(workspace);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return null;
            }
        }

        private static void Output<TSpec>(
            IncrementalGeneratorInitializationContext context,
            IncrementalValueProvider<SpineWorkspace?> workspace,
            IncrementalValueProvider<EmitOptions> options,
            string step,
            Func<SpineWorkspace, TSpec?> model,
            Func<TSpec, EmitOptions, string> emit,
            string hintName)
            where TSpec : class
        {
            var spec = workspace.Select((ws, _) => ws is null ? null : Safely(model, ws)).WithTrackingName(step);
            context.RegisterSourceOutput(spec.Combine(options), (output, pair) =>
            {
                if (pair.Left != null)
                {
                    output.AddSource(hintName, EmittedSources.Get(hintName, pair.Left, pair.Right, emit));
                }
            });
        }
    }
}
