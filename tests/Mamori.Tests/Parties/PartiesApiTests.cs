using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Provision.ProvisionTestKit;

namespace Mamori.Tests.Parties;

/// <summary>The registry of parties through the API: recording, changing, ending (audited), its rules and codes; provisions
/// resolving a registered party; contractor supervision on the host's clock.</summary>
public abstract class PartiesApiTests<THost>(THost host) where THost : MamoriHost
{
    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, object party) => client.PostAsJsonAsync("/api/v1/parties", party, Ct);

    private static object CoSolicitor(string code, bool listed = true) => new
    {
        code,
        kind = "co_solicitor",
        nameJa = "株式会社みらい保険サービス",
        nameEn = "Mirai Insurance Services Co., Ltd.",
        address = "東京都千代田区丸の内1-1-1",
        representative = "代表取締役 山田 太郎",
        country = "JP",
        contract = "個人情報の取扱いに関する機密保持契約（2025-04-01締結）",
        relationship = "共同募集に関する契約の相手方",
        listed,
    };

    private static object Contractor(string code, string country = "US") => new
    {
        code,
        kind = "contractor",
        nameJa = "クラウド運用株式会社",
        nameEn = "Cloud Operations Inc.",
        address = "1 Market St, San Francisco, CA",
        representative = "CEO Jane Doe",
        country,
        contract = "業務委託契約及び機密保持契約",
        entrustedWork = "顧客管理システムの運用保守",
        entrustedItems = new[] { "contact.name", "contact.email" },
        evaluationIntervalMonths = 12,
    };

    [Fact]
    public async Task A_party_is_recorded_changed_and_ended_each_audited_with_ids_only()
    {
        var client = await ClientAsync(host);
        var code = "co-" + Tag();
        var created = await OkAsync(await CreateAsync(client, CoSolicitor(code)));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("co_solicitors", created.GetProperty("policyRecipientId").GetString());
        Assert.Equal("代表取締役 山田 太郎", created.GetProperty("representative").GetString());
        Assert.Contains("個人情報の保護に関する法律", created.GetProperty("countryRegime").GetProperty("ja").GetString(), StringComparison.Ordinal);

        var changed = await client.PutAsJsonAsync($"/api/v1/parties/{id}", new
        {
            code, kind = "co_solicitor", nameJa = "株式会社みらい保険サービス", address = "東京都港区芝公園4-2-8", country = "JP", listed = true,
        }, Ct);
        Assert.Equal("東京都港区芝公園4-2-8", (await OkAsync(changed)).GetProperty("address").GetString());

        var listed = await OkAsync(await client.GetAsync("/api/v1/parties?kind=co_solicitor", Ct));
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("code").GetString() == code);
        var insurers = await OkAsync(await client.GetAsync("/api/v1/parties?kind=insurer", Ct));
        Assert.DoesNotContain(insurers.EnumerateArray(), p => p.GetProperty("code").GetString() == code);

        var ended = await OkAsync(await client.PostAsync($"/api/v1/parties/{id}/end", null, Ct));
        Assert.NotEqual(JsonValueKind.Null, ended.GetProperty("endedAt").ValueKind);
        await DeniedAsync(await client.PostAsync($"/api/v1/parties/{id}/end", null, Ct), "party.ended", HttpStatusCode.Conflict);

        var entries = (await host.AuditEntriesAsync()).Where(e => e.Target == "party:" + id.ToString("D")).ToList();
        Assert.Equal([AuditActions.PartyCreated, AuditActions.PartyUpdated, AuditActions.PartyEnded], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditOutcomes.Success, e.Outcome);
            Assert.DoesNotContain("山田", e.Categories + e.Reasons + e.Target, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Bad_particulars_are_refused_with_their_own_codes_and_nothing_is_stored()
    {
        var client = await ClientAsync(host);
        var code = "p-" + Tag();
        await DeniedAsync(await CreateAsync(client, new { code = "Bad Code", kind = "partner", nameJa = "x", country = "JP", policyRecipientId = "partners" }),
            "party.code_invalid", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "broker", nameJa = "x", country = "JP" }), "party.kind_unknown", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "partner", nameJa = "x", country = "JP", policyRecipientId = "co_solicitors" }),
            "party.policy_recipient_mismatch", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "partner", nameJa = "x", country = "JP", policyRecipientId = "nobody" }),
            "party.policy_recipient_unknown", HttpStatusCode.BadRequest);
        // ad_distributors and google are both ad distributors in the policy: the party must say which it belongs to.
        await DeniedAsync(await CreateAsync(client, new { code, kind = "ad_distributor", nameJa = "x", country = "JP" }),
            "party.policy_recipient_required", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "partner", nameJa = "x", country = "Japan" }), "party.country_invalid", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "partner", nameJa = "", country = "JP" }), "party.name_missing", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "partner", nameJa = new string('長', 201), country = "JP" }), "party.text_too_long", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "contractor", nameJa = "x", country = "JP", entrustedItems = new[] { "no.such" } }),
            "party.items_invalid", HttpStatusCode.BadRequest);
        await DeniedAsync(await CreateAsync(client, new { code, kind = "contractor", nameJa = "x", country = "JP", evaluationIntervalMonths = 0 }),
            "party.interval_invalid", HttpStatusCode.BadRequest);
        var none = await OkAsync(await client.GetAsync("/api/v1/parties", Ct));
        Assert.DoesNotContain(none.EnumerateArray(), p => p.GetProperty("code").GetString() == code);

        var party = await OkAsync(await CreateAsync(client, new { code, kind = "insurer", nameJa = "あおば生命保険株式会社", country = "JP" }));
        Assert.Equal("partner_insurers", party.GetProperty("policyRecipientId").GetString());
        await DeniedAsync(await CreateAsync(client, new { code, kind = "insurer", nameJa = "提携先", country = "JP" }), "party.code_taken", HttpStatusCode.Conflict);
        var id = party.GetProperty("id").GetGuid();
        await DeniedAsync(await client.PutAsJsonAsync($"/api/v1/parties/{id}", new { code = code + "x", kind = "insurer", nameJa = "提携先", country = "JP" }, Ct),
            "party.code_fixed", HttpStatusCode.BadRequest);
        await DeniedAsync(await client.GetAsync($"/api/v1/parties/{Guid.NewGuid()}", Ct), "party.not_found", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_provision_to_a_registered_co_solicitor_records_its_particulars_and_stops_when_it_ends()
    {
        var client = await ClientAsync(host);
        var code = "co-" + Tag();
        var party = await OkAsync(await CreateAsync(client, CoSolicitor(code)));
        var person = await CreatePersonAsync(client, Customer(Tag()));

        var provided = await OkAsync(await ProvideAsync(client, person, code, "agency.co_solicitor_provision", "request", ["contact.name", "contact.phone"]));
        Assert.NotEqual(JsonValueKind.Null, provided.GetProperty("recordId").ValueKind);
        var record = Assert.Single(await RecordsAsync(client, person));
        var recorded = record.GetProperty("party");
        Assert.Equal(code, recorded.GetProperty("recipientId").GetString());
        Assert.Equal("株式会社みらい保険サービス", recorded.GetProperty("name").GetString());
        Assert.Equal("東京都千代田区丸の内1-1-1", recorded.GetProperty("address").GetString());
        Assert.Equal("代表取締役 山田 太郎", recorded.GetProperty("representative").GetString());

        // The rules of the policy recipient it belongs to still hold: the §5 table's items only.
        await DeniedAsync(await ProvideAsync(client, person, code, "agency.co_solicitor_provision", "request", ["insurance.policy"]),
            "provision.item_not_in_co_solicitation");

        await OkAsync(await client.PostAsync($"/api/v1/parties/{party.GetProperty("id").GetGuid()}/end", null, Ct));
        await DeniedAsync(await ProvideAsync(client, person, code, "agency.co_solicitor_provision", "request", ["contact.name"]), "provision.recipient_ended");
        Assert.Single(await RecordsAsync(client, person));
    }

    [Fact]
    public async Task A_registered_joint_user_receives_only_for_the_joint_use_purposes()
    {
        var client = await ClientAsync(host);
        var code = "kakacom-" + Tag();
        await OkAsync(await CreateAsync(client, new
        {
            code, kind = "group_company", policyRecipientId = "kakacom", nameJa = "株式会社カカコム", address = "東京都渋谷区恵比寿南3-5-7",
            representative = "代表取締役社長 畑 彰之介", country = "JP", contract = "共同利用に関する取決め",
        }));
        var tag = Tag();
        var person = await CreatePersonAsync(client, new
        {
            kind = "customer", channel = "automatic",
            items = new Dictionary<string, string> { ["contact.name"] = "鈴木 一" + tag, ["device.id"] = "dev-" + tag },
        });

        await DeniedAsync(await ProvideAsync(client, person, code, "agency.campaign", "joint_use", ["device.id"]), "provision.purpose_not_joint_use");
        await DeniedAsync(await ProvideAsync(client, person, code, "agency.solicitation", "joint_use", ["device.id"]), "provision.purpose_not_joint_use");
        var provided = await OkAsync(await ProvideAsync(client, person, code, "agency.ad_delivery", "joint_use", ["device.id"]));
        Assert.Equal("dev-" + tag, provided.GetProperty("data").GetProperty("device.id").GetString());
        Assert.Empty(await RecordsAsync(client, person));
    }

    [Fact]
    public async Task A_contractor_is_never_evaluated_then_current_then_overdue_on_the_clock()
    {
        var client = await ClientAsync(host);
        var code = "ct-" + Tag();
        var party = await OkAsync(await CreateAsync(client, Contractor(code)));
        var id = party.GetProperty("id").GetGuid();
        Assert.Null(party.GetProperty("policyRecipientId").GetString());
        Assert.Equal(["contact.email", "contact.name"], party.GetProperty("entrustedItems").EnumerateArray().Select(i => i.GetString()));
        Assert.Contains("米国", party.GetProperty("countryRegime").GetProperty("ja").GetString(), StringComparison.Ordinal);

        Assert.Equal("never_evaluated", await StateAsync(client, code));

        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        await DeniedAsync(await EvaluateAsync(client, id, today.AddDays(1), "adequate"), "evaluation.date_invalid", HttpStatusCode.BadRequest);
        await DeniedAsync(await EvaluateAsync(client, id, today, "fine"), "evaluation.result_unknown", HttpStatusCode.BadRequest);
        var evaluation = await EvaluateAsync(client, id, today, "adequate");
        Assert.Equal(HttpStatusCode.Created, evaluation.StatusCode);

        var contractors = await OkAsync(await client.GetAsync("/api/v1/contractors", Ct));
        var mine = contractors.EnumerateArray().Single(c => c.GetProperty("party").GetProperty("code").GetString() == code);
        Assert.Equal("current", mine.GetProperty("state").GetString());
        Assert.Equal(today.AddMonths(12), DateOnly.Parse(mine.GetProperty("nextDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("adequate", mine.GetProperty("latest").GetProperty("result").GetString());

        // Twelve months are 365 or 366 days: still current after 360, overdue after 370.
        host.Clock.Advance(TimeSpan.FromDays(360));
        Assert.Equal("current", await StateAsync(client, code));
        host.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal("overdue", await StateAsync(client, code));

        var audited = (await host.AuditEntriesAsync()).Last(e => e.Action == AuditActions.ContractorEvaluated);
        Assert.Equal(("party:" + id.ToString("D"), "adequate"), (audited.Target, audited.Reasons));

        // Only contractors are evaluated.
        var other = await OkAsync(await CreateAsync(client, CoSolicitor("co-" + Tag())));
        await DeniedAsync(await EvaluateAsync(client, other.GetProperty("id").GetGuid(), TodayOn(host), "adequate"), "evaluation.not_contractor",
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_the_privacy_officer_manages_parties()
    {
        var officer = await ClientAsync(host);
        var code = "ct-" + Tag();
        var id = (await OkAsync(await CreateAsync(officer, Contractor(code)))).GetProperty("id").GetGuid();
        foreach (var role in new[] { Roles.Operator, Roles.Auditor, Roles.Marketing, Roles.System, Roles.Site })
        {
            var client = await ClientAsync(host, role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/parties", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await CreateAsync(client, CoSolicitor("co-" + Tag()))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/parties/{id}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/parties/{id}", Contractor(code), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/parties/{id}/end", null, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await EvaluateAsync(client, id, TodayOn(host), "adequate")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/contractors", Ct)).StatusCode);
        }
        // Nothing the refused callers sent took effect.
        var detail = await OkAsync(await officer.GetAsync($"/api/v1/parties/{id}", Ct));
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("party").GetProperty("endedAt").ValueKind);
        Assert.Empty(detail.GetProperty("evaluations").EnumerateArray());
        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/parties", Ct)).StatusCode);
        Assert.True(Roles.Allows(Roles.PrivacyOfficer, Permission.ManageParties));
    }

    private static DateOnly TodayOn(MamoriHost host) => DateOnly.FromDateTime(host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

    private static Task<HttpResponseMessage> EvaluateAsync(HttpClient client, Guid id, DateOnly on, string result) =>
        client.PostAsJsonAsync($"/api/v1/parties/{id}/evaluations",
            new { evaluatedOn = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result, notes = "監査報告書を確認" }, Ct);

    private static async Task<string> StateAsync(HttpClient client, string code)
    {
        var contractors = await OkAsync(await client.GetAsync("/api/v1/contractors", Ct));
        return contractors.EnumerateArray().Single(c => c.GetProperty("party").GetProperty("code").GetString() == code).GetProperty("state").GetString()!;
    }
}

public sealed class PartiesApiOnSqlite(SqliteHost host) : PartiesApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class PartiesApiOnPostgres(PostgresHost host) : PartiesApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
