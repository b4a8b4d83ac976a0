using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Data;
using Mamori.Retention;
using Mamori.Signals;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VaultPerson = Mamori.Vault.Person;
using VaultItem = Mamori.Vault.PersonItem;

namespace Mamori.Tests.Retention;

/// <summary>Intent-named helpers for the retention tests: persons of each kind, what is left of them, runs and holds.</summary>
internal static class RetentionTestKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Guid> PersonAsync(HttpClient client, string kind, params (string Category, string Value)[] items)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons",
            new { kind, channel = "direct", items = items.ToDictionary(i => i.Category, i => i.Value) }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public static Task<bool> ErasedAsync(MamoriHost host, Guid id) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<VaultPerson>().Where(p => p.Id == id).Select(p => p.ErasedAt != null).SingleAsync(Ct));

    public static Task<List<string>> CategoriesAsync(MamoriHost host, Guid id) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<VaultItem>().Where(i => i.PersonId == id).Select(i => i.Category).OrderBy(c => c).ToListAsync(Ct));

    public static Task<List<Signal>> SignalsAsync(MamoriHost host, IReadOnlyCollection<long> ids) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<Signal>().AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(Ct));

    public static Task<List<long>> SignalIdsAsync(MamoriHost host, string device) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<Signal>().Where(s => s.DeviceId == device).Select(s => s.Id).ToListAsync(Ct));

    public static Task<int> DisposalCountAsync(MamoriHost host) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<DisposalRecord>().CountAsync(Ct));

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The count and held number per rule of a plan or disposal record, for exact comparison.</summary>
    public static Dictionary<string, (int Count, int Held)> Lines(JsonElement planOrRecord) =>
        planOrRecord.GetProperty("lines").EnumerateArray().ToDictionary(
            l => l.GetProperty("rule").GetString()!, l => (l.GetProperty("count").GetInt32(), l.GetProperty("held").GetInt32()));

    /// <summary>Only the rules that dispose of or hold something.</summary>
    public static Dictionary<string, (int Count, int Held)> Busy(JsonElement planOrRecord) =>
        Lines(planOrRecord).Where(l => l.Value != (0, 0)).ToDictionary();
}
