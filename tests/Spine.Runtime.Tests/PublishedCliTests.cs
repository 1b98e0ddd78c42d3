using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Spine.Model.Loading;
using Spine.Runtime.Cli;
using Spine.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Spine.Runtime.Tests;

/// <summary>
/// The shipped CLI, Native AOT, as a process: what trimming and ahead-of-time compilation could break (command-line
/// parsing, JSON, embedded docs, the syntax cache, SSH.NET's crypto) is exercised here on both corpora and against the
/// loopback lab, and its output equals the in-process commands' output.
/// </summary>
[Collection("sshd")]
public sealed class PublishedCliTests
{
    private readonly ITestOutputHelper _log;

    public PublishedCliTests(ITestOutputHelper log) => _log = log;

    private static Dictionary<string, string?> PrivateCache(string folder) => new() { ["SPINE_CACHE_DIR"] = Path.Combine(folder, ".cache") };

    [Theory]
    [InlineData("2026-02-17")]
    [InlineData("2026-02-25")]
    public void Check_prints_what_the_in_process_check_prints_cold_and_from_its_cache(string date)
    {
        using var spine = TempCopy.OfSpine(Paths.CorpusOf(date));
        var expected = new StringWriter();
        var expectedCode = CheckCommand.Run(spine.Path, false, expected, new StringWriter(), useCache: false);
        var expectedText = expected.ToString().Replace(spine.Path + "/", string.Empty, StringComparison.Ordinal); // the binary runs in the spine's folder
        var env = PrivateCache(spine.Path);

        var cold = PublishedCli.Run(spine.Path, env, "check");
        var warm = PublishedCli.Run(spine.Path, env, "check");
        var uncached = PublishedCli.Run(spine.Path, env, "check", "--no-cache");
        Assert.Equal(expectedCode, cold.Code);
        foreach (var run in new[] { cold, warm, uncached })
        {
            Assert.Equal(expectedText, run.Stdout);
            Assert.Equal(expectedCode, run.Code);
        }

        Assert.Single(Directory.GetFiles(Path.Combine(spine.Path, ".cache"), SyntaxCache.FilePattern));
    }

    [Fact]
    public void A_file_changed_after_a_cached_run_is_parsed_again()
    {
        using var spine = TempCopy.OfSpine(Paths.Corpus25);
        var env = PrivateCache(spine.Path);
        var (before, beforeOut, _) = PublishedCli.Run(spine.Path, env, "check");
        Assert.DoesNotContain("media.content.snapshot.yaml(", beforeOut);

        // An unmodelled file (the cache serves it) gets a duplicate key and a broken line.
        spine.Edit("ops/bindings/media.content.snapshot.yaml", t => t + "\nextra: 1\nextra: 2\n");
        var (_, dupOut, _) = PublishedCli.Run(spine.Path, env, "check");
        Assert.Contains("media.content.snapshot.yaml(", dupOut);
        Assert.Contains("error SPINE002: Duplicate key 'extra'", dupOut);

        // A modelled file (the cache serves its tree) too.
        spine.Edit("ops/capabilities.yaml", t => t + "\nmeta: 1\nmeta: 2\n");
        var (_, modelledOut, _) = PublishedCli.Run(spine.Path, env, "check");
        Assert.Contains("capabilities.yaml(", modelledOut);
        Assert.Contains("error SPINE002: Duplicate key 'meta'", modelledOut);

        spine.Edit("ops/bindings/media.content.snapshot.yaml", t => t + "broken: [\n");
        var (code, brokenOut, _) = PublishedCli.Run(spine.Path, env, "check");
        Assert.Equal(1, code);
        Assert.Contains("error SPINE001: YAML syntax error", brokenOut);
        Assert.Equal(1, before);

        File.WriteAllText(Directory.GetFiles(Path.Combine(spine.Path, ".cache"), SyntaxCache.FilePattern).Single(), "garbage\tgarbage\n");
        var (_, afterCorrupt, _) = PublishedCli.Run(spine.Path, env, "check");
        Assert.Equal(brokenOut, afterCorrupt);
    }

    [Fact]
    public void Version_help_explain_json_and_usage_errors_work_in_the_native_build()
    {
        var (version, versionOut, _) = PublishedCli.Run(Paths.RepoRoot, "--version");
        Assert.Equal(0, version);
        Assert.StartsWith("1.0.0", versionOut);

        var (help, helpOut, _) = PublishedCli.Run(Paths.RepoRoot, "--help");
        Assert.Equal(0, help);
        Assert.Contains("maintenance-window", helpOut);

        var (explain, explainOut, _) = PublishedCli.Run(Paths.RepoRoot, "explain", "SPINE137");
        Assert.Equal(0, explain);
        Assert.Contains("# SPINE137", explainOut);

        var (bogus, _, bogusErr) = PublishedCli.Run(Paths.RepoRoot, "--bogus");
        Assert.Equal(2, bogus);
        Assert.Contains("spine --help", bogusErr);

        var (json, jsonOut, _) = PublishedCli.Run(Paths.RepoRoot, "check", "--root", Paths.Corpus, "--json");
        Assert.Equal(1, json);
        using var doc = JsonDocument.Parse(jsonOut);
        Assert.True(doc.RootElement.GetProperty("findings").GetArrayLength() > 10);

        var (verify, verifyOut, _) = PublishedCli.Run(Paths.RepoRoot, "verify", "domain", "network", "--root", Paths.RepoRoot, "--json");
        Assert.True(verify == 0, verifyOut);
        using var verifyDoc = JsonDocument.Parse(verifyOut);
        Assert.Equal("network", verifyDoc.RootElement.GetProperty("domain").GetString());
    }

    /// <summary>SSH.NET, the journal's JSON and the report through the native build: a real precheck and shutdown against the lab.</summary>
    [Fact]
    public void The_native_build_runs_a_window_against_the_lab_and_reports_it()
    {
        using var lab = new Lab();
        string[] Common(params string[] more) => new[] { "maintenance-window", "--root", lab.Root, "--journal-dir", lab.JournalDir, "--identity", lab.Identity, "--known-hosts", Path.Combine(lab.KeysFolder, "none"), "--poll-interval-ms", "50", "--shutdown-timeout-sec", "2" }.Concat(more).ToArray();
        var (precheck, precheckOut, precheckErr) = PublishedCli.Run(lab.Root, Common("--site", "both", "--mode", "precheck", "--execute"));
        _log.WriteLine(precheckOut + precheckErr);
        Assert.Equal(0, precheck);
        Assert.Contains("host key verified (pinned", precheckOut);

        var (shutdown, shutdownOut, shutdownErr) = PublishedCli.Run(lab.Root, Common("--site", "shop", "--mode", "shutdown", "--execute", "--json"));
        _log.WriteLine(shutdownErr);
        Assert.Equal(0, shutdown);
        using var doc = JsonDocument.Parse(shutdownOut);
        Assert.Equal("completed", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("stopped", lab.Shop.Status("vm", 210));

        var html = Path.Combine(lab.Root, "report.html");
        var (report, reportOut, _) = PublishedCli.Run(lab.Root, "report", lab.LatestJournal(), "--html", html);
        Assert.Equal(0, report);
        Assert.Contains("shop/shutdownguest/210", reportOut);
        Assert.Contains("data-step=\"shop/verifydown\"", File.ReadAllText(html));
    }
}
