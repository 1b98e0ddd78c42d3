using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Spine.Build.Verification;
using Spine.Model;

namespace Spine.Build.Receipts
{
    /// <summary>
    /// Writes a verify run down: a JSON receipt (gates, results, durations, policy, SHA-256 of every
    /// spine file) and a SARIF 2.1.0 log of the findings and failed gates, with regions.
    /// </summary>
    public static class ReceiptWriter
    {
        /// <summary>Where the rules' pages live (the analyzer's SpineDocsBaseUrl default).</summary>
        public const string DocsBaseUrl = "https://github.com/spine-governance/spine/blob/main/docs/diagnostics/";

        public static (string Receipt, string Sarif) Write(VerifyReport report, string directory, string baseName)
        {
            Directory.CreateDirectory(directory);
            var receipt = Path.Combine(directory, baseName + ".json");
            var sarif = Path.Combine(directory, baseName + ".sarif");
            File.WriteAllText(receipt, Receipt(report));
            File.WriteAllText(sarif, Sarif(report));
            return (receipt, sarif);
        }

        public static string Receipt(VerifyReport report)
        {
            var w = new JsonWriter().StartObject();
            w.String("kind", "spine.verify.receipt").Number("version", 1);
            w.String("target", report.Target).String("root", report.Root);
            w.String("started", report.StartedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Number("seconds", report.Seconds);
            w.StartObject("policy");
            if (report.Policy is { } policy)
            {
                w.String("preset", policy.Preset).String("source", policy.PresetSource);
                w.StartObject("knobs");
                foreach (var knob in policy.Knobs)
                {
                    w.String(knob.Name, knob.Value);
                }

                w.EndObject();
            }

            w.EndObject();
            if (report.Gates is { } set)
            {
                w.String("domain", set.Domain).String("source", set.Source.ToString().ToLowerInvariant());
            }

            w.StartArray("gates");
            foreach (var r in report.Results)
            {
                w.StartObject().String("id", r.GateId).String("result", r.Word).String("detail", r.Detail).Number("seconds", r.Seconds);
                if (r.ExitCode is { } code)
                {
                    w.Number("exitCode", code);
                }

                if (r.Parity is { } parity)
                {
                    w.StartObject("parity")
                        .String("rule", parity.RuleId)
                        .String("compiled", Words.Of(parity.Compiled))
                        .String("script", Words.Of(parity.Script))
                        .Bool("agree", parity.Agree);
                    w.StartArray("compiledItems");
                    foreach (var item in parity.CompiledItems)
                    {
                        w.String(item);
                    }

                    w.EndArray().StartArray("scriptItems");
                    foreach (var item in parity.ScriptItems)
                    {
                        w.String(item);
                    }

                    w.EndArray().EndObject();
                }

                w.String("output", r.Output).EndObject();
            }

            w.EndArray();
            w.StartObject("summary")
                .Number("pass", report.Results.Count(r => r.Outcome == GateOutcome.Pass))
                .Number("fail", report.Failed)
                .Number("skip", report.Results.Count(r => r.Outcome == GateOutcome.Skip))
                .Number("findings", report.Findings.Count)
                .Number("baselined", report.Check.Baselined)
                .EndObject();
            w.StartArray("files");
            foreach (var file in report.Files)
            {
                w.StartObject().String("path", file).String("sha256", Hash(Path.Combine(report.Root, file))).EndObject();
            }

            w.EndArray();
            return w.EndObject() + "\n";
        }

        public static string Sarif(VerifyReport report)
        {
            var results = report.Findings.Concat(report.GateFindings())
                .Select(f => (f.RuleId, Level(f.Severity), f.Text, f.HasLocation ? (SourceSpan?)f.Span : null))
                .ToList();

            var w = new JsonWriter().StartObject();
            w.String("$schema", "https://json.schemastore.org/sarif-2.1.0.json").String("version", "2.1.0");
            w.StartArray("runs").StartObject();
            w.StartObject("tool").StartObject("driver").String("name", "Spine").String("semanticVersion", "0.1.0");
            w.StartArray("rules");
            foreach (var id in results.Select(r => r.Item1).Distinct().OrderBy(i => i, StringComparer.Ordinal))
            {
                var d = RuleCatalog.Find(id);
                w.StartObject().String("id", id).String("name", d?.Title);
                w.StartObject("shortDescription").String("text", d?.Summary ?? id).EndObject();
                w.String("helpUri", DocsBaseUrl + id + ".md").EndObject();
            }

            w.EndArray().EndObject().EndObject();
            w.StartObject("originalUriBaseIds").StartObject("SPINEROOT").String("uri", new Uri(Path.GetFullPath(report.Root) + "/").AbsoluteUri).EndObject().EndObject();
            w.StartArray("results");
            foreach (var (rule, level, message, span) in results)
            {
                w.StartObject().String("ruleId", rule).String("level", level);
                w.StartObject("message").String("text", message).EndObject();
                if (span is { } s)
                {
                    w.StartArray("locations").StartObject().StartObject("physicalLocation");
                    w.StartObject("artifactLocation").String("uri", s.File).String("uriBaseId", "SPINEROOT").EndObject();
                    w.StartObject("region").Number("startLine", s.Line).Number("startColumn", s.Column).Number("endLine", s.EndLine).Number("endColumn", s.EndColumn).EndObject();
                    w.EndObject().EndObject().EndArray();
                }

                w.EndObject();
            }

            w.EndArray().EndObject().EndArray();
            return w.EndObject() + "\n";
        }

        private static string Level(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        };

        private static string Hash(string path)
        {
            if (!File.Exists(path))
            {
                return string.Empty;
            }

            using var sha = SHA256.Create();
            using var stream = File.OpenRead(path);
            return string.Concat(sha.ComputeHash(stream).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
    }
}
