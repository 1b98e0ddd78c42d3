using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/capabilities.yaml</c>: the governed actions of the spine.</summary>
    public sealed record CapabilityRegistry(
        SourceSpan Span,
        Located<string>? Version,
        Located<string>? Updated,
        CapabilitySchema Schema,
        EquatableArray<Capability> Capabilities)
    {
        public const string Path = "ops/capabilities.yaml";

        public Capability? Find(string name) => Capabilities.FirstOrDefault(c => c.Name.Value == name);

        internal static CapabilityRegistry Bind(YamlMapping root, BindingReader read)
        {
            var schemaMap = read.Map(root, "schema");
            var schema = new CapabilitySchema(
                schemaMap is null ? root.Span : BindingReader.KeySpan(root, "schema"),
                read.StrList(schemaMap, "optional_fields"),
                (read.Map(schemaMap, "enums")?.Entries ?? new List<YamlEntry>())
                    .Select(e => new SchemaEnum(
                        new Located<string>(e.Key.Value, e.Key.Span),
                        read.StrList(read.Map(schemaMap, "enums"), e.Key.Value)))
                    .ToEquatableArray());

            var capabilities = new List<Capability>();
            var map = read.Map(root, "capabilities");
            foreach (var entry in map?.Entries ?? new List<YamlEntry>())
            {
                var cap = read.Map(entry.Value, $"capability '{entry.Key.Value}'");
                if (cap is null)
                {
                    continue;
                }

                capabilities.Add(new Capability(
                    new Located<string>(entry.Key.Value, entry.Key.Span),
                    read.Str(cap, "description"),
                    read.StrList(cap, "tags"),
                    read.Str(cap, "command"),
                    read.Str(cap, "cwd"),
                    read.Str(cap, "safety"),
                    read.Str(cap, "approval"),
                    read.Str(cap, "lifecycle"),
                    read.StrList(cap, "outputs"),
                    cap.Entry("requires")?.Key.Span,
                    read.StrList(cap, "requires"),
                    read.Str(cap, "plane"),
                    read.Str(cap, "domain"),
                    read.Str(cap, "implementation_repo"),
                    read.Str(cap, "implementation_path"),
                    read.Bool(cap, "touches_api"),
                    read.Maps(cap, "args").Select(a => new CapabilityArg(
                        a.Span,
                        read.Str(a, "name"),
                        read.Bool(a, "required"),
                        read.Str(a, "default"),
                        read.Str(a, "validate"))).ToEquatableArray(),
                    read.Str(cap, "post_action"),
                    read.Str(cap, "notes"),
                    read.StrList(cap, "produces_files"),
                    read.Str(cap, "auth_model")));
            }

            return new CapabilityRegistry(root.Span, read.Str(root, "version"), read.Str(root, "updated"), schema, capabilities.ToEquatableArray());
        }
    }

    /// <summary>The registry's own <c>schema:</c> block: optional fields and the enum vocabularies.</summary>
    public sealed record CapabilitySchema(SourceSpan Span, EquatableArray<Located<string>> OptionalFields, EquatableArray<SchemaEnum> Enums)
    {
        /// <summary>The declared values of an enum field, or null when the schema does not declare it.</summary>
        public EquatableArray<Located<string>>? EnumValues(string field)
        {
            foreach (var e in Enums)
            {
                if (e.Field.Value == field)
                {
                    return e.Values;
                }
            }

            return null;
        }
    }

    public sealed record SchemaEnum(Located<string> Field, EquatableArray<Located<string>> Values);

    public sealed record Capability(
        Located<string> Name,
        Located<string>? Description,
        EquatableArray<Located<string>> Tags,
        Located<string>? Command,
        Located<string>? Cwd,
        Located<string>? Safety,
        Located<string>? Approval,
        Located<string>? Lifecycle,
        EquatableArray<Located<string>> Outputs,
        SourceSpan? RequiresKey,
        EquatableArray<Located<string>> Requires,
        Located<string>? Plane,
        Located<string>? Domain,
        Located<string>? ImplementationRepo,
        Located<string>? ImplementationPath,
        Located<bool>? TouchesApi,
        EquatableArray<CapabilityArg> Args,
        Located<string>? PostAction,
        Located<string>? Notes,
        EquatableArray<Located<string>> ProducesFiles,
        Located<string>? AuthModel)
    {
        public SourceSpan Span => Name.Span;
    }

    public sealed record CapabilityArg(
        SourceSpan Span,
        Located<string>? Name,
        Located<bool>? Required,
        Located<string>? Default,
        Located<string>? Validate);
}
