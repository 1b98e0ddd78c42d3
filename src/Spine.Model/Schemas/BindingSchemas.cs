using System;
using System.Collections.Generic;
using System.Linq;
using Spine.Model.Bindings;
using Spine.Model.Loading;
using Spine.Model.Yaml;

namespace Spine.Model.Schemas
{
    /// <summary>
    /// JSON Schemas of the bindings Spine models, derived from the loader itself: each modelled file of a spine is bound
    /// again with a <see cref="ShapeRecorder"/> on the reader, so a schema says what the binder accepts at each place it
    /// reads (no more: keys it does not read stay free), which keys it cannot do without, and the values the data
    /// declares (a capability field's <c>schema.enums</c>). Writing them as JSON is the CLI's job.
    /// </summary>
    public static class BindingSchemas
    {
        private const string TenantsGlob = "ops/bindings/tenants/*.yaml";

        public static IReadOnlyList<BindingSchema> Derive(IEnumerable<SpineFile> files, SpineWorkspace workspace)
        {
            var schemas = new SortedDictionary<string, (List<string> Files, SchemaNode Root)>(StringComparer.Ordinal);
            foreach (var file in files.Where(f => SpineLoader.IsModelled(f.Path)))
            {
                if (ParsedFile.Parse(file.Path, file.Text).Document.Root is not YamlMapping root)
                {
                    continue;
                }

                var recorder = new ShapeRecorder(root);
                SpineLoader.BindRecording(file.Path, root, recorder);
                var isTenant = file.Path == TenantProfile.DefaultPath || file.Path.StartsWith("ops/bindings/tenants/", StringComparison.Ordinal);
                var name = isTenant ? "tenant.profile" : Name(file.Path);
                if (!schemas.TryGetValue(name, out var schema))
                {
                    schema = (new List<string>(), new SchemaNode());
                    schema.Root.Shapes.Add(Shape.Mapping);
                    schemas[name] = schema;
                }

                schema.Files.Add(isTenant && file.Path != TenantProfile.DefaultPath ? TenantsGlob : file.Path);
                foreach (var (path, shapes) in recorder.Seen)
                {
                    schema.Root.At(path).Shapes.UnionWith(shapes);
                    if (shapes.Contains(Shape.Required) && path.Count > 0 && path[path.Count - 1] is var key && key != "[]" && key != "*")
                    {
                        schema.Root.At(path.Take(path.Count - 1)).Required.Add(key);
                    }
                }
            }

            if (schemas.TryGetValue(Name(CapabilityRegistry.Path), out var capabilities) && workspace.Capabilities is { } registry)
            {
                foreach (var declared in registry.Schema.Enums.Where(e => e.Values.Count > 0 && Rules.CapabilityEnumRule.Constrainable.Contains(e.Field.Value)))
                {
                    var field = capabilities.Root.At(new[] { "capabilities", "*", declared.Field.Value });
                    field.Shapes.Add(Shape.Scalar);
                    field.Enum = declared.Values.Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList();
                    field.Description = $"One of schema.enums.{declared.Field.Value} (SPINE010).";
                }
            }

            if (workspace.Policy is { } policy)
            {
                if (schemas.TryGetValue("tenant.profile", out var tenant))
                {
                    Knobs(tenant.Root.At(new[] { "policy", "overrides" }), policy);
                    Presets(tenant.Root.At(new[] { "policy", "preset" }), policy);
                }

                if (schemas.TryGetValue(Name(PolicyPresets.Path), out var presets))
                {
                    Knobs(presets.Root.At(new[] { "presets", "*", "knobs" }), policy);
                }
            }

            return schemas.Select(s => new BindingSchema(s.Key, s.Value.Files.Distinct(StringComparer.Ordinal).ToList(), Describe(s.Key, s.Value.Files), s.Value.Root)).ToList();
        }

        /// <summary>Each knob of knob_schema with its type, its enum and its description (other keys stay free: SPINE503 reports them).</summary>
        private static void Knobs(SchemaNode knobs, PolicyPresets policy)
        {
            knobs.Shapes.Add(Shape.Mapping);
            foreach (var knob in policy.KnobSchema)
            {
                var node = knobs.At(new[] { knob.Name.Value });
                node.Shapes.Add(knob.Type?.Value switch { "integer" => Shape.Integer, "boolean" => Shape.Boolean, _ => Shape.Scalar });
                if (knob.Enum is { Count: > 0 } values)
                {
                    node.Enum = values.Select(v => v.Value).ToList();
                }

                node.Description = knob.Description?.Value is { } description ? $"{description} (knob_schema)" : "A knob of knob_schema.";
            }
        }

        private static void Presets(SchemaNode preset, PolicyPresets policy)
        {
            preset.Shapes.Add(Shape.Scalar);
            preset.Enum = policy.Presets.Select(p => p.Name.Value).ToList();
            preset.Description = "A preset of policy.presets.yaml (SPINE504 when it is not one).";
        }

        /// <summary>ops/bindings/gate.registry.yaml → gate.registry; ops/capabilities.yaml → capabilities.</summary>
        public static string Name(string path)
        {
            var file = path.Substring(path.LastIndexOf('/') + 1);
            return file.EndsWith(".yaml", StringComparison.Ordinal) ? file.Substring(0, file.Length - 5) : file.EndsWith(".yml", StringComparison.Ordinal) ? file.Substring(0, file.Length - 4) : file;
        }

        /// <summary>The binding's description: what the schema is, and the rules (their pages' titles) that read it.</summary>
        private static string Describe(string name, IReadOnlyList<string> files)
        {
            var rules = RuleCatalog.All.Where(r => r.Inputs.Any(files.Contains)).Select(r => $"{r.Id} {r.Title}").ToList();
            return $"The shape Spine's loader accepts in {name}.yaml, derived from the loader (spine schema)."
                + (rules.Count > 0 ? $" Beyond the shape it is checked by {string.Join("; ", rules)} (spine explain ID)." : string.Empty);
        }
    }
}
