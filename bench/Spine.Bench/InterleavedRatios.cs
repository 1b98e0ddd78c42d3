using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Spine.Bench;

/// <summary>
/// The cold path's ratios to the bare parse with the cases interleaved: every round runs each case once, in an order
/// that rotates between rounds, so a VM that slows down or speeds up during the run moves every case alike.
/// BenchmarkDotNet measures one case after another (each in its own process), and on this noisy 2-core VM the same
/// case moves by 20–40 % between minutes, which then shows up as a ratio. Prints medians of the rounds.
/// </summary>
public static class InterleavedRatios
{
    private const int WarmupRounds = 5;

    public static void Run(string spine, int rounds)
    {
        var bench = new LoadBenchmarks { Spine = spine };
        bench.Setup();
        var cases = new (string Name, Func<int> Run)[]
        {
            ("bare YamlDotNet parse", bench.BareYamlDotNetParse),
            ("parser events only", bench.BareParserEvents),
            ("load", bench.Load),
            ("load + all rules", bench.LoadAndAllRules),
            ("generator alone, cold", bench.GeneratorAloneCold),
            ("analyzer alone, cold", bench.AnalyzerAloneCold),
            ("all rules + generation, cold", bench.AllRulesAndGeneration),
        };

        var times = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < WarmupRounds + rounds; round++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var i = (k + round) % cases.Length;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                cases[i].Run();
                if (round >= WarmupRounds)
                {
                    times[i].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        var bare = Median(times[0]);
        Console.WriteLine($"{spine}, {rounds} interleaved rounds after {WarmupRounds} warm-up rounds (median, ratio to the bare parse):");
        for (var i = 0; i < cases.Length; i++)
        {
            Console.WriteLine($"  {cases[i].Name,-30} {Median(times[i]),9:F1} ms  {Median(times[i]) / bare:F2}×");
        }
    }
}
