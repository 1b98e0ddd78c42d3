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

            return schemas.Select(s => new BindingSchema(s.Key, s.Value.Files.Distinct(StringComparer.Ordinal).ToList(), Describe(s.Key), s.Value.Root)).ToList();
        }

        /// <summary>ops/bindings/gate.registry.yaml → gate.registry; ops/capabilities.yaml → capabilities.</summary>
        public static string Name(string path)
        {
            var file = path.Substring(path.LastIndexOf('/') + 1);
            return file.EndsWith(".yaml", StringComparison.Ordinal) ? file.Substring(0, file.Length - 5) : file.EndsWith(".yml", StringComparison.Ordinal) ? file.Substring(0, file.Length - 4) : file;
        }

        private static string Describe(string name) =>
            $"The shape Spine's loader accepts in {name}.yaml, derived from the loader (spine schema). Drift rules beyond the shape are the SPINE### diagnostics (spine check, the build, the IDE).";
    }
}
