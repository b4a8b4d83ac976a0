using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Provision.ProvisionTestKit;

namespace Mamori.Tests.Provision;

public abstract class ProvisionsApiTests<THost>(THost host) where THost : MamoriHost
{
    private static readonly string[] QuoteItems = ["contact.name", "contact.email", "health.medical_history"];

    [Fact]
    public async Task Consent_given_at_acquisition_provides_the_items_and_writes_the_Art29_record()
    {
        var client = await ClientAsync(host);
        var tag = Tag();
        var id = await CreatePersonAsync(client, Customer(tag));

        var provided = await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", QuoteItems));
        var data = provided.GetProperty("data");
        Assert.Equal(QuoteItems.Order(StringComparer.Ordinal), data.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("喘息" + tag, data.GetProperty("health.medical_history").GetString());
        Assert.True(provided.GetProperty("recordRequired").GetBoolean());
        Assert.Equal("acquisition", provided.GetProperty("consentSource").GetString());
        var recordId = provided.GetProperty("recordId").GetGuid();

        var record = Assert.Single(await RecordsAsync(client, id));
        Assert.Equal(recordId, record.GetProperty("id").GetGuid());
        Assert.Equal("art29", record.GetProperty("kind").GetString());
        Assert.Equal(id, record.GetProperty("personId").GetGuid());
        Assert.Equal("提携保険会社", record.GetProperty("party").GetProperty("name").GetString());
        Assert.Equal("partner_insurers", record.GetProperty("party").GetProperty("recipientId").GetString());
        Assert.True(record.GetProperty("consentObtained").GetBoolean());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("optOutDate").ValueKind);
        Assert.Equal("acquisition", record.GetProperty("consentSource").GetString());
        Assert.Equal("policy:2024-07-01", record.GetProperty("consentReference").GetString());
        Assert.Equal(QuoteItems.Order(StringComparer.Ordinal), record.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("agency.quote_application", record.GetProperty("purpose").GetString());
        Assert.False(record.GetProperty("batch").GetBoolean());
        Assert.Equal(record.GetProperty("lastAt").GetDateTimeOffset().AddYears(3), record.GetProperty("keepUntil").GetDateTimeOffset());

        // The hand-over is in the audit trail with the record it wrote, ids and codes only.
        var entry = (await host.AuditEntriesAsync()).Last(e => e.Action == AuditActions.Provision && e.PersonId == id);
        Assert.Equal(AuditOutcomes.Allowed, entry.Outcome);
        Assert.Equal("provision_record:" + recordId.ToString("D"), entry.Target);
        Assert.DoesNotContain(tag, entry.Categories + entry.Reasons + entry.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_consent_covering_recipient_and_purpose_nothing_leaves_until_consent_is_given_explicitly()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag(), purposes: ["agency.identity_check", "agency.quote_application"]));

        // Not told of the campaign purpose at acquisition: no consent covers the group company for it.
        await DeniedAsync(await ProvideAsync(client, id, "kakacom", "agency.campaign", "consent", ["contact.name"]), "provision.consent_missing");
        Assert.Empty(await RecordsAsync(client, id));

        var consent = await GiveConsentAsync(client, new { personId = id, recipient = "kakacom", purposes = new[] { "agency.campaign" }, method = "api" });
        var consentId = consent.GetProperty("id").GetGuid();
        var provided = await OkAsync(await ProvideAsync(client, id, "kakacom", "agency.campaign", "consent", ["contact.name"]));
        Assert.Equal("explicit", provided.GetProperty("consentSource").GetString());
        var record = Assert.Single(await RecordsAsync(client, id));
        Assert.Equal(consentId.ToString("D"), record.GetProperty("consentReference").GetString());
        Assert.Equal("株式会社カカコム", record.GetProperty("party").GetProperty("name").GetString());

        // The consent is in the ledger too.
        using (var ledger = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/consents/{id}", Ct)))
            Assert.Contains("provision", ledger.RootElement.GetRawText(), StringComparison.Ordinal);

        // Withdrawn: no more provisions on it.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/provision-consents/{consentId}/withdrawal", null, Ct)).StatusCode);
        await DeniedAsync(await ProvideAsync(client, id, "kakacom", "agency.campaign", "consent", ["contact.name"]), "provision.consent_missing");
        Assert.Single(await RecordsAsync(client, id));
    }

    [Fact]
    public async Task A_refusal_of_provision_in_the_consent_ledger_overrides_the_notice_agreed_to()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));
        var refused = await client.PostAsJsonAsync("/api/v1/consents",
            new { personId = id.ToString("D"), choices = new Dictionary<string, bool> { ["provision"] = false }, method = "api" }, Ct);
        Assert.True(refused.IsSuccessStatusCode, await refused.Content.ReadAsStringAsync(Ct));

        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", ["contact.name"]), "provision.consent_withdrawn");
        Assert.Empty(await RecordsAsync(client, id));
    }

    [Fact]
    public async Task A_recipient_abroad_needs_consent_given_with_the_three_cross_border_items()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));

        // Google LLC is in the US: the notice agreed to at acquisition is not enough…
        await DeniedAsync(await ProvideAsync(client, id, "google", "agency.campaign", "consent", ["contact.email"]), "provision.cross_border_info_missing");
        // …nor a consent given without the country, its regime and the recipient's measures.
        await GiveConsentAsync(client, new { personId = id, recipient = "google", purposes = new[] { "agency.campaign" }, method = "api" });
        await DeniedAsync(await ProvideAsync(client, id, "google", "agency.campaign", "consent", ["contact.email"]), "provision.cross_border_info_missing");
        Assert.Empty(await RecordsAsync(client, id));

        var partial = await client.PostAsJsonAsync("/api/v1/provision-consents",
            new { personId = id, recipient = "google", purposes = new[] { "agency.campaign" }, method = "api", crossBorderCountry = "US" }, Ct);
        await DeniedAsync(partial, "provision_consent.invalid", HttpStatusCode.BadRequest);

        await GiveConsentAsync(client, new
        {
            personId = id, recipient = "google", purposes = new[] { "agency.campaign" }, method = "written", reference = "form-xb-1",
            crossBorderCountry = "US", crossBorderRegime = "米国には包括的な連邦個人情報保護法がなく、州法（CCPA等）がある。",
            recipientMeasures = "OECDプライバシーガイドライン8原則に対応する措置を講じている。",
        });
        var provided = await OkAsync(await ProvideAsync(client, id, "google", "agency.campaign", "consent", ["contact.email"]));
        Assert.Equal("explicit", provided.GetProperty("consentSource").GetString());
        var record = Assert.Single(await RecordsAsync(client, id));
        Assert.True(record.GetProperty("crossBorderInformed").GetBoolean());
        Assert.Equal("US", record.GetProperty("party").GetProperty("country").GetString());
    }

    [Fact]
    public async Task A_customers_request_goes_to_a_co_solicitor_with_the_table_items_only()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));

        await DeniedAsync(await ProvideAsync(client, id, "co_solicitors", "agency.co_solicitor_provision", "request", ["contact.name", "insurance.policy"]),
            "provision.item_not_in_co_solicitation");
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "request", ["contact.name"]),
            "provision.request_not_co_solicitor");
        Assert.Empty(await RecordsAsync(client, id));

        var provided = await OkAsync(await ProvideAsync(client, id, "co_solicitors", "agency.co_solicitor_provision", "request",
            ["contact.name", "contact.phone", "consultation.content"]));
        Assert.Equal(3, provided.GetProperty("data").EnumerateObject().Count());
        var record = Assert.Single(await RecordsAsync(client, id));
        Assert.Equal("request", record.GetProperty("basis").GetString());
        Assert.Equal("request", record.GetProperty("consentSource").GetString());
        Assert.Equal("共同募集人", record.GetProperty("party").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("law")]
    [InlineData("vital_interests")]
    [InlineData("public_health")]
    [InlineData("state_cooperation")]
    public async Task Each_exception_provides_without_a_record_but_is_audited(string exception)
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag(), purposes: ["agency.identity_check"]));
        await SuspendProvisionAsync(host, id); // a suspension does not stop what the law allows without consent

        var provided = await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.claims_and_changes", "exception:" + exception,
            ["contact.name", "health.medical_history"]));
        Assert.False(provided.GetProperty("recordRequired").GetBoolean());
        Assert.Equal(JsonValueKind.Null, provided.GetProperty("recordId").ValueKind);
        Assert.Equal(2, provided.GetProperty("data").EnumerateObject().Count());
        Assert.Empty(await RecordsAsync(client, id));

        var entry = (await host.AuditEntriesAsync()).Last(e => e.Action == AuditActions.Provision && e.PersonId == id);
        Assert.Equal(AuditOutcomes.Allowed, entry.Outcome);
        Assert.Equal("recipient:partner_insurers", entry.Target);
        Assert.Equal("agency.claims_and_changes", entry.Purpose);
    }

    [Fact]
    public async Task Sensitive_items_need_written_consent_or_an_exception_and_never_go_by_opt_out()
    {
        var client = await ClientAsync(host);
        // Held under ground ⑥ (inheritance) without written consent: providing it needs written consent (§8).
        var id = await CreatePersonAsync(client, Customer(Tag(), ground: "inheritance", writtenConsent: null));

        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", QuoteItems),
            "sensitive.written_consent_required");
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "opt_out", QuoteItems),
            "provision.sensitive_by_opt_out");
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "opt_out", ["contact.name"]),
            "provision.opt_out_not_notified");
        Assert.Empty(await RecordsAsync(client, id));

        // Ground ② stands in when consent cannot be obtained.
        var provided = await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "exception:vital_interests", QuoteItems));
        Assert.Equal(3, provided.GetProperty("data").EnumerateObject().Count());
        Assert.Empty(await RecordsAsync(client, id));
    }

    [Fact]
    public async Task Every_other_rule_denies_with_its_own_code_and_leaves_no_record()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));

        await DeniedAsync(await ProvideAsync(client, id, "nobody", "agency.quote_application", "consent", ["contact.name"]),
            "provision.recipient_unknown", HttpStatusCode.BadRequest);
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.nonsense", "consent", ["contact.name"]), "purpose.unknown");
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.identity_check", "consent", ["contact.name"]),
            "provision.purpose_not_for_provision");
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", []),
            "provision.items_missing", HttpStatusCode.BadRequest);
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "maybe", ["contact.name"]),
            "provision.basis_unknown", HttpStatusCode.BadRequest);
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "exception:academic", ["contact.name"]),
            "provision.exception_unknown", HttpStatusCode.BadRequest);
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", ["web.browsing_history"]),
            "category.not_allowed_for_purpose");
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", ["profile.occupation"]),
            "provision.item_not_held", HttpStatusCode.Conflict);
        await DeniedAsync(await ProvideAsync(client, Guid.NewGuid(), "partner_insurers", "agency.quote_application", "consent", ["contact.name"]),
            "person.not_found", HttpStatusCode.NotFound);

        await SuspendProvisionAsync(host, id);
        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", ["contact.name"]),
            "subject.provision_suspended");
        await DeniedAsync(await ProvideAsync(client, id, "co_solicitors", "agency.co_solicitor_provision", "request", ["contact.name"]),
            "subject.provision_suspended");
        await DeniedAsync(await ProvideAsync(client, id, "kakacom", "agency.campaign", "consent", ["contact.name"]),
            "subject.provision_suspended");
        Assert.Empty(await RecordsAsync(client, id));

        var denials = (await host.AuditEntriesAsync()).Where(e => e.Action == AuditActions.Provision && e.PersonId == id).ToList();
        Assert.All(denials, e => Assert.Equal(AuditOutcomes.Denied, e.Outcome));
        Assert.Contains(denials, e => e.Reasons == "subject.provision_suspended");
        Assert.Contains(denials, e => e.Reasons == "provision.purpose_not_for_provision");
    }

    [Fact]
    public async Task A_continuous_flow_appends_to_one_batch_record()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));

        var first = await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.claims_and_changes", "consent", ["contact.name"], batch: true));
        host.Clock.Advance(TimeSpan.FromDays(30));
        var second = await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.claims_and_changes", "consent", ["contact.address", "contact.name"], batch: true));
        Assert.True(second.GetProperty("batch").GetBoolean());
        Assert.Equal(first.GetProperty("recordId").GetGuid(), second.GetProperty("recordId").GetGuid());

        var record = Assert.Single(await RecordsAsync(client, id));
        Assert.True(record.GetProperty("batch").GetBoolean());
        Assert.Equal(2, record.GetProperty("count").GetInt32());
        Assert.Equal(["contact.address", "contact.name"], record.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        var firstAt = record.GetProperty("firstAt").GetDateTimeOffset();
        var lastAt = record.GetProperty("lastAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(30), lastAt - firstAt);
        Assert.Equal(lastAt.AddYears(3), record.GetProperty("keepUntil").GetDateTimeOffset());

        // A single provision beside the flow gets a record of its own; a contract standing in keeps it 1 year.
        var single = await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.claims_and_changes", "consent", ["contact.name"],
            contractReference: "agency-contract-2026"));
        Assert.NotEqual(first.GetProperty("recordId").GetGuid(), single.GetProperty("recordId").GetGuid());
        var byContract = (await RecordsAsync(client, id)).Single(r => r.GetProperty("contractReference").GetString() == "agency-contract-2026");
        Assert.Equal(byContract.GetProperty("lastAt").GetDateTimeOffset().AddYears(1), byContract.GetProperty("keepUntil").GetDateTimeOffset());
    }

    [Fact]
    public async Task Joint_use_goes_to_the_joint_user_for_its_purposes_and_items_only_without_a_record()
    {
        var client = await ClientAsync(host);
        var tag = Tag();
        var id = await CreatePersonAsync(client, new
        {
            kind = "customer", channel = "automatic",
            items = new Dictionary<string, string> { ["contact.name"] = "鈴木 一" + tag, ["device.id"] = "dev-" + tag },
        });

        await DeniedAsync(await ProvideAsync(client, id, "partner_insurers", "agency.ad_delivery", "joint_use", ["device.id"]), "provision.not_joint_user");
        await DeniedAsync(await ProvideAsync(client, id, "kakacom", "agency.campaign", "joint_use", ["contact.name"]), "provision.purpose_not_joint_use");
        await DeniedAsync(await ProvideAsync(client, id, "kakacom", "agency.ad_delivery", "joint_use", ["contact.name"]), "provision.item_not_joint_use");

        var provided = await OkAsync(await ProvideAsync(client, id, "kakacom", "agency.ad_delivery", "joint_use", ["device.id"]));
        Assert.Equal("dev-" + tag, provided.GetProperty("data").GetProperty("device.id").GetString());
        Assert.False(provided.GetProperty("recordRequired").GetBoolean());
        Assert.Empty(await RecordsAsync(client, id));
        var entry = (await host.AuditEntriesAsync()).Last(e => e.Action == AuditActions.Provision && e.PersonId == id);
        Assert.Equal((AuditOutcomes.Allowed, "recipient:kakacom"), (entry.Outcome, entry.Target));
    }

    [Fact]
    public async Task Only_holders_of_the_provision_permission_provide()
    {
        var owner = await ClientAsync(host);
        var id = await CreatePersonAsync(owner, Customer(Tag()));
        foreach (var role in new[] { Roles.Operator, Roles.Marketing })
        {
            var client = await ClientAsync(host, role);
            var response = await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", ["contact.name"]);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        var system = await ClientAsync(host, Roles.System);
        await OkAsync(await ProvideAsync(system, id, "partner_insurers", "agency.quote_application", "consent", ["contact.name"]));
    }
}

public sealed class ProvisionsApiOnSqlite(SqliteHost host) : ProvisionsApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ProvisionsApiOnPostgres(PostgresHost host) : ProvisionsApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
