using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Logfold.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Logfold.Benchmarks.PipelineBenchmarks).Assembly).Run(args);
