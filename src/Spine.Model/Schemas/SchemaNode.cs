using System;
using System.Collections.Generic;

namespace Spine.Model.Schemas
{
    /// <summary>One place of a binding's schema: the shapes the loader accepts there and what lies below.</summary>
    public sealed class SchemaNode
    {
        public HashSet<Shape> Shapes { get; } = new HashSet<Shape>();

        public SortedDictionary<string, SchemaNode> Properties { get; } = new SortedDictionary<string, SchemaNode>(StringComparer.Ordinal);

        /// <summary>A list's items.</summary>
        public SchemaNode? Items { get; set; }

        /// <summary>The values of a dictionary (every key a name).</summary>
        public SchemaNode? Values { get; set; }

        public SortedSet<string> Required { get; } = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>Values the data itself declares for this place (a capability field's <c>schema.enums</c>).</summary>
        public IReadOnlyList<string>? Enum { get; set; }

        public string? Description { get; set; }

        public SchemaNode At(IEnumerable<string> path)
        {
            var node = this;
            foreach (var segment in path)
            {
                node = segment switch
                {
                    "[]" => node.Items ??= new SchemaNode(),
                    "*" => node.Values ??= new SchemaNode(),
                    _ => node.Properties.TryGetValue(segment, out var child) ? child : node.Properties[segment] = new SchemaNode(),
                };
            }

            return node;
        }
    }

    /// <summary>A binding's schema and the spine files it describes (paths relative to the spine root; * matches a name).</summary>
    public sealed record BindingSchema(string Name, IReadOnlyList<string> Files, string Description, SchemaNode Root);
}
