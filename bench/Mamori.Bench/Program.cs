using BenchmarkDotNet.Running;
using Mamori.Bench;
using Mamori.Bench.Macro;

// bench/run.sh [--quick | --scale full|N]       every figure of issue 9 in one run (macro mode)
// dotnet run -c Release --project bench/Mamori.Bench -- --filter *Decision* [--job short]
// dotnet run -c Release --project bench/Mamori.Bench -- ingest [--events N] [--rounds N] [--concurrency N]
// dotnet bench/Mamori.Bench/bin/Release/net10.0/Mamori.Bench.dll bare --urls http://127.0.0.1:5392
return args switch
{
    ["ingest", .. var rest] => await IngestBenchmark.RunAsync(rest),
    ["macro", .. var rest] => await MacroBenchmark.RunAsync(rest),
    ["bare", .. var rest] => await BareEndpoint.RunAsync(rest),
    ["probe", "audit", .. var rest] => await Probes.AuditAsync(rest),
    ["probe", "consent-read", .. var rest] => await Probes.ConsentReadAsync(rest),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BareEndpoint).Assembly).Run(args);
    return 0;
}
