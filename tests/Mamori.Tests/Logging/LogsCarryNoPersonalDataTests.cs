using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Data;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mamori.Tests.Logging;

/// <summary>
/// Writes unique values through every endpoint that takes personal data — stored, refused, malformed, too long, in
/// paths and query strings — and looks for them in everything the host logged, at Trace, for every category:
/// messages, exception texts, state values and scope values.
/// </summary>
public abstract class LogsCarryNoPersonalDataTests<THost>(THost host) where THost : LogCapturingHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every value a test writes contains its tag; the phone number carries its own digits instead.</summary>
    private sealed record Marks(string Tag, string Digits)
    {
        public static Marks New() => new("zq" + Guid.NewGuid().ToString("N")[..10], Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));

        public string Phone => $"090-{Digits[..4]}-{Digits[4..]}";
        public string Email => $"taro.{Tag}@example.jp";
    }

    private async Task<HttpClient> ApiClientAsync() => host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));

    private static object Customer(Marks m) => new
    {
        kind = "customer",
        channel = "third_party",
        source = "紹介元代理店" + m.Tag,
        sensitiveGround = "insurance_business",
        writtenConsent = "consent-form-" + m.Tag,
        items = new Dictionary<string, string>
        {
            ["contact.name"] = "山田 太郎" + m.Tag,
            ["contact.name_kana"] = "ヤマダ タロウ" + m.Tag,
            ["contact.birthdate"] = "1980-04-01",
            ["contact.email"] = m.Email,
            ["contact.phone"] = m.Phone,
            ["contact.address"] = "東京都港区新橋" + m.Tag,
            ["health.medical_history"] = "高血圧" + m.Tag,
        },
    };

    private static async Task<Guid> CreateAsync(HttpClient client, object person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", person, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<string> CodeOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("code").GetString()!;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private void AssertNoLogCarries(Marks m)
    {
        var leaks = host.Logs.Records.Where(r => r.Texts.Any(t => t.Contains(m.Tag, StringComparison.Ordinal) || t.Contains(m.Digits, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0,
            $"{leaks.Count} log record(s) carry a written value:\n" + string.Join("\n", leaks.Select(r => $"{r}\n    {string.Join("\n    ", r.Texts)}")));
    }

    [Fact]
    public async Task Stored_read_changed_searched_filed_and_erased_values_stay_out_of_the_logs()
    {
        var m = Marks.New();
        var client = await ApiClientAsync();
        var id = await CreateAsync(client, Customer(m));

        var read = await client.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct);
        Assert.Contains(m.Email, read, StringComparison.Ordinal); // the caller gets the value; the log must not
        var patch = await client.PatchAsJsonAsync($"/api/v1/persons/{id}",
            new { purpose = "agency.identity_check", items = new Dictionary<string, string> { ["contact.email"] = "new." + m.Email } }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);

        foreach (var query in new object[] { new { email = "new." + m.Email }, new { phone = m.Phone }, new { name = "やまだたろう" + m.Tag, birthdate = "1980-04-01" } })
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/persons/search", query, Ct)).StatusCode);

        var scan = Encoding.UTF8.GetBytes("%PDF-1.4 申込書 " + m.Tag);
        var upload = await client.PostAsync($"/api/v1/persons/{id}/files?purpose=agency.claims_and_changes&category=identity.document_copy",
            new ByteArrayContent(scan) { Headers = { ContentType = new("application/pdf") } }, Ct);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(scan, await client.GetByteArrayAsync(upload.Headers.Location + "?purpose=agency.claims_and_changes", Ct));

        var erase = await client.PostAsJsonAsync($"/api/v1/persons/{id}/erasure", new { reason = "request " + m.Tag }, Ct);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);

        AssertNoLogCarries(m);
    }

    [Fact]
    public async Task Values_in_refused_malformed_and_over_long_requests_stay_out_of_the_logs()
    {
        var m = Marks.New();
        var client = await ApiClientAsync();
        var id = await CreateAsync(client, Customer(m));

        async Task Refused(string code, HttpResponseMessage response) => Assert.Equal(code, await CodeOf(response));

        await Refused("person.kind_unknown", await client.PostAsJsonAsync("/api/v1/persons",
            new { kind = "kind-" + m.Tag, channel = "direct", items = new Dictionary<string, string> { ["contact.email"] = m.Email } }, Ct));
        await Refused("person.channel_unknown", await client.PostAsJsonAsync("/api/v1/persons",
            new { kind = "customer", channel = "channel-" + m.Tag, items = new Dictionary<string, string> { ["contact.email"] = m.Email } }, Ct));
        await Refused("category.unknown", await client.PostAsJsonAsync("/api/v1/persons",
            new { kind = "customer", channel = "direct", items = new Dictionary<string, string> { [m.Email] = m.Phone } }, Ct));
        await Refused("item.birthdate_invalid", await client.PostAsJsonAsync("/api/v1/persons",
            new { kind = "customer", channel = "direct", items = new Dictionary<string, string> { ["contact.birthdate"] = "born " + m.Tag } }, Ct));
        await Refused("item.value_invalid", await client.PostAsJsonAsync("/api/v1/persons",
            new { kind = "customer", channel = "direct", items = new Dictionary<string, string> { ["contact.address"] = new string('東', 10_000) + m.Tag } }, Ct));
        await Refused("person.source_required", await client.PostAsJsonAsync("/api/v1/persons",
            new { kind = "customer", channel = "third_party", items = new Dictionary<string, string> { ["contact.name"] = "山田" + m.Tag } }, Ct));

        // Malformed JSON: cut off inside a value, and a wrong type under a key that is itself a value.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/persons",
            Json($$"""{"kind":"customer","channel":"direct","items":{"contact.email":"{{m.Email}}" """), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/persons",
            Json("""{"kind":"customer","channel":"direct","items":{""" + $"\"{m.Email}\":{m.Digits}" + "}}"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/persons/search",
            Json($$"""{"email":"{{m.Email}}","birthdate":"{{m.Tag}}"}"""), Ct)).StatusCode);

        await Refused("purpose.unknown", await client.GetAsync($"/api/v1/persons/{id}?purpose=purpose-{m.Tag}", Ct));
        await Refused("purpose.unknown", await client.PatchAsJsonAsync($"/api/v1/persons/{id}",
            new { purpose = "purpose-" + m.Tag, items = new Dictionary<string, string> { ["contact.email"] = m.Email } }, Ct));
        await Refused("search.birthdate_required", await client.PostAsJsonAsync("/api/v1/persons/search", new { name = "山田 太郎" + m.Tag }, Ct));
        await Refused("person.channel_unknown", await client.PostAsync(
            $"/api/v1/persons/{id}/files?purpose=agency.claims_and_changes&category=identity.document_copy&channel={m.Tag}",
            new ByteArrayContent(Encoding.UTF8.GetBytes(m.Email)) { Headers = { ContentType = new("application/pdf") } }, Ct));
        await Refused("item.content_type_invalid", await client.PostAsync(
            $"/api/v1/persons/{id}/files?purpose=agency.claims_and_changes&category=identity.document_copy",
            new ByteArrayContent(Encoding.UTF8.GetBytes(m.Email)) { Headers = { ContentType = new("application/x-" + m.Tag + new string('x', 100)) } }, Ct));

        // Values where no value belongs: in a path, in query strings, in a form's return address.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/persons/{Uri.EscapeDataString(m.Email)}?purpose=agency.identity_check", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/privacy?lang=en&email={m.Email}&tel={m.Digits}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/console/login?ReturnUrl=/console/{m.Tag}", Ct)).StatusCode);

        AssertNoLogCarries(m);
    }

    [Fact]
    public async Task Decisions_log_their_codes_not_the_values_they_were_asked_about()
    {
        var m = Marks.New();
        var client = await ApiClientAsync();
        var id = await CreateAsync(client, Customer(m));

        var requests = new object[]
        {
            new { purpose = "purpose-" + m.Tag, categories = new[] { "category-" + m.Tag }, deviceId = "device-id-" + m.Tag + "-web" },
            new { purpose = "agency.usage_analysis", categories = new[] { "device.ad_id" }, deviceId = "device-id-" + m.Tag + "-web" },
            new { purpose = "agency.identity_check", categories = new[] { "contact.email", m.Email }, personId = id },
            new { purpose = "agency.identity_check", categories = new[] { "contact.email" }, personId = id },
        };
        foreach (var request in requests)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/decisions", request, Ct)).StatusCode);
        // A value where a device id belongs is refused, and the refusal does not log it either.
        var emailAsDevice = await client.PostAsJsonAsync("/api/v1/decisions",
            new { purpose = "agency.usage_analysis", categories = new[] { "device.ad_id" }, deviceId = m.Email }, Ct);
        Assert.Equal("consent.device_id_invalid", await CodeOf(emailAsDevice));
        var neither = await client.PostAsJsonAsync("/api/v1/decisions", new { purpose = m.Email, categories = new[] { m.Phone } }, Ct);
        Assert.Equal("request.field_missing", await CodeOf(neither));

        AssertNoLogCarries(m);
    }

    [Fact]
    public async Task A_wrong_user_name_or_password_on_the_sign_in_form_stays_out_of_the_logs()
    {
        var m = Marks.New();
        var client = host.CreateClient();

        var unknownUser = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "user." + m.Tag, ["Password"] = "pw-" + m.Tag });
        var wrongPassword = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "admin", ["Password"] = m.Email });
        var passwordAsName = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = m.Phone, ["Password"] = "" });

        Assert.Equal(HttpStatusCode.OK, unknownUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, passwordAsName.StatusCode);
        AssertNoLogCarries(m);
    }

    [Fact]
    public async Task A_unique_constraint_violation_is_logged_without_the_duplicate_value()
    {
        var m = Marks.New();
        var userName = "dup." + m.Tag;
        await host.CreateStaffAsync(userName, Roles.Operator);

        // A second account of the same name straight into the database, past StaffAccounts' own check, as a race
        // between two nodes would do it: the database refuses, and EF Core logs the failed command with the exception.
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<MamoriDb>();
            db.StaffUsers.Add(new StaffUser { UserName = userName, DisplayName = userName, PasswordHash = "-", Role = Roles.Operator });
            return await db.SaveChangesAsync(Ct);
        }));

        if (host.Database.ConnectionString is not null) // with error detail on, PostgreSQL names the duplicate value
            Assert.Contains(userName, refused.InnerException!.Message, StringComparison.Ordinal);
        // EF Core logged the failed command (its parameters as '?'), but not the failed save, whose message would
        // embed the exception's text (see DatabaseSettings): nothing names the duplicate.
        Assert.Contains(host.Logs.Records, r => r.Category == "Microsoft.EntityFrameworkCore.Database.Command" && r.Level == LogLevel.Error
            && r.Message.Contains("staff_users", StringComparison.Ordinal));
        AssertNoLogCarries(m);
    }

    [Fact]
    public async Task The_capture_sees_the_database_the_framework_and_Mamori_itself()
    {
        var m = Marks.New();
        var id = await CreateAsync(await ApiClientAsync(), Customer(m));
        var records = host.Logs.Records;

        // The database's own records arrive at Trace (without parameter values: sensitive data logging is off) ...
        Assert.Contains(records, r => r.Category == "Microsoft.EntityFrameworkCore.Database.Command" && r.Level == LogLevel.Information);
        // ... the host's lifetime is there ...
        Assert.Contains(records, r => r.Category == "Microsoft.Hosting.Lifetime");
        // ... and Mamori says what happened, with ids only.
        Assert.Contains(records, r => r.Category.StartsWith("Mamori", StringComparison.Ordinal) && r.Message.Contains(id.ToString(), StringComparison.Ordinal));
        AssertNoLogCarries(m);
    }
}

public sealed class LogsCarryNoPersonalDataOnSqlite(LogCapturingSqliteHost host)
    : LogsCarryNoPersonalDataTests<LogCapturingSqliteHost>(host), IClassFixture<LogCapturingSqliteHost>;

public sealed class LogsCarryNoPersonalDataOnPostgres(LogCapturingPostgresHost host)
    : LogsCarryNoPersonalDataTests<LogCapturingPostgresHost>(host), IClassFixture<LogCapturingPostgresHost>;
