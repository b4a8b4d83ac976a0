using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Tests.Cli;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Hardening;

/// <summary>
/// Kills a real <c>mamori serve</c> with SIGKILL while signal batches and consents pour in, starts it again, and
/// checks that every write it acknowledged is there, that nothing is half there, and that the audit chain holds.
/// </summary>
public abstract class CrashSafetyTests(string provider) : IAsyncLifetime
{
    private const int EventsPerBatch = 20;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestDatabase _database = TestDatabase.Create(provider);

    private string[] Target => _database.ConnectionString is { } pg
        ? ["--database", pg, "--data-dir", _database.DataDirectory]
        : ["--data-dir", _database.DataDirectory];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_write_survives_a_kill_and_none_is_half_written()
    {
        var node = await ServeProcess.StartAsync(_database.DataDirectory, _database.ConnectionString);
        var siteKey = await KeyAsync("crash-site", "site");
        var batches = new ConcurrentBag<(string BatchId, string Device)>();
        var consents = new ConcurrentBag<(string Device, bool Analytics)>();
        var attempted = new ConcurrentBag<string>(); // every device a write was sent for, acknowledged or not

        using var stop = new CancellationTokenSource();
        var writers = new List<Task>();
        for (var i = 0; i < 3; i++)
        {
            writers.Add(Task.Run(() => PostBatchesAsync(node.CreateClient(apiKey: siteKey), batches, attempted, stop.Token), Ct));
            writers.Add(Task.Run(() => PostConsentsAsync(node.CreateClient(), consents, attempted, stop.Token), Ct));
        }

        // Let the writes flow, then pull the plug while they are in flight.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((batches.Count < 30 || consents.Count < 30) && DateTime.UtcNow < deadline)
            await Task.Delay(100, Ct);
        await node.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(batches.Count >= 10 && consents.Count >= 10, $"Too few writes before the kill ({batches.Count} batches, {consents.Count} consents):\n{node.Output}");
        await node.DisposeAsync();

        await using var restarted = await ServeProcess.StartAsync(_database.DataDirectory, _database.ConnectionString);

        foreach (var (batchId, device) in batches)
        {
            Assert.Equal(1, await RawSql.CountAsync(_database, "SELECT COUNT(*) FROM signal_batches WHERE \"BatchId\" = @p0", batchId));
            Assert.Equal(EventsPerBatch, await RawSql.CountAsync(_database, "SELECT COUNT(*) FROM signals WHERE \"DeviceId\" = @p0", device));
        }
        var reader = restarted.CreateClient(apiKey: await KeyAsync("crash-reader", "privacy_officer"));
        foreach (var (device, analytics) in consents)
        {
            using var state = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/consents/{device}", Ct));
            Assert.Equal(analytics, state.RootElement.GetProperty("choices").GetProperty("analytics").GetBoolean());
        }
        // All or nothing, acknowledged or not: a batch's events, a consent's two categories.
        foreach (var device in attempted)
        {
            var signals = await RawSql.CountAsync(_database, "SELECT COUNT(*) FROM signals WHERE \"DeviceId\" = @p0", device);
            var records = await RawSql.CountAsync(_database, "SELECT COUNT(*) FROM consent_records WHERE \"SubjectId\" = @p0", device);
            Assert.True(signals is 0 or EventsPerBatch, $"{signals} of a batch's {EventsPerBatch} events stored");
            Assert.True(records is 0 or 2, $"{records} of a consent's 2 records stored");
        }

        var verify = await MamoriProcess.RunAsync(["audit", "verify", .. Target]);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
    }

    private static async Task PostBatchesAsync(HttpClient client, ConcurrentBag<(string, string)> acknowledged, ConcurrentBag<string> attempted, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var device = Consent.ConsentClient.NewDeviceId();
            var batchId = "crash-" + Guid.NewGuid().ToString("N");
            var at = DateTimeOffset.UtcNow.AddMinutes(-1);
            var events = Enumerable.Range(0, EventsPerBatch)
                .Select(i => new { deviceId = device, type = "page_view", at, url = $"https://www.kakacom-insurance.example/p/{i}" })
                .ToArray();
            attempted.Add(device);
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/signals", new { batchId, events }, CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                var accepted = (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("accepted").GetInt32();
                Assert.Equal(EventsPerBatch, accepted);
                acknowledged.Add((batchId, device));
            }
            catch (HttpRequestException)
            {
                return; // the process is gone
            }
        }
    }

    private static async Task PostConsentsAsync(HttpClient client, ConcurrentBag<(string, bool)> acknowledged, ConcurrentBag<string> attempted, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var device = Consent.ConsentClient.NewDeviceId();
            var analytics = Random.Shared.Next(2) == 0;
            attempted.Add(device);
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/consents",
                    new { deviceId = device, choices = new { analytics, targeting = !analytics }, method = "banner" }, CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Created)
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                acknowledged.Add((device, analytics));
            }
            catch (HttpRequestException)
            {
                return;
            }
        }
    }

    private async Task<string> KeyAsync(string name, string role)
    {
        var result = await MamoriProcess.RunAsync(["keys", "create", "--name", name, "--role", role, .. Target]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Trim();
    }
}

public sealed class CrashSafetyOnSqlite() : CrashSafetyTests("sqlite");

public sealed class CrashSafetyOnPostgres() : CrashSafetyTests("postgres");
