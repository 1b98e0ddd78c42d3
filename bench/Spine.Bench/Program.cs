using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Spine.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Spine.Bench.LoadBenchmarks).Assembly).Run(args);
