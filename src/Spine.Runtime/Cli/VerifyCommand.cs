using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Spine.Build.Receipts;
using Spine.Build.Verification;
using Spine.Model;
using Spine.Model.Policy;

namespace Spine.Runtime.Cli;

/// <summary>
/// <c>spine verify domain NAME [--list] [--parity] [--json]</c> and <c>spine verify core</c>: resolve a gate set as
/// verify-topology does and run it (PASS/FAIL/SKIP lines, a summary). Exit 1 on any FAIL, unless
/// drift_gate_mode=warn (then the failures are warnings and the exit is 0); 2 for an unknown domain or policy.
/// </summary>
internal static class VerifyCommand
{
    public sealed record Arguments(string? Root, string? Domain, bool List, bool Json, int TimeoutSec, string? Receipts, bool Parity);

    public static Command Create()
    {
        var verify = new Command("verify", "Run a domain's gates (verify.domain.run) or the core gates (verify.core.run).");
        var name = new Argument<string>("domain") { Description = "The domain (aliases like loop-gap or home-automation are accepted)." };
        verify.Subcommands.Add(Sub("domain", "Run the gates routed to one domain.", name));
        verify.Subcommands.Add(Sub("core", "Run core_mode's gates.", null));
        return verify;
    }

    private static Command Sub(string verb, string description, Argument<string>? name)
    {
        var root = CommonOptions.Root();
        var list = new Option<bool>("--list") { Description = "Print the resolved gate set without running anything." };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var timeout = new Option<int>("--gate-timeout-sec") { Description = "Per-gate timeout for script gates (1..86400).", DefaultValueFactory = _ => 300 };
        var receipts = new Option<string?>("--receipts") { Description = "Write a JSON receipt and a SARIF log to this folder." };
        var parity = new Option<bool>("--parity") { Description = "For each gate Spine compiles that has its check_script too, run both and warn where they disagree (SPINE620)." };
        var command = new Command(verb, description) { root, list, json, timeout, receipts, parity };
        if (name != null)
        {
            command.Arguments.Add(name);
        }

        command.SetAction((p, cancellation) => System.Threading.Tasks.Task.FromResult(Run(
            new Arguments(p.GetValue(root), name is null ? null : p.GetValue(name), p.GetValue(list), p.GetValue(json), p.GetValue(timeout), p.GetValue(receipts), p.GetValue(parity)),
            Console.Out,
            Console.Error,
            cancellation)));
        return command;
    }

    public static int Run(Arguments a, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        if (a.TimeoutSec is < 1 or > 86400)
        {
            error.WriteLine($"spine: --gate-timeout-sec must be between 1 and 86400 (got {a.TimeoutSec}).");
            return ExitCodes.Stop;
        }

        var session = SpineSession.Open(a.Root, error);
        if (session is null)
        {
            return ExitCodes.Stop;
        }

        var workspace = session.Workspace;
        try
        {
            // The policy decides fail or warn: an unresolvable one stops before any gate script runs.
            PolicyEnvironment.Resolve(workspace);
        }
        catch (PolicyException ex)
        {
            SpineSession.ReportPolicyError(error, ex.Message);
            return ExitCodes.Stop;
        }

        if (a.Domain != null && !DomainRouting.IsKnown(workspace, a.Domain))
        {
            error.WriteLine($"spine: unknown domain '{a.Domain}' (known: {string.Join(", ", workspace.Topology?.Domains.Select(d => d.Id.Value) ?? Enumerable.Empty<string>())}).");
            return ExitCodes.Stop;
        }

        var set = a.Domain is null ? DomainRouting.Core(workspace) : DomainRouting.Resolve(workspace, a.Domain);
        var kind = a.Domain is null ? "core" : "domain";
        if (a.List)
        {
            if (a.Json)
            {
                WriteJson(output, json =>
                {
                    json.WriteString("domain", set.Domain);
                    json.WriteString("source", set.Source.ToString().ToLowerInvariant());
                    json.WriteStartArray("gates");
                    foreach (var gate in set.Gates)
                    {
                        json.WriteStringValue(gate);
                    }

                    json.WriteEndArray();
                });
            }
            else
            {
                output.WriteLine($"verify.{kind}.list {set.Domain} (source: {set.Source.ToString().ToLowerInvariant()})");
                output.WriteLine($"gate_count: {set.Gates.Count}");
                foreach (var gate in set.Gates)
                {
                    output.WriteLine(gate);
                }
            }

            return ExitCodes.Ok;
        }

        if (set.Gates.IsEmpty)
        {
            error.WriteLine($"spine: no gates resolved for '{set.Domain}'.");
            return ExitCodes.Stop;
        }

        var report = Verifier.Run(workspace, kind == "core" ? "core" : "domain " + a.Domain, set, new GateRunOptions(TimeSpan.FromSeconds(a.TimeoutSec), a.Parity, cancellation));
        if (report.Check.PolicyError is { } policyError)
        {
            SpineSession.ReportPolicyError(error, policyError);
            return ExitCodes.Stop;
        }

        if (a.Receipts != null)
        {
            try
            {
                ReceiptWriter.Write(report, a.Receipts, $"spine-verify-{a.Domain ?? "core"}-{report.StartedUtc:yyyyMMddTHHmmssZ}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"spine: cannot write receipts to '{a.Receipts}': {ex.Message}");
                return ExitCodes.Stop;
            }
        }

        var pass = report.Results.Count(r => r.Outcome == GateOutcome.Pass);
        var skip = report.Results.Count(r => r.Outcome == GateOutcome.Skip);
        var inline = report.Results.Count(r => r.Outcome == GateOutcome.Skip && r.Detail == "inline-only");
        var mismatches = report.Results.Count(r => r.Parity is { Agree: false });
        if (a.Json)
        {
            WriteJson(output, json =>
            {
                json.WriteString("domain", set.Domain);
                json.WriteString("source", set.Source.ToString().ToLowerInvariant());
                json.WriteString("policy", report.Policy?.Preset);
                json.WriteBoolean("warnOnly", report.WarnOnly);
                json.WriteNumber("total", report.Results.Count);
                json.WriteNumber("pass", pass);
                json.WriteNumber("fail", report.Failed);
                json.WriteNumber("skipped_inline", inline);
                json.WriteNumber("skipped_retired", skip - inline);
                json.WriteNumber("parity_mismatches", mismatches);
                json.WriteStartArray("failing_ids");
                foreach (var r in report.Results.Where(r => r.Outcome == GateOutcome.Fail))
                {
                    json.WriteStringValue(r.GateId);
                }

                json.WriteEndArray();
                json.WriteStartArray("gates");
                foreach (var r in report.Results)
                {
                    json.WriteStartObject();
                    json.WriteString("id", r.GateId);
                    json.WriteString("result", r.Word);
                    json.WriteString("detail", r.Detail);
                    json.WriteNumber("seconds", Math.Round(r.Seconds, 3));
                    if (r.ExitCode is { } code)
                    {
                        json.WriteNumber("exitCode", code);
                    }
                    else
                    {
                        json.WriteNull("exitCode");
                    }

                    if (r.Parity is { } parity)
                    {
                        json.WriteStartObject("parity");
                        json.WriteString("compiled", parity.Describe().Split(';')[0]);
                        json.WriteBoolean("agree", parity.Agree);
                        json.WriteString("detail", parity.Describe());
                        json.WriteEndObject();
                    }

                    json.WriteString("output", r.Output);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
        }
        else
        {
            output.WriteLine($"verify.{kind}.run {set.Domain} (source: {set.Source.ToString().ToLowerInvariant()}, policy: {report.Policy?.Preset ?? "unresolved"}{(a.Parity ? ", parity" : string.Empty)})");
            output.WriteLine($"gate_count: {set.Gates.Count}");
            output.WriteLine();
            foreach (var result in report.Results)
            {
                output.WriteLine(result.Outcome == GateOutcome.Fail && report.WarnOnly ? result + " (warn: drift_gate_mode=warn)" : result.ToString());
                if (result.Outcome == GateOutcome.Fail)
                {
                    foreach (var line in result.Output.Split('\n').Take(60).Where(l => l.Length > 0))
                    {
                        output.WriteLine("  " + line.TrimEnd('\r'));
                    }
                }

                if (result.Parity is { } parity)
                {
                    output.WriteLine($"  parity {(parity.Agree ? "agrees" : "DISAGREES")}: {parity.Describe()}");
                }
            }

            foreach (var finding in report.GateFindings().Where(f => f.RuleId == RuleCatalog.ParityMismatch.Id))
            {
                output.WriteLine(session.Display(finding));
            }

            output.WriteLine();
            output.WriteLine($"summary: pass={pass} fail={report.Failed} skipped_inline={inline} skipped_retired={skip - inline}" + (a.Parity ? $" parity_mismatches={mismatches}" : string.Empty));
        }

        if (cancellation.IsCancellationRequested)
        {
            error.WriteLine("spine: cancelled; the gates after the current one did not run.");
            return ExitCodes.Failed;
        }

        return report.Failed > 0 && !report.WarnOnly ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static void WriteJson(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
