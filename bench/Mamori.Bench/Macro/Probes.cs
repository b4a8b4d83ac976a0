using System.Diagnostics;
using Mamori.Audit;
using Mamori.Consent;
using Mamori.Data;
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

    /// <summary><c>probe consent-read DATADIR</c>: the consent read's and the decision's use cases in this process, one
    /// at a time, with the bytes allocated and the CPU spent per step (scope and connection; resolving the subject; the
    /// history; the state; a decision), to say where a request's cost goes without HTTP around it.</summary>
    public static async Task<int> ConsentReadAsync(string[] args)
    {
        await using var services = MamoriServices.Open(args[0]);
        var persons = await PersonWorkloads.PersonsWithConsentsAsync(services.Services, 500);
        string[] steps = ["scope + context (+ SQLite connection)", "resolve subject (person exists?)", "history", "state from history", "decision flags (consent)", "audit append (alone)", "decision (PersonVault.DecideAsync)"];
        for (var round = 0; round < 3; round++)
        {
            var bytes = new long[steps.Length];
            var cpu = new TimeSpan[steps.Length];
            foreach (var person in persons)
            {
                var step = 0;
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                var used = Process.GetCurrentProcess().TotalProcessorTime;
                void Next()
                {
                    var nowAllocated = GC.GetTotalAllocatedBytes(precise: true);
                    var nowUsed = Process.GetCurrentProcess().TotalProcessorTime;
                    bytes[step] += nowAllocated - allocated;
                    cpu[step] += nowUsed - used;
                    (allocated, used, step) = (nowAllocated, nowUsed, step + 1);
                }
                await using var scope = services.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<MamoriDb>();
                Next();
                var ledger = scope.ServiceProvider.GetRequiredService<ConsentLedger>();
                var subject = await ledger.ResolveAsync(person.ToString(), null);
                Next();
                var history = await ledger.HistoryAsync(subject);
                Next();
                await ledger.CurrentFromHistoryAsync(subject, history);
                Next();
                await ledger.DecisionFlagsAsync(subject);
                Next();
                await scope.ServiceProvider.GetRequiredService<AuditTrail>().AppendAsync(
                    new AuditEvent(AuditActors.CommandLine("probe"), AuditActions.Decision, AuditOutcomes.Allowed, PersonId: person));
                Next();
                await scope.ServiceProvider.GetRequiredService<Vault.PersonVault>().DecideAsync(person, "agency.quote_application",
                    ["contact.name", "contact.birthdate", "insurance.policy"], AuditActors.CommandLine("probe"));
                Next();
            }
            Console.WriteLine($"round {round}, {persons.Count} persons:");
            for (var i = 0; i < steps.Length; i++)
                Console.WriteLine($"  {steps[i],-40} {bytes[i] / persons.Count / 1024.0,6:F1} KB  {cpu[i].TotalMicroseconds / persons.Count,6:F0} µs CPU");
        }
        return 0;
    }
}
