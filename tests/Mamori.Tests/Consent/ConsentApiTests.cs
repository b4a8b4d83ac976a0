using System.Net;
using System.Text;
using Mamori.Consent;
using Mamori.Policy;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Consent.ConsentClient;

namespace Mamori.Tests.Consent;

public abstract class ConsentApiTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NoticeHash => PolicyLoader.ContentHash(File.ReadAllText(MamoriHost.PolicyPath));

    private async Task<HttpClient> StaffAsync(string role = Roles.Operator) => host.CreateApiClient(await host.CreateApiKeyAsync(role));

    [Fact]
    public async Task A_banner_choice_is_recorded_with_method_time_policy_version_and_notice_hash()
    {
        var device = NewDeviceId();
        var answer = await RecordAsync(host.CreateClient(), new { deviceId = device, choices = new { analytics = false, targeting = true }, method = "banner" });

        Assert.Equal("device", answer.GetProperty("subject").GetProperty("kind").GetString());
        Assert.False(answer.GetProperty("choices").GetProperty("analytics").GetBoolean());
        Assert.True(answer.GetProperty("choices").GetProperty("targeting").GetBoolean());
        Assert.True(answer.GetProperty("choices").GetProperty("necessary").GetBoolean());
        Assert.False(answer.GetProperty("choices").GetProperty("location").GetBoolean());   // opt-in: off until given
        Assert.False(answer.GetProperty("gpc").GetBoolean());

        var consents = await ReadAsync(await StaffAsync(), device);
        var analytics = Assert.Single(History(consents, "analytics"));
        Assert.False(analytics.GetProperty("given").GetBoolean());
        Assert.Equal("banner", analytics.GetProperty("method").GetString());
        Assert.Equal(host.Clock.GetUtcNow(), analytics.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.Equal("2024-07-01", analytics.GetProperty("policyVersion").GetString());
        Assert.Equal(NoticeHash, analytics.GetProperty("noticeHash").GetString());
        Assert.Equal("anonymous", analytics.GetProperty("recordedBy").GetString());
        Assert.Equal(answer.GetProperty("receipt").GetProperty("consentReceiptID").GetString(), analytics.GetProperty("receiptId").GetString());
        Assert.False(consents.GetProperty("needsReconsent").GetBoolean());
        // What is not on record answers with the policy's default: opt-out on, opt-in off.
        Assert.False(Current(consents, "ad_identifiers").GetProperty("recorded").GetBoolean());
        Assert.Equal("opt_in", Current(consents, "ad_identifiers").GetProperty("requirement").GetString());
    }

    [Fact]
    public async Task Every_choice_is_kept_and_the_latest_is_in_force()
    {
        var device = NewDeviceId();
        var client = host.CreateClient();
        await RecordAsync(client, new { deviceId = device, choices = new { analytics = true }, method = "banner" });
        host.Clock.Advance(TimeSpan.FromDays(3));
        await RecordAsync(client, new { deviceId = device, choices = new { analytics = false }, method = "settings_page" });
        host.Clock.Advance(TimeSpan.FromDays(1));
        await RecordAsync(client, new { deviceId = device, choices = new { analytics = true }, method = "banner" });

        var consents = await ReadAsync(await StaffAsync(), device);
        Assert.Equal([true, false, true], History(consents, "analytics").Select(r => r.GetProperty("given").GetBoolean()));
        Assert.Equal(["banner", "settings_page", "banner"], History(consents, "analytics").Select(r => r.GetProperty("method").GetString()));
        var current = Current(consents, "analytics");
        Assert.True(current.GetProperty("given").GetBoolean());
        Assert.Equal(host.Clock.GetUtcNow(), current.GetProperty("recordedAt").GetDateTimeOffset());
        Assert.True(consents.GetProperty("choices").GetProperty("analytics").GetBoolean());
    }

    [Fact]
    public async Task The_receipt_speaks_Kantara_v1_1()
    {
        var device = NewDeviceId();
        var receipt = (await RecordAsync(host.CreateClient(),
            new { deviceId = device, choices = new { analytics = false, targeting = true }, method = "banner", language = "en" })).GetProperty("receipt");

        Assert.Equal(["version", "jurisdiction", "consentTimestamp", "collectionMethod", "consentReceiptID", "language", "piiPrincipalId",
            "piiControllers", "policyUrl", "services", "sensitive", "spiCat"], receipt.EnumerateObject().Select(p => p.Name));
        Assert.Equal("KI-CR-v1.1.0", receipt.GetProperty("version").GetString());
        Assert.Equal("JP", receipt.GetProperty("jurisdiction").GetString());
        Assert.Equal(host.Clock.GetUtcNow().ToUnixTimeSeconds(), receipt.GetProperty("consentTimestamp").GetInt64());
        Assert.Equal("banner", receipt.GetProperty("collectionMethod").GetString());
        Assert.True(Guid.TryParse(receipt.GetProperty("consentReceiptID").GetString(), out _));
        Assert.Equal("en", receipt.GetProperty("language").GetString());
        Assert.Equal(device, receipt.GetProperty("piiPrincipalId").GetString());
        Assert.EndsWith("/privacy/versions/2024-07-01?lang=en", receipt.GetProperty("policyUrl").GetString(), StringComparison.Ordinal);
        Assert.False(receipt.GetProperty("sensitive").GetBoolean());
        Assert.Empty(receipt.GetProperty("spiCat").EnumerateArray());

        var controller = Assert.Single(receipt.GetProperty("piiControllers").EnumerateArray());
        Assert.Equal(["piiController", "onBehalf", "contact", "address", "piiControllerUrl"], controller.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Kakacom Insurance, Inc.", controller.GetProperty("piiController").GetString());
        Assert.Equal("105-0004", controller.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("JP", controller.GetProperty("address").GetProperty("addressCountry").GetString());

        // One service per tag of each category given (targeting here, not analytics), with the policy's purposes and items.
        var services = receipt.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(["Google Ads (remarketing and conversion measurement)", "DMP tag"], services.Select(s => s.GetProperty("service").GetString()));
        var purpose = services[0].GetProperty("purposes")[0];
        Assert.Equal(["purpose", "purposeCategory", "consentType", "piiCategory", "primaryPurpose", "termination", "thirdPartyDisclosure", "thirdPartyName"],
            purpose.EnumerateObject().Select(p => p.Name));
        Assert.Equal("OPT-OUT", purpose.GetProperty("consentType").GetString());
        Assert.True(purpose.GetProperty("primaryPurpose").GetBoolean());
        Assert.True(purpose.GetProperty("thirdPartyDisclosure").GetBoolean());
        Assert.Contains("IP address", purpose.GetProperty("piiCategory").EnumerateArray().Select(i => i.GetString()));
        Assert.StartsWith("The conversion cookie (_gcl_au) lasts 90 days", purpose.GetProperty("termination").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sec_GPC_turns_targeting_off_and_is_recorded_as_gpc()
    {
        var device = NewDeviceId();
        var answer = await RecordAsync(host.CreateClient(), new { deviceId = device, choices = new { analytics = true, targeting = true }, method = "banner" }, gpc: true);

        Assert.True(answer.GetProperty("gpc").GetBoolean());
        Assert.False(answer.GetProperty("choices").GetProperty("targeting").GetBoolean());
        Assert.True(answer.GetProperty("choices").GetProperty("analytics").GetBoolean());
        Assert.Equal("banner+gpc", answer.GetProperty("receipt").GetProperty("collectionMethod").GetString());
        Assert.DoesNotContain("DMP tag", answer.GetProperty("receipt").GetProperty("services").EnumerateArray().Select(s => s.GetProperty("service").GetString()));

        var consents = await ReadAsync(await StaffAsync(), device);
        var targeting = Assert.Single(History(consents, "targeting"));
        Assert.False(targeting.GetProperty("given").GetBoolean());
        Assert.Equal("gpc", targeting.GetProperty("method").GetString());
        Assert.Equal("banner", Assert.Single(History(consents, "analytics")).GetProperty("method").GetString());

        // Even a choice that leaves targeting out records the GPC refusal.
        var other = NewDeviceId();
        await RecordAsync(host.CreateClient(), new { deviceId = other, choices = new { analytics = false }, method = "banner" }, gpc: true);
        Assert.Equal("gpc", Current(await ReadAsync(await StaffAsync(), other), "targeting").GetProperty("method").GetString());
    }

    [Fact]
    public async Task Each_invalid_choice_answers_with_its_own_code()
    {
        var client = host.CreateClient();
        var device = NewDeviceId();
        (object Body, HttpStatusCode Status, string Code)[] cases =
        [
            (new { choices = new { analytics = true }, method = "banner" }, HttpStatusCode.BadRequest, "consent.subject_missing"),
            (new { deviceId = device, personId = Guid.NewGuid(), choices = new { analytics = true } }, HttpStatusCode.BadRequest, "consent.subject_ambiguous"),
            (new { deviceId = "short", choices = new { analytics = true } }, HttpStatusCode.BadRequest, "consent.device_id_invalid"),
            (new { deviceId = "not a token but twenty-two chars", choices = new { analytics = true } }, HttpStatusCode.BadRequest, "consent.device_id_invalid"),
            (new { deviceId = new string('a', 65), choices = new { analytics = true } }, HttpStatusCode.BadRequest, "consent.device_id_invalid"),
            (new { deviceId = device, method = "banner" }, HttpStatusCode.BadRequest, "consent.choices_missing"),
            (new { deviceId = device, choices = new { cookies_of_the_moon = true } }, HttpStatusCode.BadRequest, "consent.category_unknown"),
            (new { deviceId = device, choices = new { necessary = false } }, HttpStatusCode.BadRequest, "consent.necessary_not_optional"),
            (new { deviceId = device, choices = new { written = true }, method = "banner" }, HttpStatusCode.BadRequest, "consent.category_not_for_device"),
            (new { deviceId = device, choices = new { analytics = true }, method = "carrier_pigeon" }, HttpStatusCode.BadRequest, "consent.method_unknown"),
            (new { deviceId = device, choices = new { analytics = true }, method = "api" }, HttpStatusCode.BadRequest, "consent.method_not_allowed"),
            (new { deviceId = device, choices = new { targeting = true }, method = "gpc" }, HttpStatusCode.BadRequest, "consent.gpc_only_refuses"),
            (new { deviceId = device, choices = Enumerable.Range(0, 40).ToDictionary(i => "c" + i, _ => true) }, HttpStatusCode.BadRequest, "consent.too_many_choices"),
            (new { deviceId = device, choices = new { analytics = "yes" } }, HttpStatusCode.BadRequest, "request.malformed"),
        ];
        foreach (var (body, status, code) in cases)
        {
            var response = await PostAsync(client, body);
            Assert.True(response.StatusCode == status, $"{code}: got {(int)response.StatusCode}");
            Assert.Equal(code, await ProblemCodeAsync(response));
        }

        var huge = await client.PostAsync("/api/v1/consents",
            new StringContent($$"""{"deviceId":"{{device}}","choices":{"analytics":true},"method":"{{new string('x', 10_000)}}"}""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("request.too_large", await ProblemCodeAsync(huge));

        var form = await client.PostAsync("/api/v1/consents", new FormUrlEncodedContent(new Dictionary<string, string> { ["deviceId"] = device }), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("request.unsupported_media_type", await ProblemCodeAsync(form));

        var notJson = await client.PostAsync("/api/v1/consents", new StringContent("{deviceId:", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal("request.malformed", await ProblemCodeAsync(notJson));

        // Nothing was recorded for the device along the way.
        Assert.Empty((await ReadAsync(await StaffAsync(), device)).GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Only_a_caller_that_manages_consents_speaks_for_a_person()
    {
        var person = await CreatePersonAsync(host);
        var choice = new { personId = person, choices = new { provision = true }, method = "api" };

        var anonymous = await PostAsync(host.CreateClient(), choice);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("auth.unauthenticated", await ProblemCodeAsync(anonymous));

        var badKey = await PostAsync(host.CreateApiClient("mk_000000000000_" + new string('x', 43)), choice);
        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);

        var auditor = await PostAsync(await StaffAsync(Roles.Auditor), choice);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal("auth.forbidden", await ProblemCodeAsync(auditor));

        var marketing = await StaffAsync(Roles.Marketing);
        var recorded = await RecordAsync(marketing, choice);
        Assert.Equal("person", recorded.GetProperty("subject").GetProperty("kind").GetString());
        Assert.True(recorded.GetProperty("choices").GetProperty("provision").GetBoolean());
        Assert.Equal(person.ToString(), recorded.GetProperty("receipt").GetProperty("piiPrincipalId").GetString());
        var provision = recorded.GetProperty("receipt").GetProperty("services")[0].GetProperty("purposes")[0];
        Assert.Equal("EXPLICIT", provision.GetProperty("consentType").GetString());
        Assert.True(provision.GetProperty("thirdPartyDisclosure").GetBoolean());

        var unknown = await PostAsync(marketing, new { personId = Guid.NewGuid(), choices = new { provision = true }, method = "api" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("consent.person_not_found", await ProblemCodeAsync(unknown));

        // 機微: only in writing, naming the signed form.
        var notWritten = await PostAsync(marketing, new { personId = person, choices = new { written = true }, method = "api" });
        Assert.Equal("consent.written_method_required", await ProblemCodeAsync(notWritten));
        var noForm = await PostAsync(marketing, new { personId = person, choices = new { written = true }, method = "written" });
        Assert.Equal("consent.reference_invalid", await ProblemCodeAsync(noForm));
        var written = await RecordAsync(marketing, new { personId = person, choices = new { written = true }, method = "written", reference = "form-2026-0042" });
        Assert.True(written.GetProperty("receipt").GetProperty("sensitive").GetBoolean());
        Assert.NotEmpty(written.GetProperty("receipt").GetProperty("spiCat").EnumerateArray());
        var row = Assert.Single(History(await ReadAsync(marketing, person.ToString()), "written"));
        Assert.Equal("written", row.GetProperty("method").GetString());
        Assert.Equal("form-2026-0042", row.GetProperty("reference").GetString());
        Assert.StartsWith("key:", row.GetProperty("recordedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_choices_needs_a_permission_to_manage_consents_or_read_personal_data()
    {
        var device = NewDeviceId();
        await RecordAsync(host.CreateClient(), new { deviceId = device, choices = new { analytics = false }, method = "banner" });

        var anonymous = await host.CreateClient().GetAsync($"/api/v1/consents/{device}", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("auth.unauthenticated", await ProblemCodeAsync(anonymous));

        var auditor = await (await StaffAsync(Roles.Auditor)).GetAsync($"/api/v1/consents/{device}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.StatusCode);
        Assert.Equal("auth.forbidden", await ProblemCodeAsync(auditor));

        foreach (var role in new[] { Roles.Marketing, Roles.Operator, Roles.System })
            Assert.False(Current(await ReadAsync(await StaffAsync(role), device), "analytics").GetProperty("given").GetBoolean());

        var badKind = await (await StaffAsync()).GetAsync($"/api/v1/consents/{device}?kind=cat", Ct);
        Assert.Equal("consent.subject_kind_unknown", await ProblemCodeAsync(badKind));
    }

    [Fact]
    public async Task Linking_merges_device_and_person_choices_the_later_wins_and_GPC_always()
    {
        var person = await CreatePersonAsync(host);
        var device = NewDeviceId();
        var banner = host.CreateClient();
        var staff = await StaffAsync(Roles.Marketing);

        await RecordAsync(banner, new { deviceId = device, choices = new { analytics = true }, method = "banner" });        // earlier
        host.Clock.Advance(TimeSpan.FromHours(1));
        await RecordAsync(staff, new { personId = person, choices = new { analytics = false, targeting = true }, method = "api" });
        host.Clock.Advance(TimeSpan.FromHours(1));
        await RecordAsync(banner, new { deviceId = device, choices = new { location = true }, method = "app" }, gpc: true);   // later; GPC
        host.Clock.Advance(TimeSpan.FromHours(1));

        var merged = await host.WithServiceAsync(sp =>
            sp.GetRequiredService<ConsentLedger>().MergeDeviceIntoPersonAsync(device, person, "test:linking", Ct));

        Assert.False(merged.Allows("analytics"));   // the person's later refusal
        Assert.True(merged.Allows("location"));     // the device's later agreement
        Assert.False(merged.Allows("targeting"));   // GPC wins over the person's later agreement
        var ofPerson = await ReadAsync(staff, person.ToString());
        Assert.Equal("gpc", Current(ofPerson, "targeting").GetProperty("method").GetString());
        Assert.Equal($"device:{device}", History(ofPerson, "location").Last().GetProperty("linkedFrom").GetString());

        // The device answers alike: the person's refusal of analytics was copied to it.
        var ofDevice = await ReadAsync(staff, device);
        Assert.False(Current(ofDevice, "analytics").GetProperty("given").GetBoolean());
        Assert.Equal($"person:{person}", History(ofDevice, "analytics").Last().GetProperty("linkedFrom").GetString());
        Assert.Equal([true, false], History(ofDevice, "analytics").Select(r => r.GetProperty("given").GetBoolean()));

        // Merging again changes nothing.
        var before = (await ReadAsync(staff, person.ToString())).GetProperty("history").GetArrayLength();
        await host.WithServiceAsync(sp => sp.GetRequiredService<ConsentLedger>().MergeDeviceIntoPersonAsync(device, person, "test:linking", Ct));
        Assert.Equal(before, (await ReadAsync(staff, person.ToString())).GetProperty("history").GetArrayLength());
    }
}

public sealed class ConsentApiOnSqlite(SqliteHost host) : ConsentApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsentApiOnPostgres(PostgresHost host) : ConsentApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
