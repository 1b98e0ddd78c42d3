using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Spine.Bench -- --filter '*'    (BenchmarkDotNet)
// dotnet run -c Release --project bench/Spine.Bench -- peak SPINE        (one cold run in a fresh process: time and peak memory)
// dotnet run -c Release --project bench/Spine.Bench -- ratios SPINE [N]  (the cold path's cases interleaved, N rounds: ratios to the bare parse)
if (args.Length >= 2 && (args[0] == "peak" || args[0] == "ratios"))
{
    // Spine.Model rides next to the analyzer (PrivateAssets) and is left out of this app's deps.json: load it from here.
    System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
        System.IO.File.Exists(System.IO.Path.Combine(System.AppContext.BaseDirectory, name.Name + ".dll"))
            ? context.LoadFromAssemblyPath(System.IO.Path.Combine(System.AppContext.BaseDirectory, name.Name + ".dll"))
            : null;
    if (args[0] == "peak")
    {
        Spine.Bench.PeakRun.Run(args[1]);
    }
    else
    {
        Spine.Bench.InterleavedRatios.Run(args[1], args.Length > 2 ? int.Parse(args[2]) : 20);
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Spine.Bench.LoadBenchmarks).Assembly).Run(args);
