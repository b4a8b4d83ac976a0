using System.Diagnostics;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Consent;
using Mamori.Data;
using Person = Mamori.Vault.Person;
using Mamori.Requests;
using Mamori.Signals;
using Mamori.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Bench.Macro;

/// <summary>Latencies of the per-person use cases on the generated database, in this process (no HTTP).</summary>
public static class PersonWorkloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string Actor = AuditActors.Staff(Guid.Parse("00000000-0000-0000-0000-00000000be9c"));

    /// <summary>One person's disclosure package (<see cref="DisclosurePackage"/>: vault items with provenance, linked
    /// signals, consents and receipts, provision records, earlier requests) as the JSON the package endpoint returns; its size.</summary>
    public static async Task<int> BuildDisclosureAsync(IServiceProvider services, Guid personId, CancellationToken ct = default)
    {
        var package = await services.GetRequiredService<DisclosurePackage>().BuildAsync(personId, Actor, ct: ct);
        return JsonSerializer.SerializeToUtf8Bytes(package, Json).Length;
    }

    /// <summary>Wall-clock latencies, and the process's CPU time per operation (all its threads: GC and JIT included),
    /// which a busy machine inflates far less than the latencies.</summary>
    public sealed record Latencies(int Count, double P50, double P95, double P99, double Mean, double Max, double CpuMs)
    {
        public static Latencies Of(List<double> milliseconds, TimeSpan cpu)
        {
            milliseconds.Sort();
            double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
            return new Latencies(milliseconds.Count, At(0.50), At(0.95), At(0.99), milliseconds.Average(), milliseconds[^1],
                cpu.TotalMilliseconds / milliseconds.Count);
        }

        public override string ToString() =>
            $"p50 {P50:F2} ms · p95 {P95:F2} ms · p99 {P99:F2} ms · mean {Mean:F2} ms · max {Max:F2} ms · CPU {CpuMs:F2} ms/op (n = {Count})";
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Disclosure packages of the sample, one at a time, each in its own scope (as one request would be).</summary>
    public static async Task<(Latencies Latencies, double MeanBytes)> DisclosureAsync(IServiceProvider root, IReadOnlyList<Guid> sample, int warmUp)
    {
        var (latencies, bytes) = await EachAsync(root, sample, warmUp, async (services, person) => await BuildDisclosureAsync(services, person));
        return (latencies, bytes / (double)latencies.Count);
    }

    /// <summary>Erases each person of the sample through the vault (crypto-shredding, items, blind indexes, linked signals, links).</summary>
    public static async Task<Latencies> ErasureAsync(IServiceProvider root, IReadOnlyList<Guid> sample, int warmUp) =>
        (await EachAsync(root, sample, warmUp, async (services, person) =>
        {
            await services.GetRequiredService<PersonVault>().EraseAsync(person, "benchmark", Actor);
            return 0;
        })).Latencies;

    /// <summary>Runs <paramref name="work"/> for each person in a scope of its own, timing all but the first
    /// <paramref name="warmUp"/>; the sum of what the timed runs returned (e.g. bytes) comes back beside the times.</summary>
    private static async Task<(Latencies Latencies, long Sum)> EachAsync(IServiceProvider root, IReadOnlyList<Guid> sample, int warmUp,
        Func<IServiceProvider, Guid, Task<long>> work)
    {
        var times = new List<double>(sample.Count);
        long sum = 0;
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < sample.Count; i++)
        {
            if (i == warmUp)
                cpu = Cpu();
            await using var scope = root.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var result = await work(scope.ServiceProvider, sample[i]);
            if (i < warmUp)
                continue;
            times.Add(clock.Elapsed.TotalMilliseconds);
            sum += result;
        }
        return (Latencies.Of(times, Cpu() - cpu), sum);
    }

    /// <summary>Live persons with a linked device (their packages carry signals; their erasure deletes signals).</summary>
    public static async Task<List<Guid>> LinkedPersonsAsync(IServiceProvider root, int count, int seed)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        var linked = await db.Set<DeviceLink>().AsNoTracking().Where(l => l.UnlinkedAt == null).Select(l => l.PersonId).ToListAsync();
        return [.. new Random(seed).GetItems(linked.Distinct().ToArray(), Math.Min(count * 2, linked.Count)).Distinct().Take(count)];
    }

    /// <summary>Live persons with consent records (the consent read endpoint's subjects).</summary>
    public static async Task<List<Guid>> PersonsWithConsentsAsync(IServiceProvider root, int count)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        var ids = await db.Set<ConsentRecord>().AsNoTracking().Where(r => r.SubjectKind == ConsentSubjectKind.Person)
            .Select(r => r.SubjectId).Distinct().OrderBy(id => id).Take(count * 2).ToListAsync();
        var live = new List<Guid>();
        foreach (var id in ids.Select(Guid.Parse))
        {
            if (live.Count < count && await db.Set<Person>().AnyAsync(p => p.Id == id && p.ErasedAt == null))
                live.Add(id);
        }
        return live;
    }

    /// <summary>Any live persons, spread over the table (persons were generated in rowid order).</summary>
    public static async Task<List<Guid>> PersonsAsync(IServiceProvider root, int count, int seed)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        var total = await db.Set<Person>().CountAsync();
        var random = new Random(seed);
        var ids = new HashSet<Guid>();
        for (var attempt = 0; ids.Count < count && attempt < count * 4; attempt++)
        {
            var rowid = random.Next(1, total + 1);
            var id = await db.Database.SqlQuery<string>($"SELECT \"Id\" AS \"Value\" FROM persons WHERE rowid = {rowid} AND \"ErasedAt\" IS NULL")
                .ToListAsync();
            if (id.Count == 1)
                ids.Add(Guid.Parse(id[0]));
        }
        return [.. ids];
    }
}
