using BenchmarkDotNet.Running;
using Mamori.Bench;

// dotnet run -c Release --project bench/Mamori.Bench -- --filter *Decision* [--job short]
// dotnet run -c Release --project bench/Mamori.Bench -- ingest [--events N] [--rounds N] [--concurrency N]
if (args is ["ingest", .. var rest])
    return await IngestBenchmark.RunAsync(rest);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
