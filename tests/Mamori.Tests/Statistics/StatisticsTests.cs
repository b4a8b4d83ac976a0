using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Mamori.Tests.Signals;
using static Mamori.Tests.Retention.RetentionTestKit;

namespace Mamori.Tests.Statistics;

/// <summary>Reports suppress every cell about fewer than k (the policy's 10) devices or persons; anonymised datasets are
/// published on the public page with their items and method of provision.</summary>
public abstract class StatisticsTests<THost>(THost host) where THost : MamoriHost
{
    private static JsonElement Cell(JsonElement report, string key) =>
        report.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Cells_of_fewer_than_k_devices_or_persons_are_suppressed()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var site = await SignalClient.SiteAsync(host);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var popular = $"https://www.kakacom-insurance.example/car-{tag}/";
        var rare = $"https://www.kakacom-insurance.example/pet-{tag}/";
        var events = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            var device = SignalClient.NewDeviceId();
            events.Add(SignalClient.PageView(host, device, popular + "?utm=" + i));
            if (i == 0)
                events.Add(SignalClient.PageView(host, device, popular));
        }
        for (var i = 0; i < 9; i++)
            events.Add(SignalClient.PageView(host, SignalClient.NewDeviceId(), rare));
        await SignalClient.IngestAsync(site, [.. events]);

        var views = await JsonAsync(await officer.GetAsync("/api/v1/statistics/page-views", Ct));
        Assert.Equal(10, views.GetProperty("minimumCellSize").GetInt32());
        var shown = Cell(views, $"www.kakacom-insurance.example/car-{tag}/");
        Assert.Equal("2026-11", shown.GetProperty("month").GetString());
        Assert.Equal((11, 10), (shown.GetProperty("value").GetInt64(), shown.GetProperty("size").GetInt64()));
        Assert.False(shown.GetProperty("suppressed").GetBoolean());
        var hidden = Cell(views, $"www.kakacom-insurance.example/pet-{tag}/");
        Assert.True(hidden.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("size").ValueKind);
        Assert.DoesNotContain("\"value\":9", views.GetRawText(), StringComparison.Ordinal);

        var users = await JsonAsync(await officer.GetAsync("/api/v1/statistics/service-users", Ct));
        var website = Cell(users, "website");
        Assert.False(website.GetProperty("suppressed").GetBoolean());
        Assert.True(website.GetProperty("value").GetInt64() >= 19);

        // Incidents are counted as events; the persons they affected are a count of persons, so 5 is suppressed.
        var incident = await officer.PostAsJsonAsync("/api/v1/incidents", new
        {
            discoveredBy = "システム部", summary = "誤送信", cause = "宛先誤り", items = new[] { "contact.email" }, personsAffected = 5,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        var incidents = await JsonAsync(await officer.GetAsync("/api/v1/statistics/incidents", Ct));
        Assert.True(Cell(incidents, "incidents").GetProperty("value").GetInt64() >= 1);
        var persons = Cell(incidents, "persons_affected");
        Assert.Equal(persons.GetProperty("suppressed").GetBoolean(), persons.GetProperty("value").ValueKind == JsonValueKind.Null);

        Assert.Equal("statistics.window_invalid",
            (await JsonAsync(await officer.GetAsync("/api/v1/statistics/page-views?from=2026-12-01&to=2026-01-01", Ct), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        var marketing = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.Marketing));
        foreach (var path in new[] { "/api/v1/statistics/page-views", "/api/v1/statistics/service-users", "/api/v1/statistics/incidents" })
            Assert.Equal(HttpStatusCode.Forbidden, (await marketing.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_registered_anonymised_dataset_is_published_with_its_items_and_method_of_provision()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var body = new
        {
            nameJa = "年代別・地域別の保険相談件数", nameEn = "Insurance consultations by age band and region",
            items = new[] { "contact.birthdate", "contact.address", "consultation.content" },
            processingJa = "氏名等を削除し、生年月日は10歳刻みの年代に、住所は都道府県に置き換え、件数の少ない区分は統合しました。",
            processingEn = "Names removed; birth dates replaced by ten-year bands and addresses by prefecture; small groups merged.",
            provisionJa = "当社グループ会社へ電子ファイルを暗号化して送付します。", provisionEn = "Sent to our group companies as an encrypted file.",
        };
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsJsonAsync("/api/v1/anonymised-datasets", body, Ct)).StatusCode);
        var auditor = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.Auditor));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/anonymised-datasets", body, Ct)).StatusCode);
        var bad = await officer.PostAsJsonAsync("/api/v1/anonymised-datasets", new { body.nameJa, body.nameEn, items = new[] { "no.such" },
            body.processingJa, body.processingEn, body.provisionJa, body.provisionEn }, Ct);
        Assert.Equal("dataset.items_invalid", (await JsonAsync(bad, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        var untranslated = await officer.PostAsJsonAsync("/api/v1/anonymised-datasets", new { body.nameJa, body.items,
            body.processingJa, body.processingEn, body.provisionJa, body.provisionEn }, Ct);
        Assert.Equal("dataset.text_invalid", (await JsonAsync(untranslated, HttpStatusCode.BadRequest)).GetProperty("code").GetString());

        var created = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/anonymised-datasets", body, Ct), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.AnonymisedDatasetRegistered && e.Target == "anonymised_dataset:" + id.ToString("D"));

        var page = WebUtility.HtmlDecode(await host.CreateClient().GetStringAsync("/privacy/anonymised-data", Ct));
        Assert.Contains($"data-dataset=\"{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("年代別・地域別の保険相談件数", page, StringComparison.Ordinal);
        Assert.Contains("data-item=\"consultation.content\"", page, StringComparison.Ordinal);
        Assert.Contains("相談内容", page, StringComparison.Ordinal);
        Assert.Contains("当社グループ会社へ電子ファイルを暗号化して送付します。", page, StringComparison.Ordinal);
        var english = WebUtility.HtmlDecode(await host.CreateClient().GetStringAsync("/privacy/anonymised-data?lang=en", Ct));
        Assert.Contains("Insurance consultations by age band and region", english, StringComparison.Ordinal);
        Assert.Contains("How it is provided to third parties", english, StringComparison.Ordinal);
        var listed = await JsonAsync(await host.CreateClient().GetAsync("/api/v1/anonymised-datasets", Ct));
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
    }
}

public sealed class StatisticsOnSqlite(SqliteHost host) : StatisticsTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class StatisticsOnPostgres(PostgresHost host) : StatisticsTests<PostgresHost>(host), IClassFixture<PostgresHost>;
