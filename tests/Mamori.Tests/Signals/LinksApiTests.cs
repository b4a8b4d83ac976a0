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

public abstract class LinksApiTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> StaffAsync(string role = Roles.Operator) => host.CreateApiClient(await host.CreateApiKeyAsync(role));

    private Task<Guid> PersonAsync() => Consent.ConsentClient.CreatePersonAsync(host);

    private static async Task<JsonElement> LinkAsync(HttpClient client, string device, Guid person, string purpose = "inquiry_response")
    {
        var response = await client.PostAsJsonAsync("/api/v1/links", new { deviceId = device, personId = person, purpose }, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> SignalsOfAsync(HttpClient client, Guid person, string purpose = "agency.usage_analysis", string query = "") =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/persons/{person}/signals?purpose={purpose}{query}", Ct)).RootElement.Clone();

    private Task<List<AuditEntry>> AuditOfAsync(Guid person) =>
        host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.PersonId == person).OrderBy(e => e.Sequence).ToListAsync(Ct));

    [Fact]
    public async Task Erasing_a_person_erases_the_signals_of_their_linked_devices()
    {
        var staff = await StaffAsync();
        var person = await PersonAsync();
        var device = NewDeviceId();
        var other = NewDeviceId();
        var site = await SiteAsync(host);
        var marker = "https://www.kakacom-insurance.example/erase-" + Guid.NewGuid().ToString("N");
        await IngestAsync(site, PageView(host, device, marker), PageView(host, other, marker + "-other"));
        await LinkAsync(staff, device, person);

        var officer = await StaffAsync(Roles.PrivacyOfficer);
        var erase = await officer.PostAsJsonAsync($"/api/v1/persons/{person}/erasure", new { reason = "request R-2: erasure" }, Ct);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);

        var remaining = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<Signal>().AsNoTracking()
            .Where(s => s.DeviceId == device || s.DeviceId == other).Select(s => s.DeviceId).ToListAsync(Ct));
        Assert.Equal([other], remaining);
        var links = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<DeviceLink>().AsNoTracking()
            .Where(l => l.PersonId == person).ToListAsync(Ct));
        Assert.All(links, l => Assert.NotNull(l.UnlinkedAt));
    }

    [Fact]
    public async Task A_linked_devices_signals_are_encrypted_under_the_persons_key_before_and_after_the_link()
    {
        var staff = await StaffAsync();
        var person = await PersonAsync();
        var device = NewDeviceId();
        var other = NewDeviceId();
        var site = await SiteAsync(host);
        var before = "https://www.kakacom-insurance.example/sealed-before-" + Guid.NewGuid().ToString("N");
        var after = "https://www.kakacom-insurance.example/sealed-after-" + Guid.NewGuid().ToString("N");
        var unlinked = "https://www.kakacom-insurance.example/plain-" + Guid.NewGuid().ToString("N");
        await IngestAsync(site, PageView(host, device, before), PageView(host, other, unlinked));
        Assert.True(await host.RawDatabaseContainsAsync(before), "an unlinked device's events are informative data, stored plain");

        await LinkAsync(staff, device, person);
        await IngestAsync(site, PageView(host, device, after));

        Assert.False(await host.RawDatabaseContainsAsync(before), "linking seals what was stored");
        Assert.False(await host.RawDatabaseContainsAsync(after), "a linked device's new events are sealed at ingestion");
        Assert.True(await host.RawDatabaseContainsAsync(unlinked));
        var urls = (await SignalsOfAsync(staff, person)).GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("url").GetString());
        Assert.Equal([after, before], urls);
    }

    [Fact]
    public async Task A_device_relinked_to_someone_else_does_not_show_them_the_first_persons_events()
    {
        var staff = await StaffAsync();
        var (first, second) = (await PersonAsync(), await PersonAsync());
        var device = NewDeviceId();
        var site = await SiteAsync(host);
        var link = await LinkAsync(staff, device, first);
        await IngestAsync(site, PageView(host, device, "https://www.kakacom-insurance.example/first-persons"));
        Assert.Equal(HttpStatusCode.OK, (await staff.DeleteAsync($"/api/v1/links/{link.GetProperty("id").GetGuid()}", Ct)).StatusCode);

        await LinkAsync(staff, device, second);
        await IngestAsync(site, PageView(host, device, "https://www.kakacom-insurance.example/second-persons"));

        Assert.Equal(["https://www.kakacom-insurance.example/second-persons"],
            (await SignalsOfAsync(staff, second)).GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task A_linked_devices_signals_are_the_persons_until_it_is_unlinked()
    {
        var staff = await StaffAsync();
        var person = await PersonAsync();
        var device = NewDeviceId();
        var other = NewDeviceId();
        var site = await SiteAsync(host);
        await IngestAsync(site, PageView(host, device, "https://www.kakacom-insurance.example/before-link"), PageView(host, other));

        var link = await LinkAsync(staff, device, person);
        await IngestAsync(site, PageView(host, device, "https://www.kakacom-insurance.example/after-link"));

        var read = await SignalsOfAsync(staff, person);
        Assert.Equal([device], read.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("deviceId").GetString()));
        Assert.Equal(["https://www.kakacom-insurance.example/after-link", "https://www.kakacom-insurance.example/before-link"],
            read.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("url").GetString()));
        Assert.All(read.GetProperty("signals").EnumerateArray(), s => Assert.Equal(device, s.GetProperty("deviceId").GetString()));

        var linkId = link.GetProperty("id").GetGuid();
        var unlink = await staff.DeleteAsync($"/api/v1/links/{linkId}", Ct);
        Assert.Equal(HttpStatusCode.OK, unlink.StatusCode);
        Assert.Empty((await SignalsOfAsync(staff, person)).GetProperty("signals").EnumerateArray());
        var again = await staff.DeleteAsync($"/api/v1/links/{linkId}", Ct);
        Assert.Equal((409, SignalCodes.LinkNotActive), await CodeAsync(again));

        // The ended link stays on record, and both directions are in the audit trail.
        using var links = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/persons/{person}/links", Ct));
        var ended = Assert.Single(links.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal("inquiry_response", ended.GetProperty("purpose").GetString());
        Assert.Equal(host.Clock.GetUtcNow(), ended.GetProperty("unlinkedAt").GetDateTimeOffset());
        var entries = await AuditOfAsync(person);
        // Linking merges the device's consents into the person's first (itself audited), then records the link.
        Assert.Equal(["consent.merged", "link.created", "signals.read", "link.removed", "signals.read"],
            entries.Where(e => e.Action != AuditActions.PersonCreated).Select(e => e.Action));
        var created = entries.Single(e => e.Action == AuditActions.LinkCreated);
        Assert.Equal((device, "inquiry_response", $"link:{linkId}"), (created.DeviceId, created.Purpose, created.Target));
    }

    [Fact]
    public async Task The_persons_signals_are_read_under_a_purpose_with_what_it_may_not_use_withheld()
    {
        var staff = await StaffAsync();
        var person = await PersonAsync();
        var device = NewDeviceId();
        await ChooseAsync(host, device, new { location = true, ad_identifiers = true });
        await LinkAsync(staff, device, person, "fraud_prevention");
        await IngestAsync(await SiteAsync(host), Event(host, device, SignalTypes.AppOpen,
            extra: new { ip = "198.51.100.7", location = new { lat = 35.0, lon = 135.0 }, adId = "ad-123", limitAdTracking = false }));

        // Usage analysis may use the IP but neither location (§3(4) purposes) nor ad IDs (ad delivery only).
        var analysis = await SignalsOfAsync(staff, person);
        var signal = Assert.Single(analysis.GetProperty("signals").EnumerateArray());
        Assert.Equal("198.51.100.0", signal.GetProperty("ip").GetString());
        Assert.Equal(JsonValueKind.Null, signal.GetProperty("location").ValueKind);
        Assert.Equal(JsonValueKind.Null, signal.GetProperty("adId").ValueKind);
        var withheld = analysis.GetProperty("withheld").EnumerateArray()
            .ToDictionary(w => w.GetProperty("category").GetString()!, w => w.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList());
        Assert.Contains("location.purpose_not_allowed", withheld["device.location"]);
        Assert.Contains("ad_id.purpose_not_allowed", withheld["device.ad_id"]);
        Assert.DoesNotContain("net.ip_address", withheld.Keys);

        // Information delivery may use the location: the device's location consent became the person's on linking.
        var delivery = await SignalsOfAsync(staff, person, "agency.information_delivery");
        Assert.Equal(35.0, Assert.Single(delivery.GetProperty("signals").EnumerateArray()).GetProperty("location").GetProperty("lat").GetDouble());

        var wrongKind = await staff.GetAsync($"/api/v1/persons/{person}/signals?purpose=hr.personnel_management", Ct);
        Assert.Equal((403, "purpose.not_for_subject_kind"), await CodeAsync(wrongKind));
        var denial = (await AuditOfAsync(person)).Last();
        Assert.Equal((AuditActions.SignalsRead, AuditOutcomes.Denied), (denial.Action, denial.Outcome));
    }

    [Fact]
    public async Task Linking_merges_the_devices_consents_into_the_persons()
    {
        var staff = await StaffAsync();
        var person = await PersonAsync();
        var device = NewDeviceId();
        await ChooseAsync(host, device, new { analytics = false });

        await LinkAsync(staff, device, person);

        var consents = await Consent.ConsentClient.ReadAsync(staff, person.ToString());
        Assert.False(Consent.ConsentClient.Current(consents, "analytics").GetProperty("given").GetBoolean());
    }

    [Fact]
    public async Task A_device_is_linked_to_one_person_at_a_time()
    {
        var staff = await StaffAsync();
        var person = await PersonAsync();
        var device = NewDeviceId();
        var first = await LinkAsync(staff, device, person);

        var same = await staff.PostAsJsonAsync("/api/v1/links", new { deviceId = device, personId = person, purpose = "inquiry_response" }, Ct);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(first.GetProperty("id").GetGuid(), (await same.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());

        var elsewhere = await staff.PostAsJsonAsync("/api/v1/links", new { deviceId = device, personId = await PersonAsync(), purpose = "inquiry_response" }, Ct);
        Assert.Equal((409, SignalCodes.LinkedElsewhere), await CodeAsync(elsewhere));
    }

    [Fact]
    public async Task Link_rules_answer_with_their_codes()
    {
        var staff = await StaffAsync();
        var person = await PersonAsync();

        async Task<(int, string)> Link(object body) => await CodeAsync(await staff.PostAsJsonAsync("/api/v1/links", body, Ct));

        Assert.Equal((400, SignalCodes.LinkPurposeUnknown), await Link(new { deviceId = NewDeviceId(), personId = person, purpose = "agency.campaign" }));
        Assert.Equal((400, SignalCodes.LinkDeviceIdInvalid), await Link(new { deviceId = "x", personId = person, purpose = "inquiry_response" }));
        Assert.Equal((404, "person.not_found"), await Link(new { deviceId = NewDeviceId(), personId = Guid.NewGuid(), purpose = "inquiry_response" }));
        Assert.Equal((400, "request.field_missing"), await Link(new { deviceId = NewDeviceId(), purpose = "inquiry_response" }));
        Assert.Equal((404, SignalCodes.LinkNotFound), await CodeAsync(await staff.DeleteAsync($"/api/v1/links/{Guid.NewGuid()}", Ct)));

        await host.ExecuteSqlAsync($"UPDATE persons SET \"UseSuspended\" = {(host.Database.ConnectionString is null ? "1" : "TRUE")} WHERE \"Id\" = '{PersonIdLiteral(person)}'");
        Assert.Equal((403, "subject.use_suspended"), await Link(new { deviceId = NewDeviceId(), personId = person, purpose = "inquiry_response" }));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Auditor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Marketing, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Site, HttpStatusCode.Forbidden)]
    public async Task Links_and_person_signals_need_a_role_for_personal_data(string? role, HttpStatusCode expected)
    {
        var person = await PersonAsync();
        var client = role is null ? host.CreateClient() : await StaffAsync(role);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/v1/links", new { deviceId = NewDeviceId(), personId = person, purpose = "inquiry_response" }, Ct)).StatusCode);
        Assert.Equal(expected, (await client.DeleteAsync($"/api/v1/links/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/persons/{person}/links", Ct)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/persons/{person}/signals?purpose=agency.usage_analysis", Ct)).StatusCode);
    }

    /// <summary>How each database stores a Guid: SQLite as upper-case text, PostgreSQL as uuid.</summary>
    private string PersonIdLiteral(Guid id) => host.Database.ConnectionString is null ? id.ToString().ToUpperInvariant() : id.ToString();
}

public sealed class LinksApiOnSqlite(SqliteHost host) : LinksApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class LinksApiOnPostgres(PostgresHost host) : LinksApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
