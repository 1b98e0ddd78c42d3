using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Spine.TestSupport;

namespace Spine.Runtime.Tests;

/// <summary>
/// The real yaml-language-server (npm; ./test.sh installs it under .tools/), driven over LSP on stdio as an editor
/// drives it: initialize, the yaml settings (answered again when the server asks for workspace/configuration), then
/// didOpen of a document and the publishDiagnostics it sends back.
/// </summary>
internal sealed class YamlLanguageServer : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly JsonObject _settings;
    private readonly ConcurrentDictionary<string, (JsonArray Diagnostics, DateTime At)> _diagnostics = new();
    private readonly Thread _reader;
    private int _id;
    private int _version;

    public YamlLanguageServer(string rootFolder, JsonObject schemas)
    {
        var server = Path.Combine(Paths.RepoRoot, ".tools", "node_modules", "yaml-language-server", "bin", "yaml-language-server");
        if (!File.Exists(server))
        {
            throw new InvalidOperationException($"yaml-language-server is not installed at {server}: run ./test.sh (it installs it with npm).");
        }

        _settings = new JsonObject
        {
            ["validate"] = true,
            ["hover"] = false,
            ["completion"] = false,
            ["format"] = new JsonObject { ["enable"] = false },
            ["schemaStore"] = new JsonObject { ["enable"] = false },
            ["schemas"] = schemas,
        };
        var info = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(server);
        info.ArgumentList.Add("--stdio");
        _process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        _input = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _reader = new Thread(Read) { IsBackground = true };
        _reader.Start();

        var rootUri = new Uri(rootFolder + "/").AbsoluteUri;
        Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject() },
            },
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "spine" }),
        });
        Notify("initialized", new JsonObject());
        Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["yaml"] = _settings.DeepClone() } });
    }

    /// <summary>Opens a document and waits for its diagnostics (the server publishes them after validating).</summary>
    public JsonArray Diagnostics(string path, string text, TimeSpan? timeout = null)
    {
        var uri = new Uri(path).AbsoluteUri;
        _diagnostics.TryRemove(uri, out _);
        _version++;
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = _version, ["text"] = text },
        });
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            // The server may publish more than once for one open (syntax first, then the schema): take the last after a quiet spell.
            if (_diagnostics.TryGetValue(uri, out var found) && DateTime.UtcNow - found.At > TimeSpan.FromMilliseconds(1000))
            {
                Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
                return found.Diagnostics;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException("yaml-language-server exited with " + _process.ExitCode);
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"no diagnostics for {path} from yaml-language-server");
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Request(string method, JsonNode parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = Interlocked.Increment(ref _id), ["method"] = method, ["params"] = parameters });

    private void Notify(string method, JsonNode parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        lock (_input)
        {
            _input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            _input.Write(body);
            _input.Flush();
        }
    }

    private void Read()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = 0;
                string? line;
                while ((line = ReadLine(output)) != null && line.Length > 0)
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                if (line is null)
                {
                    return;
                }

                var buffer = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = output.Read(buffer, read, length - read);
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                Handle(JsonNode.Parse(buffer)!.AsObject());
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Handle(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        if (method == "textDocument/publishDiagnostics")
        {
            var parameters = message["params"]!;
            _diagnostics[parameters["uri"]!.GetValue<string>()] = (parameters["diagnostics"]!.AsArray(), DateTime.UtcNow);
            return;
        }

        if (method != null && message["id"] is { } id)
        {
            // A request from the server: the settings it asks for, null for anything else (capability registration, progress).
            JsonNode? result = null;
            if (method == "workspace/configuration")
            {
                var answers = new JsonArray();
                foreach (var item in message["params"]!["items"]!.AsArray())
                {
                    answers.Add(item?["section"]?.GetValue<string>() == "yaml" ? _settings.DeepClone() : null);
                }

                result = answers;
            }

            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
    }

    private static string? ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        int b;
        while ((b = stream.ReadByte()) != -1)
        {
            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }

        return line.Length > 0 ? line.ToString() : null;
    }
}
