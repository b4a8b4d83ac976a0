using System.Diagnostics;
using Mamori.Audit;
using Mamori.Consent;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Bench.Macro;

/// <summary>Small experiments behind the findings in docs/performance.md, run in this process without HTTP.</summary>
public static class Probes
{
    /// <summary><c>probe audit [writers]</c>: concurrent audit appends on SQLite (every decision request makes one), per second.</summary>
    public static async Task<int> AuditAsync(string[] args)
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

    /// <summary><c>probe consent-read DATADIR</c>: the consent read's use cases, CPU per read, with EF Core opening the
    /// connection for each query (as Mamori does) and with the connection opened once for the scope.</summary>
    public static async Task<int> ConsentReadAsync(string[] args)
    {
        await using var services = MamoriServices.Open(args[0]);
        var persons = await PersonWorkloads.PersonsWithConsentsAsync(services.Services, 200);
        for (var round = 0; round < 4; round++)
        {
            foreach (var openOnce in new[] { false, true })
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var person in persons)
                {
                    await using var scope = services.Services.CreateAsyncScope();
                    if (openOnce)
                        await scope.ServiceProvider.GetRequiredService<MamoriDb>().Database.OpenConnectionAsync();
                    var ledger = scope.ServiceProvider.GetRequiredService<ConsentLedger>();
                    var subject = await ledger.ResolveAsync(person.ToString(), null);
                    var history = await ledger.HistoryAsync(subject);
                    await ledger.CurrentFromHistoryAsync(subject, history);
                }
                var perRead = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / persons.Count;
                Console.WriteLine($"round {round}, connection {(openOnce ? "opened once per scope" : "opened per query")}: {perRead:F0} µs CPU per read");
            }
        }
        return 0;
    }
}
