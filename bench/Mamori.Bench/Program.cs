using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Mamori.Bench -- --filter *Decision* [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
