using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Signals;
using Mamori.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mamori.Bench;

/// <summary>
/// Signals ingestion on SQLite (a temporary file, WAL, Mamori's own pragmas), measured two ways on the same rows in
/// the same run: (a) Mamori's path without HTTP — validation, the batch-ID check, the devices' consents, the gate and
/// the group-commit writer — fed batches of 1,000 events by concurrent callers as requests would; (b) a raw bulk
/// insert of the rows (a) stored, by one prepared statement, into the same schema. A macro benchmark, not
/// BenchmarkDotNet: what matters is sustained rows per second over a million rows, not nanoseconds per call.
/// </summary>
public static class IngestBenchmark
{
    private const int BatchSize = SignalLimits.MaxEventsPerBatch;
    private const int DevicesPerBatch = 100;   // a batch carries ~100 visits of ~10 events: a site's collector flushing
    private const int DevicePool = 50_000;

    /// <summary>The medians of the rounds: events per second through Mamori, rows per second by raw insert, each round's
    /// ratio, and the ratio of CPU spent per row (raw) to CPU spent per event (Mamori), which a busy machine moves less.</summary>
    public sealed record Result(double EventsPerSecond, double RawRowsPerSecond, double Ratio, double RowsRatio, double CpuRatio);

    public static async Task<int> RunAsync(string[] args)
    {
        await MeasureAsync(Option(args, "--events", 1_000_000), Option(args, "--rounds", 3), Option(args, "--concurrency", 8), Console.Out);
        return 0;
    }

    public static async Task<Result> MeasureAsync(int events, int rounds, int concurrency, TextWriter log)
    {
        var policy = LoadPolicy();
        var devices = Enumerable.Range(0, DevicePool).Select(_ => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())).ToArray();
        var batches = Generate(events / BatchSize, devices, new Random(20261127));

        await log.WriteLineAsync($"Signals ingestion on SQLite: {batches.Count} batches of {BatchSize} events, {DevicesPerBatch} devices per batch " +
            $"from {DevicePool:N0}, {concurrency} concurrent callers, {rounds} rounds.");
        await log.WriteLineAsync($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, " +
            $".NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

        // A short first pass, not counted: JIT tiering, EF Core's model and query caches, SQLite's first file.
        var warmUp = await MamoriAsync(policy, devices, batches[..Math.Min(batches.Count, 50)], concurrency);
        await RawAsync(warmUp.Rows, new SignalWriterOptions().MaxRowsPerCommit);

        var measured = new List<Round>();
        for (var round = 1; round <= rounds; round++)
        {
            var mamori = await MamoriAsync(policy, devices, batches, concurrency);
            var raw = await RawAsync(mamori.Rows, rowsPerTransaction: new SignalWriterOptions().MaxRowsPerCommit);
            var raw1000 = await RawAsync(mamori.Rows, rowsPerTransaction: BatchSize);
            var result = new Round(mamori.EventsPerSecond, mamori.CpuPerEvent, mamori.Rows.Count / (double)(batches.Count * BatchSize),
                raw.RowsPerSecond, raw.CpuPerRow, raw1000.RowsPerSecond);
            measured.Add(result);
            await log.WriteLineAsync($"round {round}: {result}");
        }
        await log.WriteLineAsync($"median: {Round.Median(measured)}");
        double Of(Func<Round, double> pick) => measured.Select(pick).Order().ElementAt(measured.Count / 2);
        return new Result(Of(r => r.Events), Of(r => r.Raw), Of(r => r.Events / r.Raw), Of(r => r.Kept / r.Raw), Of(r => r.RawCpuPerRow / r.CpuPerEvent));
    }

    /// <summary>One round's figures. The gate drops some events (refused categories), so besides events per second the
    /// rows stored per second are compared with the raw insert of the same rows.</summary>
    private sealed record Round(double Events, double CpuPerEvent, double KeptShare, double Raw, double RawCpuPerRow, double Raw1000)
    {
        public double Kept => Events * KeptShare;

        public override string ToString() =>
            $"Mamori {Events:N0} events/s ({Kept:N0} rows/s stored, {CpuPerEvent:F1} µs CPU/event) · raw insert {Raw:N0} rows/s " +
            $"({RawCpuPerRow:F1} µs CPU/row; at 1,000 rows/txn {Raw1000:N0}) · ratio {Events / Raw:F2} (rows {Kept / Raw:F2})";

        /// <summary>Each figure's median over the rounds; the ratios are medians of each round's own ratio.</summary>
        public static string Median(IReadOnlyList<Round> rounds)
        {
            double Of(Func<Round, double> pick) => rounds.Select(pick).Order().ElementAt(rounds.Count / 2);
            return $"Mamori {Of(r => r.Events):N0} events/s ({Of(r => r.Kept):N0} rows/s stored, {Of(r => r.CpuPerEvent):F1} µs CPU/event) · " +
                $"raw insert {Of(r => r.Raw):N0} rows/s ({Of(r => r.RawCpuPerRow):F1} µs CPU/row; at 1,000 rows/txn {Of(r => r.Raw1000):N0}) · " +
                $"ratio {Of(r => r.Events / r.Raw):F2} (rows {Of(r => r.Kept / r.Raw):F2})";
        }
    }

    /// <summary>(a): the batches through <see cref="SignalIngestion"/>; events per second, and the rows it stored for (b).</summary>
    private static async Task<(double EventsPerSecond, double CpuPerEvent, int Stored, List<Signal> Rows)> MamoriAsync(CurrentPolicy policy, string[] devices,
        List<SignalBatchInput> batches, int concurrency)
    {
        using var directory = new TempDirectory();
        await using var services = Services(directory.Path, policy);
        await SeedConsentsAsync(services, devices);

        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SignalIngestion>().IngestAsync("bench.example", "bench", batches[i]);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuPerEvent = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / (batches.Count * (double)BatchSize);

        await using var read = services.CreateAsyncScope();
        var rows = await read.ServiceProvider.GetRequiredService<MamoriDb>().Set<Signal>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        return (batches.Count * (double)BatchSize / seconds, cpuPerEvent, rows.Count, rows);
    }

    /// <summary>(b): the same rows into the same (migrated) schema with one prepared INSERT, on a connection opened by
    /// Mamori's context so the pragmas are Mamori's.</summary>
    private static async Task<(double RowsPerSecond, double CpuPerRow)> RawAsync(List<Signal> rows, int rowsPerTransaction)
    {
        using var directory = new TempDirectory();
        await using var services = Services(directory.Path, policy: null);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        string[] columns = ["Id", "ReceivedAt", "DeviceId", "Type", "At", "Url", "Referrer", "UserAgent", "Os", "Connection", "Ip",
            "Latitude", "Longitude", "LocationAccuracy", "Count", "AdId", "LogLine"];
        command.CommandText = $"INSERT INTO signals ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var p = columns.Select((_, i) => { var parameter = command.CreateParameter(); parameter.ParameterName = "@p" + i; command.Parameters.Add(parameter); return parameter; }).ToArray();
        command.Prepare();
        var time = ((ValueConverter<DateTimeOffset, long>)new DateTimeOffsetToBinaryConverter()).ConvertToProviderExpression.Compile();

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < rows.Count; start += rowsPerTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            command.Transaction = transaction;
            foreach (var s in rows.Skip(start).Take(rowsPerTransaction))
            {
                p[0].Value = s.Id; p[1].Value = time(s.ReceivedAt); p[2].Value = (object?)s.DeviceId ?? DBNull.Value; p[3].Value = s.Type;
                p[4].Value = time(s.At); p[5].Value = (object?)s.Url ?? DBNull.Value; p[6].Value = (object?)s.Referrer ?? DBNull.Value;
                p[7].Value = (object?)s.UserAgent ?? DBNull.Value; p[8].Value = (object?)s.Os ?? DBNull.Value; p[9].Value = (object?)s.Connection ?? DBNull.Value;
                p[10].Value = (object?)s.Ip ?? DBNull.Value; p[11].Value = (object?)s.Latitude ?? DBNull.Value; p[12].Value = (object?)s.Longitude ?? DBNull.Value;
                p[13].Value = (object?)s.LocationAccuracy ?? DBNull.Value; p[14].Value = s.Count; p[15].Value = (object?)s.AdId ?? DBNull.Value;
                p[16].Value = (object?)s.LogLine ?? DBNull.Value;
                command.ExecuteNonQuery();
            }
            await transaction.CommitAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return (rows.Count / seconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / rows.Count);
    }

    private static ServiceProvider Services(string directory, CurrentPolicy? policy)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddMamoriStorage(DatabaseSettings.For(directory, null));
        if (policy is not null)
        {
            // As the host registers them (Web/SignalServices.cs, Web/Consent/ConsentServices.cs).
            services.AddSingleton(policy);
            services.AddSingleton(ConsentCatalog.For(policy.Document));
            services.AddSingleton(new SignalSettings());
            services.AddSingleton(sp => new SignalWriter(sp.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<SignalWriter>.Instance));
            services.AddScoped<DeviceConsents>();
            services.AddScoped<SignalIngestion>();
            // Ingestion seals linked devices' events, so it needs the vault's keys (none are linked here).
            services.AddMamoriVault(directory, masterKey: null, policy);
        }
        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<MamoriDb>().Database.Migrate();
        return provider;
    }

    /// <summary>A consent ledger like a live site's: one device in ten refused analytics, one in twenty sent GPC,
    /// one in five allowed location and ad identifiers.</summary>
    private static async Task SeedConsentsAsync(ServiceProvider services, string[] devices)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        ConsentRecord Record(string device, string category, bool given, string method = ConsentMethods.Banner) => new()
        {
            SubjectKind = ConsentSubjectKind.Device, SubjectId = device, Category = category, Given = given, Method = method,
            RecordedAt = DateTimeOffset.UtcNow, PolicyVersion = "bench", NoticeHash = new string('0', 64), ReceiptId = Guid.NewGuid(), RecordedBy = "anonymous",
        };
        for (var i = 0; i < devices.Length; i++)
        {
            if (i % 10 == 0)
                db.Add(Record(devices[i], ConsentCatalog.Analytics, false));
            if (i % 20 == 1)
                db.Add(Record(devices[i], ConsentCatalog.Targeting, false, ConsentMethods.Gpc));
            if (i % 5 == 2)
            {
                db.Add(Record(devices[i], ConsentCatalog.Location, true));
                db.Add(Record(devices[i], ConsentCatalog.AdIdentifiers, true));
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Batches of visits: each device in a batch views pages, sometimes opens the app with a location and an ad ID,
    /// sometimes clicks an ad; every event carries the fields a browser or app sends.</summary>
    private static List<SignalBatchInput> Generate(int count, string[] devices, Random random)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        string[] paths = ["/", "/car/", "/car/quote", "/life/", "/life/quote", "/fire/", "/faq", "/contact", "/campaign/2026-winter", "/branch/tokyo"];
        string[] agents =
        [
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        ];
        var batches = new List<SignalBatchInput>(count);
        for (var b = 0; b < count; b++)
        {
            var events = new SignalEvent?[BatchSize];
            var visitors = Enumerable.Range(0, DevicesPerBatch).Select(_ => devices[random.Next(devices.Length)]).ToArray();
            for (var i = 0; i < BatchSize; i++)
            {
                var device = visitors[i / (BatchSize / DevicesPerBatch)];
                var kind = random.Next(20);
                var url = "https://www.kakacom-insurance.example" + paths[random.Next(paths.Length)];
                var ip = string.Create(CultureInfo.InvariantCulture, $"203.0.{random.Next(256)}.{random.Next(256)}");
                events[i] = kind switch
                {
                    0 => new SignalEvent(device, SignalTypes.AdClick, at, url, "https://ads.example/", agents[1], "Windows 11", "ethernet", ip),
                    1 => new SignalEvent(device, SignalTypes.AppOpen, at, null, null, agents[2], "Android 14", "cellular", ip,
                        new SignalLocation(35.68 + random.NextDouble(), 139.76 + random.NextDouble(), 30), AdId: Guid.NewGuid().ToString(), LimitAdTracking: false),
                    _ => new SignalEvent(device, SignalTypes.PageView, at, url, "https://www.google.com/", agents[random.Next(agents.Length)], "iOS 17.4", "wifi", ip),
                };
                at = at.AddMilliseconds(3);
            }
            batches.Add(new SignalBatchInput($"bench-{b}", events));
        }
        return batches;
    }

    private static CurrentPolicy LoadPolicy()
    {
        var path = DecisionBenchmarks.FindPolicy();
        var loaded = PolicyLoader.LoadFile(path);
        return loaded.Succeeded ? new CurrentPolicy(loaded.Document, File.ReadAllText(path), loaded.ContentHash, path)
            : throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mamori-bench-").FullName;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
