using System.Collections.Generic;
using System.Linq;
using Spine.Model.Yaml;

namespace Spine.Model.Bindings
{
    /// <summary><c>ops/capabilities.yaml</c>: the governed actions of the spine.</summary>
    public sealed record CapabilityRegistry(
        SourceSpan Span,
        SourceSpan? CapabilitiesKey,
        CapabilitySchema Schema,
        EquatableArray<Capability> Capabilities)
    {
        public const string Path = "ops/capabilities.yaml";

        public Capability? Find(string name) => Capabilities.FirstOrDefault(c => c.Name.Value == name);

        /// <summary>
        /// Reads only what Spine uses (rules, generated API, runtime); everything else a capability holds
        /// (args, outputs, tags, notes, implementation_*, …) is the spine's own business and is not typed.
        /// </summary>
        internal static CapabilityRegistry Bind(YamlMapping root, BindingReader read)
        {
            var schemaMap = read.Map(root, "schema");
            var schema = new CapabilitySchema(
                schemaMap is null ? root.Span : BindingReader.KeySpan(root, "schema"),
                read.Entries(schemaMap, "enums")
                    .Select(e => new SchemaEnum(new Located<string>(e.Key.Value, e.Key.Span), read.StrList(read.Map(schemaMap, "enums"), e.Key.Value)))
                    .ToEquatableArray());

            var capabilities = new List<Capability>();
            foreach (var entry in read.Entries(root, "capabilities"))
            {
                var cap = read.Map(entry.Value, $"capability '{entry.Key.Value}'");
                if (cap is null)
                {
                    continue;
                }

                capabilities.Add(new Capability(
                    new Located<string>(entry.Key.Value, entry.Key.Span),
                    cap.Span,
                    read.Str(cap, "description"),
                    read.Str(cap, "command"),
                    read.Str(cap, "cwd"),
                    read.Str(cap, "safety"),
                    read.Str(cap, "approval"),
                    read.Str(cap, "lifecycle"),
                    cap.Entry("requires")?.Key.Span,
                    read.StrList(cap, "requires"),
                    read.Str(cap, "plane"),
                    read.Str(cap, "domain"),
                    read.Str(cap, "auth_model")));
            }

            return new CapabilityRegistry(root.Span, root.Entry("capabilities")?.Key.Span, schema, capabilities.ToEquatableArray());
        }
    }

    /// <summary>The registry's own <c>schema:</c> block: the enum vocabularies of capability fields.</summary>
    public sealed record CapabilitySchema(SourceSpan Span, EquatableArray<SchemaEnum> Enums)
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

    /// <summary>One capability: the fields Spine reads. <see cref="BodySpan"/> is its mapping (the name's value).</summary>
    public sealed record Capability(
        Located<string> Name,
        SourceSpan BodySpan,
        Located<string>? Description,
        Located<string>? Command,
        Located<string>? Cwd,
        Located<string>? Safety,
        Located<string>? Approval,
        Located<string>? Lifecycle,
        SourceSpan? RequiresKey,
        EquatableArray<Located<string>> Requires,
        Located<string>? Plane,
        Located<string>? Domain,
        Located<string>? AuthModel)
    {
        public SourceSpan Span => Name.Span;

        public bool IsReadOnly => Safety?.Value == "read-only";
    }
}
