using System.Net;
using System.Net.Http.Json;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Provision.ProvisionTestKit;

namespace Mamori.Tests.Parties;

/// <summary>The console's party pages as a privacy officer uses them, the public co-solicitor list the notice links to,
/// and who may open which page.</summary>
public abstract class ConsolePartiesTests<THost>(THost host) where THost : MamoriHost
{
    private Task<HttpClient> SignedInAsync(string role) => host.SignedInClientAsync(role);

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_co_solicitor_registered_in_the_console_appears_on_the_public_list_the_notice_links_to()
    {
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var (status, form) = await PageAsync(officer, "/console/parties?kind=co_solicitor");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"nav-parties\"", form, StringComparison.Ordinal);
        Assert.Contains("当事者の登録", form, StringComparison.Ordinal);

        var tag = Tag();
        var response = await Forms.PostAsync(officer, "/console/parties", new()
        {
            ["Form.Code"] = "co-" + tag,
            ["Form.Kind"] = "co_solicitor",
            ["Form.NameJa"] = "さくら保険代理店" + tag,
            ["Form.NameEn"] = "Sakura Insurance Agency " + tag,
            ["Form.Address"] = "福岡県福岡市中央区天神1-1-1",
            ["Form.Representative"] = "代表取締役 佐々木 次郎",
            ["Form.Country"] = "JP",
            ["Form.Contract"] = "機密保持契約（2024-10-01）",
            ["Form.Listed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/console/parties/[0-9a-f-]{36}\\?lang=ja&saved=1$", location);
        var (_, detail) = await PageAsync(officer, location);
        Assert.Contains("data-kind=\"co_solicitor\"", detail, StringComparison.Ordinal);
        Assert.Contains("個人情報の保護に関する法律が適用されます。", detail, StringComparison.Ordinal);

        // An unlisted co-solicitor stays off the public page.
        var api = await ClientAsync(host);
        await OkAsync(await api.PostAsJsonAsync("/api/v1/parties", new
        {
            code = "hidden-" + tag, kind = "co_solicitor", nameJa = "非掲載代理店" + tag, country = "JP", listed = false,
        }, Ct));

        var notice = await host.CreateClient().GetStringAsync("/privacy", Ct);
        Assert.Contains("href=\"/privacy/co-solicitors\"", notice, StringComparison.Ordinal);
        var (publicStatus, list) = await PageAsync(host.CreateClient(), "/privacy/co-solicitors");
        Assert.Equal(HttpStatusCode.OK, publicStatus);
        Assert.Contains("共同募集人一覧", list, StringComparison.Ordinal);
        Assert.Contains("さくら保険代理店" + tag, list, StringComparison.Ordinal);
        Assert.Contains("福岡県福岡市中央区天神1-1-1", list, StringComparison.Ordinal);
        Assert.Contains("個人情報の取扱いに関する機密保持契約", list, StringComparison.Ordinal);
        Assert.DoesNotContain("非掲載代理店" + tag, list, StringComparison.Ordinal);
        var (_, english) = await PageAsync(host.CreateClient(), "/privacy/co-solicitors?lang=en");
        Assert.Contains("Sakura Insurance Agency " + tag, english, StringComparison.Ordinal);
        Assert.Contains("Co-solicitors with a co-solicitation contract with us", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_form_shows_its_code_and_records_nothing()
    {
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var response = await Forms.PostAsync(officer, "/console/parties", new()
        {
            ["Form.Code"] = "Not A Code",
            ["Form.Kind"] = "partner",
            ["Form.NameJa"] = "提携先",
            ["Form.Country"] = "JP",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data-code=\"party.code_invalid\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outsourcing_page_marks_a_contractor_whose_evaluation_is_overdue()
    {
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var tag = Tag();
        var response = await Forms.PostAsync(officer, "/console/parties", new()
        {
            ["Form.Code"] = "ct-" + tag,
            ["Form.Kind"] = "contractor",
            ["Form.NameJa"] = "配送代行株式会社" + tag,
            ["Form.Country"] = "JP",
            ["Form.EntrustedWork"] = "書類の発送",
            ["Form.EntrustedItems"] = "contact.address",
            ["Form.EvaluationIntervalMonths"] = "6",
        });
        var location = response.Headers.Location!.OriginalString;
        var (_, outsourcing) = await PageAsync(officer, "/console/parties/outsourcing");
        Assert.Contains($"data-party=\"ct-{tag}\" data-state=\"never_evaluated\"", outsourcing, StringComparison.Ordinal);

        var page = location[..location.IndexOf('?', StringComparison.Ordinal)];
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        var evaluated = await Forms.PostAsync(officer, location, new()
        {
            ["Evaluation.EvaluatedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Evaluation.Result"] = "needs_improvement",
            ["Evaluation.Notes"] = "アクセス権限の見直しを指示",
        }, page + "?handler=Evaluate&lang=ja");
        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);
        (_, outsourcing) = await PageAsync(officer, "/console/parties/outsourcing");
        Assert.Contains($"data-party=\"ct-{tag}\" data-state=\"current\"", outsourcing, StringComparison.Ordinal);
        Assert.Contains("要改善", outsourcing, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromDays(190));
        // The sign-in does not last half a year: sign in again.
        (_, outsourcing) = await PageAsync(await SignedInAsync(Roles.PrivacyOfficer), "/console/parties/outsourcing?lang=en");
        Assert.Contains($"data-party=\"ct-{tag}\" data-state=\"overdue\"", outsourcing, StringComparison.Ordinal);
        Assert.Contains("Overdue", outsourcing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_joint_use_view_records_view_and_purge_work_for_the_officer()
    {
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var (_, joint) = await PageAsync(officer, "/console/parties/joint-use");
        Assert.Contains("data-purpose=\"agency.ad_delivery\"", joint, StringComparison.Ordinal);
        Assert.Contains("data-user=\"kakacom\"", joint, StringComparison.Ordinal);
        Assert.Contains("株式会社カカコム", joint, StringComparison.Ordinal);

        var api = await ClientAsync(host);
        var person = await CreatePersonAsync(api, Customer(Tag()));
        await OkAsync(await ProvideAsync(api, person, "partner_insurers", "agency.quote_application", "consent", ["contact.name"]));
        var (_, records) = await PageAsync(officer, $"/console/parties/records?personId={person}");
        Assert.Contains("data-kind=\"art29\"", records, StringComparison.Ordinal);
        Assert.Contains("提携保険会社", records, StringComparison.Ordinal);

        var purged = await Forms.PostAsync(officer, "/console/parties/purge", new());
        Assert.Equal(HttpStatusCode.Redirect, purged.StatusCode);
        var (_, purges) = await PageAsync(officer, "/console/parties/purge");
        Assert.Contains("data-purge=", purges, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notice_names_each_party_abroad_and_each_registered_contractor_with_its_countrys_regime()
    {
        var api = await ClientAsync(host);
        var tag = Tag();
        await OkAsync(await api.PostAsJsonAsync("/api/v1/parties", new
        {
            code = "cloud-" + tag, kind = "contractor", nameJa = "クラウド保管サービス" + tag, nameEn = "Cloud Storage Service " + tag, country = "US",
            contract = "データ処理契約", entrustedItems = new[] { "contact.name" },
        }, Ct));
        await OkAsync(await api.PostAsJsonAsync("/api/v1/parties", new
        {
            code = "local-" + tag, kind = "contractor", nameJa = "国内印刷株式会社" + tag, country = "JP", contract = "業務委託契約",
        }, Ct));

        var (_, notice) = await PageAsync(host.CreateClient(), "/privacy");
        var abroad = notice[notice.IndexOf("id=\"foreign-recipients\"", StringComparison.Ordinal)..];
        abroad = abroad[..abroad.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("Google LLC", abroad, StringComparison.Ordinal);
        Assert.Contains("クラウド保管サービス" + tag, abroad, StringComparison.Ordinal);
        Assert.Contains("米国には、個人情報の保護に関する包括的な連邦法はなく", abroad, StringComparison.Ordinal);
        Assert.DoesNotContain("国内印刷株式会社" + tag, abroad, StringComparison.Ordinal);
        var contractors = notice[notice.IndexOf("id=\"contractors\"", StringComparison.Ordinal)..];
        Assert.Contains("国内印刷株式会社" + tag, contractors[..contractors.IndexOf("</table>", StringComparison.Ordinal)], StringComparison.Ordinal);

        var (_, english) = await PageAsync(host.CreateClient(), "/privacy?lang=en");
        Assert.Contains("Recipients and contractors abroad", english, StringComparison.Ordinal);
        Assert.Contains("Cloud Storage Service " + tag, english, StringComparison.Ordinal);
        Assert.Contains("The United States has no comprehensive federal law", english, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, bool> Pages => new()
    {
        { "/console/parties", Roles.PrivacyOfficer, true },
        { "/console/parties", Roles.Operator, false },
        { "/console/parties", Roles.Auditor, false },
        { "/console/parties", Roles.Marketing, false },
        { "/console/parties/outsourcing", Roles.Operator, false },
        { "/console/parties/joint-use", Roles.Auditor, false },
        { "/console/parties/records", Roles.Operator, true },
        { "/console/parties/records", Roles.Auditor, false },
        { "/console/parties/purge", Roles.PrivacyOfficer, true },
        { "/console/parties/purge", Roles.Operator, false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Party_pages_follow_the_permission_table(string page, string role, bool allowed)
    {
        var client = await SignedInAsync(role);
        var response = await client.GetAsync(page, Ct);
        if (allowed)
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_sign_in_the_console_pages_send_to_login_and_the_public_list_opens()
    {
        var anonymous = host.CreateClient();
        var response = await anonymous.GetAsync("/console/parties", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/console/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/privacy/co-solicitors?lang=en", Ct)).StatusCode);
    }
}

public sealed class ConsolePartiesOnSqlite(SqliteHost host) : ConsolePartiesTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsolePartiesOnPostgres(PostgresHost host) : ConsolePartiesTests<PostgresHost>(host), IClassFixture<PostgresHost>;
