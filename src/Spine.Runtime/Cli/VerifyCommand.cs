using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Build.Receipts;
using Spine.Build.Verification;
using Spine.Model;
using Spine.Model.Loading;

namespace Spine.Runtime.Cli;

/// <summary>
/// <c>spine verify domain NAME [--list] [--json]</c> and <c>spine verify core</c>: resolve a gate set as
/// verify-topology does and run it (PASS/FAIL/SKIP lines, a summary). Exit 1 on any FAIL, unless
/// drift_gate_mode=warn (then the failures are warnings and the exit is 0); 2 for an unknown domain.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Run a domain's gates (verify.domain.run) or the core gates (verify.core.run).");

        var root = CommonOptions.Root();
        var name = new Argument<string>("domain") { Description = "The domain (aliases like loop-gap or home-automation are accepted)." };
        var list = new Option<bool>("--list") { Description = "Print the resolved gate set without running anything." };
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var timeout = new Option<int>("--gate-timeout-sec") { Description = "Per-gate timeout for script gates.", DefaultValueFactory = _ => 300 };
        var receipts = new Option<string?>("--receipts") { Description = "Write a JSON receipt and a SARIF log to this folder." };
        var domain = new Command("domain", "Run the gates routed to one domain.") { name, root, list, json, timeout, receipts };
        domain.SetAction(p => Run(p.GetValue(root), p.GetValue(name)!, p.GetValue(list), p.GetValue(json), p.GetValue(timeout), p.GetValue(receipts), Console.Out, Console.Error));

        var coreRoot = CommonOptions.Root();
        var coreList = new Option<bool>("--list") { Description = "Print the core gate set without running anything." };
        var coreJson = new Option<bool>("--json") { Description = "Machine-readable output." };
        var coreTimeout = new Option<int>("--gate-timeout-sec") { Description = "Per-gate timeout for script gates.", DefaultValueFactory = _ => 300 };
        var coreReceipts = new Option<string?>("--receipts") { Description = "Write a JSON receipt and a SARIF log to this folder." };
        var core = new Command("core", "Run core_mode's gates.") { coreRoot, coreList, coreJson, coreTimeout, coreReceipts };
        core.SetAction(p => Run(p.GetValue(coreRoot), null, p.GetValue(coreList), p.GetValue(coreJson), p.GetValue(coreTimeout), p.GetValue(coreReceipts), Console.Out, Console.Error));

        verify.Subcommands.Add(domain);
        verify.Subcommands.Add(core);
        return verify;
    }

    public static int Run(string? rootOption, string? domain, bool list, bool json, int timeoutSec, string? receipts, TextWriter output, TextWriter error)
    {
        var root = SpineRootLocator.Resolve(rootOption);
        if (!Directory.Exists(Path.Combine(root, "ops")))
        {
            error.WriteLine($"spine: '{root}' is not a spine root (no ops/ folder).");
            return ExitCodes.Stop;
        }

        var workspace = SpineDirectory.Load(root);
        if (domain != null && !DomainRouting.IsKnown(workspace, domain))
        {
            error.WriteLine($"spine: unknown domain '{domain}' (known: {string.Join(", ", workspace.Topology?.Domains.Select(d => d.Id.Value) ?? Enumerable.Empty<string>())}).");
            return ExitCodes.Stop;
        }

        var set = domain is null ? DomainRouting.Core(workspace) : DomainRouting.Resolve(workspace, domain);
        if (list)
        {
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(new { domain = set.Domain, source = set.Source.ToString().ToLowerInvariant(), gates = set.Gates.ToArray() }));
            }
            else
            {
                output.WriteLine($"verify.{(domain is null ? "core" : "domain")}.list {set.Domain} (source: {set.Source.ToString().ToLowerInvariant()})");
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

        var report = Verifier.Run(workspace, domain is null ? "core" : "domain " + domain, set, TimeSpan.FromSeconds(Math.Max(1, timeoutSec)));
        if (receipts != null)
        {
            ReceiptWriter.Write(report, receipts, $"spine-verify-{(domain ?? "core")}-{report.StartedUtc:yyyyMMddTHHmmssZ}");
        }

        var pass = report.Results.Count(r => r.Outcome == GateOutcome.Pass);
        var skip = report.Results.Count(r => r.Outcome == GateOutcome.Skip);
        var inline = report.Results.Count(r => r.Outcome == GateOutcome.Skip && r.Detail == "inline-only");
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                domain = set.Domain,
                source = set.Source.ToString().ToLowerInvariant(),
                policy = report.Policy?.Preset,
                warnOnly = report.WarnOnly,
                total = report.Results.Count,
                pass,
                fail = report.Failed,
                skipped_inline = inline,
                skipped_retired = skip - inline,
                failing_ids = report.Results.Where(r => r.Outcome == GateOutcome.Fail).Select(r => r.GateId).ToArray(),
                gates = report.Results.Select(r => new { id = r.GateId, result = r.Word, detail = r.Detail, seconds = Math.Round(r.Seconds, 3), exitCode = r.ExitCode, output = r.Output }),
            }));
        }
        else
        {
            output.WriteLine($"verify.{(domain is null ? "core" : "domain")}.run {set.Domain} (source: {set.Source.ToString().ToLowerInvariant()}, policy: {report.Policy?.Preset ?? "unresolved"})");
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
            }

            output.WriteLine();
            output.WriteLine($"summary: pass={pass} fail={report.Failed} skipped_inline={inline} skipped_retired={skip - inline}");
        }

        return report.Failed > 0 && !report.WarnOnly ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
