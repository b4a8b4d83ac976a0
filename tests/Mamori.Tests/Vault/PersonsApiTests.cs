using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Vault;

public abstract class PersonsApiTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role = Roles.PrivacyOfficer) => host.CreateApiClient(await host.CreateApiKeyAsync(role));

    /// <summary>A customer with contact data and a medical history resting on written consent (§8⑦).</summary>
    private static object Customer(string tag) => new
    {
        kind = "customer",
        channel = "direct",
        sensitiveGround = "insurance_business",
        writtenConsent = "consent-form-" + tag,
        items = new Dictionary<string, string>
        {
            ["contact.name"] = "山田 太郎" + tag,
            ["contact.name_kana"] = "ヤマダ タロウ" + tag,
            ["contact.birthdate"] = "1980-04-01",
            ["contact.email"] = $"taro.{tag}@example.jp",
            ["contact.phone"] = "090-1234-" + tag[..4],
            ["contact.address"] = "東京都港区新橋" + tag,
            ["health.medical_history"] = "高血圧" + tag,
        },
    };

    private static async Task<Guid> CreateAsync(HttpClient client, object person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", person, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static string Tag() => Random.Shared.Next(1000, 9999) + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task A_read_returns_exactly_what_the_purpose_may_use_with_provenance()
    {
        var client = await ClientAsync();
        var tag = Tag();
        var id = await CreateAsync(client, Customer(tag));

        using var identity = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct));
        var items = identity.RootElement.GetProperty("items");
        Assert.Equal(["contact.birthdate", "contact.email", "contact.name", "contact.name_kana", "contact.phone"],
            items.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"taro.{tag}@example.jp", items.GetProperty("contact.email").GetString());
        var withheld = identity.RootElement.GetProperty("withheld").EnumerateArray()
            .ToDictionary(w => w.GetProperty("category").GetString()!, w => w.GetProperty("reasons")[0].GetString());
        Assert.Equal("category.not_allowed_for_purpose", withheld["contact.address"]);
        Assert.Equal("category.not_allowed_for_purpose", withheld["health.medical_history"]);
        var provenance = identity.RootElement.GetProperty("details")[0].GetProperty("provenance");
        Assert.Equal("direct", provenance.GetProperty("channel").GetString());
        Assert.Equal("2024-07-01", provenance.GetProperty("policyVersion").GetString());

        // Underwriting may use the medical history: it rests on written consent.
        using var quote = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.quote_application", Ct));
        Assert.Equal("高血圧" + tag, quote.RootElement.GetProperty("items").GetProperty("health.medical_history").GetString());
    }

    [Fact]
    public async Task Each_rule_denies_with_its_own_code()
    {
        var client = await ClientAsync();
        var id = await CreateAsync(client, Customer(Tag()));

        var unknown = await client.GetAsync($"/api/v1/persons/{id}?purpose=agency.nonsense", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal("purpose.unknown", (await ProblemAsync(unknown)).GetProperty("code").GetString());

        var wrongKind = await client.GetAsync($"/api/v1/persons/{id}?purpose=hr.personnel_management", Ct);
        Assert.Equal("purpose.not_for_subject_kind", (await ProblemAsync(wrongKind)).GetProperty("code").GetString());

        var noGround = await client.PostAsJsonAsync("/api/v1/persons", new
        {
            kind = "customer", channel = "direct",
            items = new Dictionary<string, string> { ["health.medical_history"] = "糖尿病" },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noGround.StatusCode);
        Assert.Equal("sensitive.no_ground", (await ProblemAsync(noGround)).GetProperty("code").GetString());

        var adId = await client.PostAsJsonAsync("/api/v1/decisions", new { purpose = "agency.usage_analysis", categories = new[] { "device.ad_id" }, deviceId = "device-0001-abcdefghijklmnop" }, Ct);
        using (var body = JsonDocument.Parse(await adId.Content.ReadAsStringAsync(Ct)))
        {
            Assert.False(body.RootElement.GetProperty("allowed").GetBoolean());
            Assert.Contains("ad_id.purpose_not_allowed", body.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        }

        var location = await client.PostAsJsonAsync("/api/v1/decisions", new { purpose = "agency.information_delivery", categories = new[] { "device.location" }, deviceId = "device-0001-abcdefghijklmnop" }, Ct);
        using (var body = JsonDocument.Parse(await location.Content.ReadAsStringAsync(Ct)))
            Assert.Contains("location.no_consent", body.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        var allowed = await client.PostAsJsonAsync("/api/v1/decisions", new { purpose = "agency.identity_check", categories = new[] { "contact.email" }, personId = id }, Ct);
        using (var body = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync(Ct)))
        {
            Assert.True(body.RootElement.GetProperty("allowed").GetBoolean());
            Assert.Equal("allowed", body.RootElement.GetProperty("reasons")[0].GetString());
        }

        var patch = await client.PatchAsJsonAsync($"/api/v1/persons/{id}",
            new { purpose = "agency.identity_check", items = new Dictionary<string, string> { ["contact.address"] = "大阪府" } }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal("category.not_allowed_for_purpose", (await ProblemAsync(patch)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Every_read_write_search_decision_and_denial_is_in_the_audit_trail_without_values()
    {
        var client = await ClientAsync();
        var tag = Tag();
        var id = await CreateAsync(client, Customer(tag));
        await client.GetAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct);
        await client.GetAsync($"/api/v1/persons/{id}?purpose=hr.personnel_management", Ct);
        await client.PostAsJsonAsync("/api/v1/persons/search", new { email = $"taro.{tag}@example.jp" }, Ct);
        await client.PostAsJsonAsync("/api/v1/decisions", new { purpose = "agency.identity_check", categories = new[] { "contact.email" }, personId = id }, Ct);

        var entries = await host.WithServiceAsync(sp => sp.GetRequiredService<Mamori.Data.MamoriDb>().Set<Mamori.Audit.AuditEntry>()
            .Where(e => e.PersonId == id).OrderBy(e => e.Sequence).ToListAsync(Ct));
        Assert.Equal(["person.created", "person.read", "person.read", "person.searched", "decision"], entries.Select(e => e.Action));
        Assert.Equal(["success", "allowed", "denied", "success", "allowed"], entries.Select(e => e.Outcome));
        Assert.Equal("agency.identity_check", entries[1].Purpose);
        Assert.Contains("contact.email", entries[1].Categories, StringComparison.Ordinal);
        Assert.Contains("purpose.not_for_subject_kind", entries[2].Reasons, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.StartsWith("key:", e.Actor, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => string.Join('|', e.Actor, e.Categories, e.Reasons, e.Target, e.Purpose).Contains(tag, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_consent_opens_location_and_ad_identifiers()
    {
        var client = await ClientAsync();
        var device = "dev-" + Guid.NewGuid().ToString("N");
        async Task<(bool Allowed, List<string?> Reasons)> Decide(string purpose, string category)
        {
            var response = await client.PostAsJsonAsync("/api/v1/decisions", new { purpose, categories = new[] { category }, deviceId = device }, Ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            return (body.RootElement.GetProperty("allowed").GetBoolean(), [.. body.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())]);
        }

        Assert.Contains("location.no_consent", (await Decide("agency.information_delivery", "device.location")).Reasons);
        Assert.Contains("ad_id.tracking_limited", (await Decide("agency.ad_delivery", "device.ad_id")).Reasons);

        var consent = await host.CreateClient().PostAsJsonAsync("/api/v1/consents",
            new { deviceId = device, choices = new Dictionary<string, bool> { ["location"] = true, ["ad_identifiers"] = true }, method = "app" }, Ct);
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);

        Assert.True((await Decide("agency.information_delivery", "device.location")).Allowed);
        Assert.True((await Decide("agency.ad_delivery", "device.ad_id")).Allowed);
        Assert.Contains("ad_id.purpose_not_allowed", (await Decide("agency.usage_analysis", "device.ad_id")).Reasons);

        // The latest choice counts: withdrawing location closes it again and leaves the ad identifiers open.
        var withdrawn = await host.CreateClient().PostAsJsonAsync("/api/v1/consents",
            new { deviceId = device, choices = new Dictionary<string, bool> { ["location"] = false }, method = "app" }, Ct);
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);
        Assert.Contains("location.no_consent", (await Decide("agency.information_delivery", "device.location")).Reasons);
        Assert.True((await Decide("agency.ad_delivery", "device.ad_id")).Allowed);
    }

    [Fact]
    public async Task A_suspension_of_use_blocks_reads()
    {
        var client = await ClientAsync();
        var id = await CreateAsync(client, Customer(Tag()));
        await host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<Mamori.Data.MamoriDb>();
            var person = await db.Set<Mamori.Vault.Person>().SingleAsync(p => p.Id == id, Ct);
            person.UseSuspended = true;
            return await db.SaveChangesAsync(Ct);
        });

        var read = await client.GetAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("subject.use_suspended", (await ProblemAsync(read)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Search_finds_by_email_phone_and_name_with_birthdate_whatever_the_writing()
    {
        var client = await ClientAsync();
        var tag = Tag();
        var id = await CreateAsync(client, Customer(tag));

        async Task<List<Guid>> Find(object query)
        {
            var response = await client.PostAsJsonAsync("/api/v1/persons/search", query, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            return [.. body.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetGuid())];
        }

        Assert.Equal([id], await Find(new { email = $"  TARO.{tag.ToUpperInvariant()}@EXAMPLE.JP " }));
        Assert.Equal([id], await Find(new { phone = "+81 90 1234 " + tag[..4] }));
        Assert.Equal([id], await Find(new { name = "やまだたろう" + tag, birthdate = "1980-04-01" }));
        Assert.Equal([id], await Find(new { name = "山田　太郎" + tag, birthdate = "1980-04-01" }));
        Assert.Empty(await Find(new { name = "山田 太郎" + tag, birthdate = "1980-04-02" }));

        var noBirthdate = await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "山田 太郎" }, Ct);
        Assert.Equal("search.birthdate_required", (await ProblemAsync(noBirthdate)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Patch_changes_items_and_their_search_index()
    {
        var client = await ClientAsync();
        var tag = Tag();
        var id = await CreateAsync(client, Customer(tag));
        var patch = await client.PatchAsJsonAsync($"/api/v1/persons/{id}",
            new { purpose = "agency.identity_check", items = new Dictionary<string, string> { ["contact.email"] = $"new.{tag}@example.jp" } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);

        using var read = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct));
        Assert.Equal($"new.{tag}@example.jp", read.RootElement.GetProperty("items").GetProperty("contact.email").GetString());
        var old = await client.PostAsJsonAsync("/api/v1/persons/search", new { email = $"taro.{tag}@example.jp" }, Ct);
        Assert.Empty(JsonDocument.Parse(await old.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("matches").EnumerateArray());
        var found = await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "ヤマダタロウ" + tag, birthdate = "1980-04-01" }, Ct);
        Assert.Single(JsonDocument.Parse(await found.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("matches").EnumerateArray());
    }

    [Fact]
    public async Task Files_are_stored_encrypted_and_read_back_under_a_purpose()
    {
        var client = await ClientAsync();
        var id = await CreateAsync(client, Customer(Tag()));
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 scanned application " + Guid.NewGuid());
        var upload = await client.PostAsync($"/api/v1/persons/{id}/files?purpose=agency.claims_and_changes&category=identity.document_copy",
            new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } }, Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var location = upload.Headers.Location!.OriginalString;

        Assert.Equal(pdf, await client.GetByteArrayAsync(location + "?purpose=agency.claims_and_changes", Ct));
        var wrongPurpose = await client.GetAsync(location + "?purpose=agency.identity_check", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wrongPurpose.StatusCode);
    }

    [Fact]
    public async Task An_erased_person_is_gone_for_good()
    {
        var client = await ClientAsync();
        var tag = Tag();
        var id = await CreateAsync(client, Customer(tag));

        var erase = await client.PostAsJsonAsync($"/api/v1/persons/{id}/erasure", new { reason = "request R-1: erasure" }, Ct);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);

        var read = await client.GetAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct);
        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
        Assert.Equal("person.erased", (await ProblemAsync(read)).GetProperty("code").GetString());
        var search = await client.PostAsJsonAsync("/api/v1/persons/search", new { email = $"taro.{tag}@example.jp" }, Ct);
        Assert.Empty(JsonDocument.Parse(await search.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("matches").EnumerateArray());
        var keyVault = await host.WithServiceAsync(sp => sp.GetRequiredService<Mamori.Vault.Crypto.KeyVault>().IsShreddedAsync(id, Ct));
        Assert.True(keyVault);
        Assert.False(await host.RawDatabaseContainsAsync($"taro.{tag}@example.jp"));
    }

    [Fact]
    public async Task The_database_holds_no_personal_value_in_plaintext()
    {
        var client = await ClientAsync();
        var tag = Tag();
        await CreateAsync(client, Customer(tag));

        foreach (var value in new[] { $"taro.{tag}@example.jp", "山田 太郎" + tag, "ヤマダ タロウ" + tag, "東京都港区新橋" + tag, "高血圧" + tag })
            Assert.False(await host.RawDatabaseContainsAsync(value), $"plaintext found: {value}");
        // The scan itself works: a value the database does hold in plaintext (a category id) is found.
        Assert.True(await host.RawDatabaseContainsAsync("health.medical_history"));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Auditor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Marketing, HttpStatusCode.Forbidden)]
    public async Task Persons_need_a_key_whose_role_reads_personal_data(string? role, HttpStatusCode expected)
    {
        var owner = await ClientAsync();
        var id = await CreateAsync(owner, Customer(Tag()));
        var client = role is null ? host.CreateClient() : await ClientAsync(role);

        Assert.Equal(expected, (await client.GetAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct)).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/v1/persons", Customer(Tag()), Ct)).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/v1/persons/search", new { email = "a@b.jp" }, Ct)).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/persons/{id}/erasure", new { reason = "x" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_privacy_officer_may_erase()
    {
        var id = await CreateAsync(await ClientAsync(), Customer(Tag()));
        var system = await ClientAsync(Roles.System);
        Assert.Equal(HttpStatusCode.Forbidden, (await system.PostAsJsonAsync($"/api/v1/persons/{id}/erasure", new { reason = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await system.GetAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct)).StatusCode);
    }
}

public sealed class PersonsApiOnSqlite(SqliteHost host) : PersonsApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class PersonsApiOnPostgres(PostgresHost host) : PersonsApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
