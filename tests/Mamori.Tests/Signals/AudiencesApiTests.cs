using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Signals.SignalClient;

namespace Mamori.Tests.Signals;

public abstract class AudiencesApiTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role = Roles.System) => host.CreateApiClient(await host.CreateApiKeyAsync(role));

    private static string NewPrefix() => $"https://www.kakacom-insurance.example/campaign-{Guid.NewGuid():N}/";

    private static object Export(string prefix, bool recipientLinks = false, int days = 30, string recipient = "dmp_vendor",
        string purpose = "agency.third_party_provision") =>
        new { segment = new { urlPrefix = prefix, days }, recipient, purpose, recipientLinks };

    private static async Task<JsonElement> ExportAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/api/v1/audiences/export", request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] DeviceIds(JsonElement export) =>
        [.. export.GetProperty("deviceIds").EnumerateArray().Select(d => d.GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>One device per rule, each viewing the segment's URLs: returns them by name.</summary>
    private async Task<Dictionary<string, string>> SegmentAsync(string prefix)
    {
        var devices = new[] { "allowed", "refused", "gpc", "linked", "art31", "elsewhere" }.ToDictionary(n => n, _ => NewDeviceId());
        await ChooseAsync(host, devices["refused"], new { targeting = false });
        await ChooseAsync(host, devices["gpc"], new { analytics = true }, gpc: true);
        await ChooseAsync(host, devices["art31"], new { art31_link = true });
        var site = await SiteAsync(host);
        await IngestAsync(site, [.. devices.Where(d => d.Key != "elsewhere").Select(d => PageView(host, d.Value, prefix + "quote"))]);
        await IngestAsync(site, PageView(host, devices["elsewhere"], "https://www.kakacom-insurance.example/other/"), PageView(host, devices["allowed"], prefix));
        var staff = await ClientAsync(Roles.Operator);
        var link = await staff.PostAsJsonAsync("/api/v1/links",
            new { deviceId = devices["linked"], personId = await Consent.ConsentClient.CreatePersonAsync(host), purpose = "inquiry_response" }, Ct);
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        return devices;
    }

    [Fact]
    public async Task An_audience_holds_only_devices_whose_targeting_is_allowed_never_gpc_or_linked_ones()
    {
        var prefix = NewPrefix();
        var devices = await SegmentAsync(prefix);

        var export = await ExportAsync(await ClientAsync(), Export(prefix));

        Assert.Equal(new[] { devices["allowed"], devices["art31"] }.Order(StringComparer.Ordinal), DeviceIds(export));
        Assert.Equal(2, export.GetProperty("count").GetInt32());
        var excluded = export.GetProperty("excluded");
        Assert.Equal(1, excluded.GetProperty(Audiences.ExcludedTargetingRefused).GetInt32());
        Assert.Equal(1, excluded.GetProperty(Audiences.ExcludedGpc).GetInt32());
        // A linked device's events are sealed under its person's key, so it cannot even match a segment's URLs.
        Assert.False(excluded.TryGetProperty(Audiences.ExcludedLinked, out _));
    }

    [Fact]
    public async Task A_recipient_that_will_link_gets_only_devices_with_art31_consent_and_the_hand_over_is_recorded()
    {
        var prefix = NewPrefix();
        var devices = await SegmentAsync(prefix);
        var client = await ClientAsync();

        var export = await ExportAsync(client, Export(prefix, recipientLinks: true));

        Assert.Equal([devices["art31"]], DeviceIds(export));
        Assert.Equal(1, export.GetProperty("excluded").GetProperty(Audiences.ExcludedArt31ConsentMissing).GetInt32());
        var exportId = export.GetProperty("exportId").GetGuid();

        using var records = JsonDocument.Parse(await client.GetStringAsync("/api/v1/audiences/exports", Ct));
        var record = records.RootElement.GetProperty("exports").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == exportId);
        Assert.Equal("dmp_vendor", record.GetProperty("recipient").GetString());
        Assert.Equal("DMP事業者", record.GetProperty("recipientName").GetString());
        Assert.Equal(1, record.GetProperty("count").GetInt32());
        Assert.Equal(host.Clock.GetUtcNow(), record.GetProperty("exportedAt").GetDateTimeOffset());
        Assert.True(record.GetProperty("recipientLinks").GetBoolean());
        Assert.True(record.GetProperty("consentConfirmed").GetBoolean());
        Assert.Contains("art31_link", record.GetProperty("consentMethod").GetString(), StringComparison.Ordinal);
        Assert.Contains("端末ID", record.GetProperty("items").GetString(), StringComparison.Ordinal);
        Assert.Contains("閲覧したURL", record.GetProperty("items").GetString(), StringComparison.Ordinal);

        var entry = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<AuditEntry>().AsNoTracking()
            .SingleAsync(e => e.Target == "audience_export:" + exportId.ToString("D"), Ct));
        Assert.Equal((AuditActions.AudienceExported, "agency.third_party_provision"), (entry.Action, entry.Purpose));
    }

    [Fact]
    public async Task A_segment_counts_only_views_within_its_days()
    {
        var prefix = NewPrefix();
        var site = await SiteAsync(host);
        var old = NewDeviceId();
        var recent = NewDeviceId();
        await IngestAsync(site, PageView(host, old, prefix));
        host.Clock.Advance(TimeSpan.FromDays(8));
        // Viewed long ago but posted only now (an app that was offline): its own time decides.
        await IngestAsync(site, PageView(host, recent, prefix), PageView(host, NewDeviceId(), prefix, new { at = host.Clock.GetUtcNow().AddDays(-10) }));

        var export = await ExportAsync(await ClientAsync(), Export(prefix, days: 7));

        Assert.Equal([recent], DeviceIds(export));
    }

    [Fact]
    public async Task Export_rules_answer_with_their_codes()
    {
        var client = await ClientAsync();
        async Task<(int, string)> Problem(object request) => await CodeAsync(await client.PostAsJsonAsync("/api/v1/audiences/export", request, Ct));

        Assert.Equal((400, SignalCodes.AudienceRecipientUnknown), await Problem(Export(NewPrefix(), recipient: "nobody")));
        Assert.Equal((400, SignalCodes.AudienceSegmentInvalid), await Problem(Export(NewPrefix(), days: 0)));
        Assert.Equal((400, SignalCodes.AudienceSegmentInvalid), await Problem(Export(NewPrefix(), days: Audiences.MaxDays + 1)));
        Assert.Equal((400, SignalCodes.AudienceSegmentInvalid), await Problem(Export("")));
        // Identity checks are not a use of a device's informative data.
        Assert.Equal((403, "purpose.not_for_subject_kind"), await Problem(Export(NewPrefix(), purpose: "agency.identity_check")));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Site, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Marketing, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Auditor, HttpStatusCode.Forbidden, HttpStatusCode.OK)]
    [InlineData(Roles.PrivacyOfficer, HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task Exports_need_the_provision_permission_and_their_records_are_open_to_auditors(string? role, HttpStatusCode export, HttpStatusCode records)
    {
        var client = role is null ? host.CreateClient() : await ClientAsync(role);
        Assert.Equal(export, (await client.PostAsJsonAsync("/api/v1/audiences/export", Export(NewPrefix()), Ct)).StatusCode);
        Assert.Equal(records, (await client.GetAsync("/api/v1/audiences/exports", Ct)).StatusCode);
    }
}

public sealed class AudiencesApiOnSqlite(SqliteHost host) : AudiencesApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class AudiencesApiOnPostgres(PostgresHost host) : AudiencesApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
