using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Spine.Model;
using Spine.Model.Loading;
using Spine.TestSupport;
using Xunit;

namespace Spine.Generators.Tests;

/// <summary>The pipeline caches: nothing reruns without a YAML change, and a YAML edit reruns only its file's parse.</summary>
public class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
    {
        SpineGenerator.Steps.Root, SpineGenerator.Steps.Text, SpineGenerator.Steps.Parse, SpineGenerator.Steps.Workspace,
        SpineGenerator.Steps.Capabilities, SpineGenerator.Steps.Gates, SpineGenerator.Steps.Domains,
        SpineGenerator.Steps.Maintenance, SpineGenerator.Steps.SshTargets, SpineGenerator.Steps.Policy,
    };

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, System.Collections.Immutable.ImmutableArray<AdditionalText> Texts) FirstRun()
    {
        var compilation = GeneratorHarness.Compilation("public class A { }");
        var texts = GeneratorHarness.Texts(FixtureSpine.Own());
        var driver = GeneratorHarness.Driver(texts).RunGenerators(compilation);
        Assert.All(TrackedSteps, step => Assert.Contains(step, (IDictionary<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>>)driver.GetRunResult().Results.Single().TrackedSteps));
        return (driver, compilation, texts);
    }

    [Fact]
    public void Rerun_on_an_unchanged_compilation_is_all_cached()
    {
        var (driver, compilation, _) = FirstRun();
        driver = driver.RunGenerators(compilation.Clone());
        foreach (var step in TrackedSteps)
        {
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
    }

    [Fact]
    public void A_csharp_only_edit_parses_no_yaml()
    {
        var (driver, compilation, _) = FirstRun();
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class B { }")));
        foreach (var step in TrackedSteps)
        {
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(Reasons(driver, SpineGenerator.Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Editing_one_binding_reruns_only_its_parse_step()
    {
        var (driver, compilation, texts) = FirstRun();
        var old = texts.Single(t => t.Path.EndsWith("ssh.targets.yaml", StringComparison.Ordinal));
        var edited = new TestAdditionalText(old.Path, old.GetText()!.ToString().Replace("Proxmox VE — shop (R730XD)", "Proxmox VE — shop"));
        driver = driver.ReplaceAdditionalText(old, edited).RunGenerators(compilation);

        var parse = Reasons(driver, SpineGenerator.Steps.Parse).ToList();
        Assert.Equal(1, parse.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(parse.Count - 1, parse.Count(r => r == IncrementalStepRunReason.Cached));

        // Only the SSH targets output changes; the other specs are recomputed but equal.
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, SpineGenerator.Steps.SshTargets));
        foreach (var step in new[] { SpineGenerator.Steps.Capabilities, SpineGenerator.Steps.Gates, SpineGenerator.Steps.Policy, SpineGenerator.Steps.Maintenance })
        {
            Assert.All(Reasons(driver, step), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        }
    }

    /// <summary>Every type that flows through the pipeline holds only values: no symbols, compilations, nodes, locations or additional texts.</summary>
    [Fact]
    public void Pipeline_models_contain_no_roslyn_objects()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(AdditionalText), typeof(SemanticModel) };
        var roots = typeof(SpineGenerator).Assembly.GetTypes().Where(t => t.Name.EndsWith("Spec", StringComparison.Ordinal))
            .Concat(new[] { typeof(SpineFile), typeof(BoundFile), typeof(SpineWorkspace) })
            .Concat(typeof(SpineWorkspace).Assembly.GetTypes().Where(t => t.Namespace == "Spine.Model.Bindings"))
            .ToList();
        Assert.Contains(roots, t => t.Name == "CapabilitiesSpec");

        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string))
            {
                continue;
            }

            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            Assert.True(type.Assembly == typeof(SpineWorkspace).Assembly || type.Assembly == typeof(SpineGenerator).Assembly || type.Assembly == typeof(object).Assembly, $"{type} comes from {type.Assembly.GetName().Name}");
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                queue.Enqueue(field.FieldType);
                foreach (var arg in field.FieldType.GetGenericArguments())
                {
                    queue.Enqueue(arg);
                }

                if (field.FieldType.IsArray)
                {
                    queue.Enqueue(field.FieldType.GetElementType()!);
                }
            }
        }
    }
}
