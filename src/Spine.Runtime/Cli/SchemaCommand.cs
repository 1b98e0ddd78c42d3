using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Model.Loading;
using Spine.Model.Schemas;

namespace Spine.Runtime.Cli;

/// <summary>
/// <c>spine schema [--root DIR] [--out DIR]</c>: a JSON Schema for every binding the spine has, derived from the loader
/// (<see cref="BindingSchemas"/>), and the editor settings that map them: <c>yaml-language-server.json</c> (the
/// <c>yaml.schemas</c> setting of VS Code's YAML extension, Neovim's yamlls, …) and the <c># yaml-language-server:
/// $schema=</c> header line for each file, printed.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var root = CommonOptions.Root();
        var output = new Option<string?>("--out") { Description = "Where to write the schemas (default: <root>/.spine/schemas)." };
        var command = new Command("schema", "Write JSON Schemas (draft 2020-12) of the spine's bindings for editors, with the yaml-language-server settings that map them.") { root, output };
        command.SetAction(p => Run(p.GetValue(root), p.GetValue(output), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string? rootOption, string? outOption, TextWriter output, TextWriter error)
    {
        var session = SpineSession.Open(rootOption, error, useCache: false);
        if (session is null)
        {
            return ExitCodes.Stop;
        }

        var folder = Path.GetFullPath(outOption ?? Path.Combine(session.Root, ".spine", "schemas"));
        try
        {
            var schemas = BindingSchemas.Derive(SpineDirectory.Read(session.Root), session.Workspace);
            Directory.CreateDirectory(folder);
            using (var settings = File.Create(Path.Combine(folder, "yaml-language-server.json")))
            using (var json = new Utf8JsonWriter(settings, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteStartObject("yaml.schemas");
                foreach (var schema in schemas)
                {
                    var file = Path.Combine(folder, schema.Name + ".schema.json");
                    using (var stream = File.Create(file))
                    {
                        SchemaJson.Write(stream, schema, new Uri(file).AbsoluteUri);
                    }

                    json.WriteStartArray(Path.GetRelativePath(session.Root, file).Replace('\\', '/'));
                    foreach (var pattern in schema.Files)
                    {
                        json.WriteStringValue(pattern);
                    }

                    json.WriteEndArray();
                    foreach (var pattern in schema.Files)
                    {
                        output.WriteLine($"{pattern}: # yaml-language-server: $schema={Path.GetRelativePath(Path.GetDirectoryName(Path.Combine(session.Root, pattern))!, file).Replace('\\', '/')}");
                    }
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            output.WriteLine($"spine schema: {schemas.Count} schema(s) in {folder}; editor settings: {Path.Combine(folder, "yaml-language-server.json")} (the yaml.schemas setting; paths relative to the spine root).");
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"spine: cannot write the schemas to {folder}: {ex.Message}");
            return ExitCodes.Stop;
        }
    }
}
