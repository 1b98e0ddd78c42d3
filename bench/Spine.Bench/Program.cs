using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Spine.Bench -- --filter '*'    (BenchmarkDotNet)
// dotnet run -c Release --project bench/Spine.Bench -- peak SPINE        (one cold run in a fresh process: time and peak memory)
if (args.Length == 2 && args[0] == "peak")
{
    Spine.Bench.PeakRun.Run(args[1]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Spine.Bench.LoadBenchmarks).Assembly).Run(args);
