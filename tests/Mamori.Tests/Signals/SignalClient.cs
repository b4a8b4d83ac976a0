using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Data;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Signals;

/// <summary>Intent-named helpers for the signals tests: site keys, events, posting batches, what was stored.</summary>
internal static class SignalClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewDeviceId() => Consent.ConsentClient.NewDeviceId();

    public static string NewBatchId() => "b-" + Guid.NewGuid().ToString("N");

    /// <summary>A client holding a key with the <c>site</c> role, named after the site.</summary>
    public static async Task<HttpClient> SiteAsync(MamoriHost host, string? site = null)
    {
        var key = await host.WithServiceAsync(sp => sp.GetRequiredService<ApiKeys>()
            .CreateAsync(site ?? "www-" + Guid.NewGuid().ToString("N")[..8], Roles.Site, Mamori.Audit.AuditActors.System));
        return host.CreateApiClient(key.Plaintext);
    }

    public static object PageView(MamoriHost host, string device, string url = "https://www.kakacom-insurance.example/car/", object? extra = null) =>
        Event(host, device, SignalTypes.PageView, url, extra);

    public static object Event(MamoriHost host, string? device, string type, string? url = null, object? extra = null)
    {
        var e = new Dictionary<string, object?>
        {
            ["deviceId"] = device,
            ["type"] = type,
            ["at"] = host.Clock.GetUtcNow().AddMinutes(-1),
            ["url"] = url,
            ["userAgent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)",
        };
        if (extra is not null)
        {
            foreach (var (name, value) in JsonSerializer.SerializeToElement(extra, JsonSerializerOptions.Web).EnumerateObject().Select(p => (p.Name, p.Value)))
                e[name] = value;
        }
        return e;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string batchId, params object[] events) =>
        client.PostAsJsonAsync("/api/v1/signals", new { batchId, events }, Ct);

    /// <summary>Posts a batch and returns the answer; fails the test unless it is 200.</summary>
    public static async Task<JsonElement> IngestAsync(HttpClient client, params object[] events)
    {
        var response = await PostAsync(client, NewBatchId(), events);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static int Count(JsonElement answer, string member, string key) =>
        answer.GetProperty(member).TryGetProperty(key, out var n) ? n.GetInt32() : 0;

    /// <summary>Records a device's choices as the banner does.</summary>
    public static Task<JsonElement> ChooseAsync(MamoriHost host, string device, object choices, bool gpc = false) =>
        Consent.ConsentClient.RecordAsync(host.CreateClient(), new { deviceId = device, choices, method = "banner" }, gpc);

    /// <summary>What the database holds for the device, oldest first.</summary>
    public static Task<List<Signal>> StoredAsync(MamoriHost host, string device) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<Signal>().AsNoTracking()
            .Where(s => s.DeviceId == device).OrderBy(s => s.Id).ToListAsync(Ct));

    /// <summary>The problem's status and code, for asserting both at once.</summary>
    public static async Task<(int Status, string Code)> CodeAsync(HttpResponseMessage response)
    {
        var (status, code, _) = await ProblemAsync(response);
        return (status, code);
    }

    public static async Task<(int Status, string Code, JsonElement Problem)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        return ((int)response.StatusCode, problem.GetProperty("code").GetString()!, problem);
    }
}
