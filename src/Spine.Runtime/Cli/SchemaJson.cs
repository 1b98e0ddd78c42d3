using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Model.Schemas;

namespace Spine.Runtime.Cli;

/// <summary>
/// A <see cref="BindingSchema"/> as JSON Schema draft 2020-12, lenient where the loader is: every value may be null
/// (absent) unless required, keys the loader does not read are allowed, a scalar place takes any scalar, an integer
/// place an integer or a numeric string.
/// </summary>
internal static class SchemaJson
{
    private static readonly Shape[] ObjectShapes = { Shape.Mapping, Shape.Dictionary };
    private static readonly Shape[] ArrayShapes = { Shape.Sequence, Shape.ScalarList, Shape.IntegerList, Shape.MappingList };

    public static void Write(Stream stream, BindingSchema schema, string id)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.WriteString("$id", id);
        json.WriteString("title", schema.Name + " (Spine binding)");
        json.WriteString("description", schema.Description);
        Body(json, schema.Root, nullable: false);
        json.WriteEndObject();
    }

    private static void Node(Utf8JsonWriter json, SchemaNode node, bool nullable)
    {
        json.WriteStartObject();
        Body(json, node, nullable);
        json.WriteEndObject();
    }

    /// <summary>The keywords of one place; several kinds of value (a list item that is an id or a mapping) become anyOf.</summary>
    private static void Body(Utf8JsonWriter json, SchemaNode node, bool nullable)
    {
        if (node.Description != null)
        {
            json.WriteString("description", node.Description);
        }

        var kinds = new List<System.Action>();
        var isObject = node.Shapes.Overlaps(ObjectShapes) || node.Properties.Count > 0 || node.Values != null;
        var isArray = node.Shapes.Overlaps(ArrayShapes) || node.Items != null;
        var isScalar = node.Shapes.Contains(Shape.Scalar) || node.Shapes.Contains(Shape.Required) || node.Shapes.Contains(Shape.Integer) || node.Shapes.Contains(Shape.Boolean);
        if (isObject)
        {
            kinds.Add(() => Object(json, node));
        }

        if (isArray)
        {
            kinds.Add(() => Array(json, node));
        }

        if (isScalar)
        {
            kinds.Add(() => Scalar(json, node));
        }

        if (nullable && !node.Shapes.Contains(Shape.Required))
        {
            kinds.Add(() => json.WriteString("type", "null"));
        }

        if (kinds.Count == 1)
        {
            kinds[0]();
        }
        else if (kinds.Count > 1)
        {
            json.WriteStartArray("anyOf");
            foreach (var kind in kinds)
            {
                json.WriteStartObject();
                kind();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }

    private static void Object(Utf8JsonWriter json, SchemaNode node)
    {
        json.WriteString("type", "object");
        if (node.Properties.Count > 0)
        {
            json.WriteStartObject("properties");
            foreach (var (name, child) in node.Properties)
            {
                json.WritePropertyName(name);
                Node(json, child, nullable: true);
            }

            json.WriteEndObject();
        }

        if (node.Required.Count > 0)
        {
            json.WriteStartArray("required");
            foreach (var name in node.Required)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }

        if (node.Values != null)
        {
            json.WritePropertyName("additionalProperties");
            Node(json, node.Values, nullable: true);
        }
    }

    private static void Array(Utf8JsonWriter json, SchemaNode node)
    {
        json.WriteString("type", "array");
        var items = node.Items ?? new SchemaNode();
        if (node.Items is null)
        {
            items.Shapes.Add(node.Shapes.Contains(Shape.IntegerList) ? Shape.Integer : node.Shapes.Contains(Shape.MappingList) ? Shape.Mapping : Shape.Scalar);
        }
        else if (node.Shapes.Contains(Shape.IntegerList) && items.Shapes.Count == 0)
        {
            items.Shapes.Add(Shape.Integer);
        }

        if (items.Shapes.Count > 0 || items.Properties.Count > 0 || items.Items != null || items.Values != null)
        {
            json.WritePropertyName("items");
            Node(json, items, nullable: !node.Shapes.Contains(Shape.IntegerList));
        }
    }

    private static void Scalar(Utf8JsonWriter json, SchemaNode node)
    {
        if (node.Enum is { } values)
        {
            json.WriteStartArray("enum");
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
            return;
        }

        var onlyInteger = node.Shapes.Contains(Shape.Integer) && !node.Shapes.Contains(Shape.Scalar) && !node.Shapes.Contains(Shape.Required);
        var onlyBoolean = node.Shapes.Contains(Shape.Boolean) && !node.Shapes.Contains(Shape.Scalar) && !node.Shapes.Contains(Shape.Required);
        if (onlyInteger)
        {
            TypedOrQuoted(json, "integer", "^[+-]?[0-9]+$");
        }
        else if (onlyBoolean)
        {
            TypedOrQuoted(json, "boolean", "^(true|True|TRUE|false|False|FALSE)$");
        }
        else
        {
            json.WriteStartArray("type");
            foreach (var type in new[] { "string", "number", "boolean" })
            {
                json.WriteStringValue(type);
            }

            json.WriteEndArray();
        }
    }

    /// <summary>The value as <paramref name="type"/>, or as a string that reads as one (the loader accepts both).</summary>
    private static void TypedOrQuoted(Utf8JsonWriter json, string type, string pattern)
    {
        json.WriteStartArray("anyOf");
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteString("pattern", pattern);
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
