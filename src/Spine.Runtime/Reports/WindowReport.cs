using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Spine.Runtime.Execution;

namespace Spine.Runtime.Reports;

/// <summary>A window's journal, rendered: a text summary, and a self-contained HTML page with a timeline per host.</summary>
public static class WindowReport
{
    public static string Text(Journal journal)
    {
        var text = new StringBuilder();
        text.AppendLine($"window {journal.Id}: {journal.Status} ({(journal.Execute ? "executed" : "dry run")}, {journal.Request.Mode.ToString().ToLowerInvariant()} of {string.Join(", ", journal.Request.Sites)})");
        text.AppendLine($"  by {journal.Operator}, started {journal.Started:yyyy-MM-dd HH:mm:ss}Z, spine {journal.Spine}, policy {journal.Policy}");
        if (journal.RestoredFrom != null)
        {
            text.AppendLine($"  restores what {journal.RestoredFrom} found running");
        }

        foreach (var assumed in journal.Request.AssumeMet)
        {
            text.AppendLine($"  assumed met (--assume-met): {assumed}");
        }

        var counts = journal.Steps.GroupBy(s => s.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        text.AppendLine($"  {journal.Steps.Count} steps: {string.Join(", ", counts)}");
        foreach (var step in journal.Steps)
        {
            var attempts = step.Attempts.Count > 1 ? $" ({step.Attempts.Count} attempts)" : string.Empty;
            var took = step.Last is { Ended: { } end } last ? $" {(end - last.Started).TotalSeconds:0.0}s" : string.Empty;
            text.AppendLine($"  {step.Outcome,-12} {step.Id}{attempts}{took}{(step.Detail.Length > 0 ? " — " + step.Detail : string.Empty)}");
        }

        foreach (var e in journal.Events)
        {
            text.AppendLine($"  {e.At:HH:mm:ss} {e.Kind}: {e.Detail}");
        }

        return text.ToString();
    }

    public static string Html(Journal journal)
    {
        var start = journal.Started;
        var end = new[] { start.AddSeconds(1) }
            .Concat(journal.Steps.SelectMany(s => s.Attempts).Select(a => a.Ended ?? a.Started))
            .Concat(journal.Events.Select(e => e.At))
            .Max();
        var span = Math.Max(1, (end - start).TotalMilliseconds);
        string Pct(DateTime t) => ((t - start).TotalMilliseconds / span * 100).ToString("0.###", CultureInfo.InvariantCulture);
        string Width(DateTime a, DateTime b) => Math.Max(0.4, (b - a).TotalMilliseconds / span * 100).ToString("0.###", CultureInfo.InvariantCulture);
        static string E(string s) => WebUtility.HtmlEncode(s);

        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Spine window ").Append(E(journal.Id)).Append("</title><style>")
            .Append("body{font:14px system-ui,sans-serif;margin:24px;color:#222}h1{font-size:20px}.meta{color:#555}")
            .Append(".host{margin:18px 0}.lane{position:relative;height:34px;background:#f3f3f3;border:1px solid #ddd;border-radius:4px}")
            .Append(".bar{position:absolute;top:5px;height:24px;border-radius:3px;min-width:4px;opacity:.9}")
            .Append(".ok{background:#2e9d49}.skipped{background:#9aa5b1}.dry-run{background:#4a90d9}.failed{background:#d0342c}.stopped{background:#e08a00}")
            .Append(".unreachable{background:#8e44ad}.interrupted{background:#f1c40f}.check-failed{background:#c0392b}.running{background:#555}")
            .Append("table{border-collapse:collapse;margin-top:20px;width:100%}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}")
            .Append("</style></head><body>");
        html.Append("<h1>Window ").Append(E(journal.Id)).Append(": ").Append(E(journal.Status)).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(journal.Execute ? "executed" : "dry run").Append(", ").Append(E(journal.Request.Mode.ToString().ToLowerInvariant()))
            .Append(" of ").Append(E(string.Join(", ", journal.Request.Sites))).Append(", by ").Append(E(journal.Operator)).Append(", started ")
            .Append(journal.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("Z, policy ").Append(E(journal.Policy)).Append("</p>");

        foreach (var host in journal.Steps.GroupBy(s => s.Host ?? "local"))
        {
            html.Append("<div class=\"host\"><h2>").Append(E(host.Key)).Append("</h2><div class=\"lane\" data-host=\"").Append(E(host.Key)).Append("\">");
            foreach (var step in host)
            {
                var n = 0;
                foreach (var attempt in step.Attempts)
                {
                    n++;
                    var commands = string.Join("\n", attempt.Commands.Select(c => $"{(c.Sent ? "$" : "would run:")} {c.Command}{(c.ExitCode is { } x ? $" → exit {x}" : string.Empty)}"));
                    var title = $"{step.Id} (attempt {n}): {attempt.Outcome}\n{attempt.Detail}" + (commands.Length > 0 ? "\n" + commands : string.Empty);
                    html.Append("<div class=\"bar ").Append(E(attempt.Outcome)).Append("\" data-step=\"").Append(E(step.Id)).Append("\" style=\"left:").Append(Pct(attempt.Started))
                        .Append("%;width:").Append(Width(attempt.Started, attempt.Ended ?? attempt.Started)).Append("%\" title=\"").Append(E(title)).Append("\"></div>");
                }
            }

            html.Append("</div></div>");
        }

        html.Append("<table><thead><tr><th>Step</th><th>Outcome</th><th>Attempts</th><th>Detail</th><th>Commands</th></tr></thead><tbody>");
        foreach (var step in journal.Steps)
        {
            html.Append("<tr class=\"step\" data-step=\"").Append(E(step.Id)).Append("\"><td>").Append(E(step.Id)).Append("</td><td class=\"").Append(E(step.Outcome)).Append("\">")
                .Append(E(step.Outcome)).Append("</td><td>").Append(step.Attempts.Count).Append("</td><td>").Append(E(step.Detail)).Append("</td><td><code>")
                .Append(E(string.Join(" ; ", step.Attempts.SelectMany(a => a.Commands).Select(c => c.Command)))).Append("</code></td></tr>");
        }

        html.Append("</tbody></table><h2>Events</h2><ul>");
        foreach (var e in journal.Events)
        {
            html.Append("<li>").Append(e.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ').Append(E(e.Kind)).Append(": ").Append(E(e.Detail)).Append("</li>");
        }

        return html.Append("</ul></body></html>\n").ToString();
    }
}
