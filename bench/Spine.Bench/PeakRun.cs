using System;
using System.Diagnostics;

namespace Spine.Bench;

/// <summary>
/// One cold run of all rules + generation (what a cold compiler process does) in this fresh process, printing its time
/// and the process's peak working set: BenchmarkDotNet reports allocations, not the peak, which the 500 MB goal is about.
/// </summary>
public static class PeakRun
{
    public static void Run(string spine)
    {
        var bench = new LoadBenchmarks { Spine = spine };
        bench.Setup();
        var watch = Stopwatch.StartNew();
        bench.AllRulesAndGeneration();
        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"{spine}: all rules + generation, cold, {watch.Elapsed.TotalMilliseconds:0} ms (JIT included); peak working set {self.PeakWorkingSet64 / 1048576} MB");
    }
}
