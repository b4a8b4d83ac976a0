using System.Diagnostics;
using Mamori.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Bench.Macro;

/// <summary>Concurrent audit appends on SQLite (every decision request makes one): appends per second.</summary>
public static class AuditContention
{
    public static async Task<int> RunAsync(string[] args)
    {
        var writers = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 32;
        var directory = Directory.CreateTempSubdirectory("mamori-bench-audit-").FullName;
        await using (var services = MamoriServices.Open(directory))
        {
            await services.InitialiseAsync();
            for (var round = 0; round < 6; round++)
            {
                const int each = 30;
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; i < each; i++)
                    {
                        await using var scope = services.Services.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<AuditTrail>().AppendAsync(
                            new AuditEvent(AuditActors.System, AuditActions.Decision, AuditOutcomes.Allowed, Target: $"writer:{w}"));
                    }
                })));
                Console.WriteLine($"{writers} writers × {each} appends: {writers * each / clock.Elapsed.TotalSeconds:N0} appends/s");
            }
        }
        Directory.Delete(directory, recursive: true);
        return 0;
    }
}
