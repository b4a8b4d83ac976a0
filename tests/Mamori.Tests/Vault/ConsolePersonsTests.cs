using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Decisions;
using Mamori.Host.Web;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Vault;

/// <summary>The console's persons pages, as staff use them: find, open, choose a purpose, read, change.</summary>
public abstract partial class ConsolePersonsTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Tag() => Random.Shared.Next(1000, 9999) + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A customer's values, unique per test so one test's person is never another's.</summary>
    private sealed record Customer(string Tag)
    {
        public string Name => "山田 太郎" + Tag;
        public string Kana => "ヤマダ タロウ" + Tag;
        public string Birthdate => "1980-04-01";
        public string Email => $"taro.{Tag}@example.jp";
        public string Phone => "090-1234-" + Tag[..4];
        public string Address => "東京都港区新橋" + Tag;
        public string MedicalHistory => "高血圧" + Tag;
    }

    private Task<HttpClient> SignedInAsync(string role) => host.SignedInClientAsync(role);

    /// <summary>Records a customer through the new-person form, with a medical history resting on written consent.</summary>
    private static async Task<Guid> RecordAsync(HttpClient client, Customer c)
    {
        var response = await Forms.PostAsync(client, "/console/persons/new", new()
        {
            ["Form.Kind"] = "customer",
            ["Form.Channel"] = "direct",
            ["Form.Name"] = c.Name,
            ["Form.NameKana"] = c.Kana,
            ["Form.Birthdate"] = c.Birthdate,
            ["Form.Phone"] = c.Phone,
            ["Form.Email"] = c.Email,
            ["Form.Address"] = c.Address,
            ["Form.Extra[0].Category"] = "health.medical_history",
            ["Form.Extra[0].Value"] = c.MedicalHistory,
            ["Form.SensitiveGround"] = "insurance_business",
            ["Form.WrittenConsent"] = "consent-form-" + c.Tag,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/console/persons/[0-9a-f-]{36}\\?lang=ja&created=1$", location);
        return Guid.Parse(location["/console/persons/".Length..][..36]);
    }

    private static async Task<(HttpStatusCode Status, string Html)> SearchAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await Forms.PostAsync(client, "/console/persons", fields);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    private static List<Guid> Found(string html) => [.. PersonRow().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value))];

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task An_operator_finds_a_person_by_email_opens_them_and_sees_only_what_identity_checks_may_use()
    {
        var client = await SignedInAsync(Roles.Operator);
        var c = new Customer(Tag());
        var id = await RecordAsync(client, c);

        var (status, results) = await SearchAsync(client, new() { ["Email"] = "  " + c.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([id], Found(results));
        Assert.Contains($"href=\"/console/persons/{id}?lang=ja\"", results, StringComparison.Ordinal);
        Assert.Contains("保険代理店事業におけるお客様", results, StringComparison.Ordinal);
        // Ids and kinds only: not even the email searched for comes back.
        Assert.DoesNotContain(c.Email, results, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(c.Name, results, StringComparison.Ordinal);

        // Opened without a purpose: nothing but the kind and the purposes to choose from.
        var (_, unchosen) = await PageAsync(client, $"/console/persons/{id}?lang=ja&created=1");
        Assert.Contains(Ui.T("ja", "persons.created"), unchosen, StringComparison.Ordinal);
        Assert.Contains("id=\"choose-purpose\"", unchosen, StringComparison.Ordinal);
        // The person's Art. 29–31 records are one click away (their own page, audited when read).
        Assert.Contains($"href=\"/console/parties/records?personId={id}&lang=ja\"", unchosen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PageAsync(client, $"/console/parties/records?personId={id}")).Item1);
        Assert.Contains("<option value=\"agency.identity_check\">", unchosen, StringComparison.Ordinal);
        Assert.DoesNotContain("hr.personnel_management", unchosen, StringComparison.Ordinal);
        foreach (var value in new[] { c.Email, c.Name, c.Phone, c.Address, c.MedicalHistory })
            Assert.DoesNotContain(value, unchosen, StringComparison.Ordinal);

        var (ok, html) = await PageAsync(client, $"/console/persons/{id}?purpose=agency.identity_check");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(["contact.birthdate", "contact.email", "contact.name", "contact.name_kana", "contact.phone"],
            ItemCategory().Matches(html).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        foreach (var value in new[] { c.Email, c.Name, c.Kana, c.Phone, c.Birthdate })
            Assert.Contains(value, html, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Address, html, StringComparison.Ordinal);
        Assert.DoesNotContain(c.MedicalHistory, html, StringComparison.Ordinal);

        // The withheld list names the categories and says why, in words.
        Assert.Equal(["contact.address", "health.medical_history"],
            WithheldCategory().Matches(html).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
        Assert.Contains(Ui.Reason("ja", DecisionCodes.CategoryNotAllowedForPurpose), html, StringComparison.Ordinal);

        // Provenance: the channel, the policy version, who recorded it.
        Assert.Contains("本人から直接", html, StringComparison.Ordinal);
        Assert.Contains("2024-07-01", html, StringComparison.Ordinal);
        Assert.Contains("operator-", html, StringComparison.Ordinal);

        // The same page in English, purpose kept by the language switch.
        Assert.Contains($"/console/persons/{id}?lang=en&purpose=agency.identity_check", html, StringComparison.Ordinal);
        var (_, english) = await PageAsync(client, $"/console/persons/{id}?purpose=agency.identity_check&lang=en");
        Assert.Contains("What this purpose may use", english, StringComparison.Ordinal);
        Assert.Contains(Ui.Reason("en", DecisionCodes.CategoryNotAllowedForPurpose), english, StringComparison.Ordinal);
        Assert.Contains(c.Email, english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_purpose_that_does_not_apply_shows_the_reasons_in_words_instead_of_data()
    {
        var client = await SignedInAsync(Roles.Operator);
        var c = new Customer(Tag());
        var id = await RecordAsync(client, c);

        var (_, html) = await PageAsync(client, $"/console/persons/{id}?purpose=hr.personnel_management");
        Assert.Contains("id=\"denied\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-reason=\"{DecisionCodes.PurposeNotForSubjectKind}\"", html, StringComparison.Ordinal);
        Assert.Contains(Ui.Reason("ja", DecisionCodes.PurposeNotForSubjectKind), html, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Email, html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-category=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspension_of_use_is_shown_and_blocks_reading()
    {
        var client = await SignedInAsync(Roles.Operator);
        var c = new Customer(Tag());
        var id = await RecordAsync(client, c);
        await host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<Mamori.Data.MamoriDb>();
            var person = await db.Set<Mamori.Vault.Person>().SingleAsync(p => p.Id == id, Ct);
            person.UseSuspended = true;
            return await db.SaveChangesAsync(Ct);
        });

        var (_, html) = await PageAsync(client, $"/console/persons/{id}?purpose=agency.identity_check");
        Assert.Contains("id=\"use-suspended\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-reason=\"{DecisionCodes.SubjectUseSuspended}\"", html, StringComparison.Ordinal);
        Assert.Contains(Ui.Reason("ja", DecisionCodes.SubjectUseSuspended), html, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Email, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_search_needs_the_right_birthdate()
    {
        var client = await SignedInAsync(Roles.Operator);
        var c = new Customer(Tag());
        var id = await RecordAsync(client, c);

        var (wrongStatus, wrong) = await SearchAsync(client, new() { ["Name"] = c.Kana, ["Birthdate"] = "1980-04-02" });
        Assert.Equal(HttpStatusCode.OK, wrongStatus);
        Assert.Contains("id=\"no-results\"", wrong, StringComparison.Ordinal);
        Assert.Empty(Found(wrong));

        var (_, right) = await SearchAsync(client, new() { ["Name"] = "やまだ たろう" + c.Tag, ["Birthdate"] = c.Birthdate });
        Assert.Equal([id], Found(right));

        var (missingStatus, missing) = await SearchAsync(client, new() { ["Name"] = c.Name });
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Contains("data-code=\"search.birthdate_required\"", missing, StringComparison.Ordinal);
        Assert.Contains(Ui.Error("ja", "search.birthdate_required"), missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_changes_the_value_and_records_who_made_it()
    {
        var client = await SignedInAsync(Roles.Operator);
        var c = new Customer(Tag());
        var id = await RecordAsync(client, c);
        var page = $"/console/persons/{id}?purpose=agency.identity_check";
        var newPhone = "080-9876-" + c.Tag[..4];

        var response = await Forms.PostAsync(client, page, new() { ["Edit.Category"] = "contact.phone", ["Edit.Value"] = newPhone },
            $"/console/persons/{id}?handler=Update&purpose=agency.identity_check&lang=ja");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/console/persons/{id}?lang=ja&purpose=agency.identity_check&saved=1", response.Headers.Location!.OriginalString);

        var (_, html) = await PageAsync(client, response.Headers.Location!.OriginalString);
        Assert.Contains("id=\"notice\"", html, StringComparison.Ordinal);
        Assert.Contains(newPhone, html, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Phone, html, StringComparison.Ordinal);
        Assert.Equal([id], Found((await SearchAsync(client, new() { ["Phone"] = newPhone })).Html));
        Assert.Empty(Found((await SearchAsync(client, new() { ["Phone"] = c.Phone })).Html));

        // A category the purpose may not use is refused with its code, in words, and nothing changes.
        var refused = await Forms.PostAsync(client, page, new() { ["Edit.Category"] = "contact.address", ["Edit.Value"] = "大阪府" + c.Tag },
            $"/console/persons/{id}?handler=Update&purpose=agency.identity_check");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains($"data-code=\"{DecisionCodes.CategoryNotAllowedForPurpose}\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains(Ui.Reason("ja", DecisionCodes.CategoryNotAllowedForPurpose), refusedHtml, StringComparison.Ordinal);
        var (_, solicitation) = await PageAsync(client, $"/console/persons/{id}?purpose=agency.solicitation");
        Assert.Contains(c.Address, solicitation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_are_uploaded_checked_by_content_and_downloaded_as_attachments_under_the_purpose()
    {
        var client = await SignedInAsync(Roles.Operator);
        var id = await RecordAsync(client, new Customer(Tag()));
        var page = $"/console/persons/{id}?purpose=agency.claims_and_changes";
        var upload = $"/console/persons/{id}?handler=Upload&purpose=agency.claims_and_changes";
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 scanned application " + Guid.NewGuid());

        var stored = await Forms.PostFileAsync(client, page, new() { ["category"] = "identity.document_copy" }, "file", "scan.pdf", "application/pdf", pdf, upload);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);

        var (_, html) = await PageAsync(client, page);
        var link = DownloadLink().Match(html);
        Assert.True(link.Success, "no download link");
        var download = await client.GetAsync(link.Groups[1].Value, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("identity.document_copy-", download.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));

        // The same file under a purpose that may not use copies of identity documents is refused.
        var wrongPurpose = await client.GetAsync(link.Groups[1].Value.Replace("agency.claims_and_changes", "agency.identity_check", StringComparison.Ordinal), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wrongPurpose.StatusCode);
        Assert.Contains(DecisionCodes.CategoryNotAllowedForPurpose, await wrongPurpose.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // A file that only claims to be a PDF is refused by its content.
        var fake = await Forms.PostFileAsync(client, page, new() { ["category"] = "identity.document_copy" }, "file", "fake.pdf", "application/pdf",
            Encoding.UTF8.GetBytes("<html>not a pdf</html>"), upload);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("data-code=\"item.file_type_unsupported\"", await fake.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_person_form_shows_the_vault_error_and_keeps_the_values_except_sensitive_ones()
    {
        var client = await SignedInAsync(Roles.Operator);
        var c = new Customer(Tag());
        var response = await Forms.PostAsync(client, "/console/persons/new", new()
        {
            ["Form.Kind"] = "customer",
            ["Form.Channel"] = "direct",
            ["Form.Name"] = c.Name,
            ["Form.Email"] = c.Email,
            ["Form.Extra[0].Category"] = "health.medical_history",
            ["Form.Extra[0].Value"] = c.MedicalHistory,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-code=\"sensitive.no_ground\"", html, StringComparison.Ordinal);
        Assert.Contains(Ui.Error("ja", "sensitive.no_ground"), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{c.Name}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{c.Email}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(c.MedicalHistory, html, StringComparison.Ordinal);

        var thirdParty = await Forms.PostAsync(client, "/console/persons/new", new()
        {
            ["Form.Kind"] = "customer", ["Form.Channel"] = "third_party", ["Form.Email"] = c.Email,
        });
        Assert.Contains("data-code=\"person.source_required\"", await thirdParty.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_rejected()
    {
        var client = await SignedInAsync(Roles.Operator);
        var c = new Customer(Tag());
        var id = await RecordAsync(client, c);

        var search = await client.PostAsync("/console/persons", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = c.Email }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.DoesNotContain(id.ToString(), await search.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var edit = await client.PostAsync($"/console/persons/{id}?handler=Update&purpose=agency.identity_check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Edit.Category"] = "contact.phone", ["Edit.Value"] = "000" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Contains(c.Phone, (await PageAsync(client, $"/console/persons/{id}?purpose=agency.identity_check")).Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> DeniedRolesAndPages => new()
    {
        { Roles.Auditor, "/console/persons" },
        { Roles.Auditor, "/console/persons/new" },
        { Roles.Auditor, "/console/persons/{id}?purpose=agency.identity_check" },
        { Roles.Marketing, "/console/persons" },
        { Roles.Marketing, "/console/persons/new" },
        { Roles.Marketing, "/console/persons/{id}?purpose=agency.identity_check" },
    };

    [Theory]
    [MemberData(nameof(DeniedRolesAndPages))]
    public async Task Auditors_and_marketing_are_denied_the_persons_pages(string role, string page)
    {
        var id = await RecordAsync(await SignedInAsync(Roles.Operator), new Customer(Tag()));
        var client = await SignedInAsync(role);

        var response = await client.GetAsync(page.Replace("{id}", id.ToString(), StringComparison.Ordinal), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nav-persons\"", await client.GetStringAsync("/console", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_links_to_persons_for_staff_who_read_personal_data_and_needs_a_session()
    {
        var client = await SignedInAsync(Roles.Operator);
        Assert.Contains("id=\"nav-persons\"", await client.GetStringAsync("/console", Ct), StringComparison.Ordinal);
        Assert.Contains("個人データ", await client.GetStringAsync("/console", Ct), StringComparison.Ordinal);
        Assert.Contains(">Persons</a>", await client.GetStringAsync("/console?lang=en", Ct), StringComparison.Ordinal);

        var anonymous = await host.CreateClient().GetAsync("/console/persons", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/console/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_person_is_a_404_page()
    {
        var client = await SignedInAsync(Roles.Operator);
        var (status, html) = await PageAsync(client, $"/console/persons/{Guid.NewGuid()}?purpose=agency.identity_check");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("data-code=\"person.not_found\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-person=\"([0-9a-f-]{36})\"")]
    private static partial Regex PersonRow();

    [GeneratedRegex("<article class=\"item\" data-category=\"([a-z_.]+)\"")]
    private static partial Regex ItemCategory();

    [GeneratedRegex("<li data-withheld=\"([a-z_.]+)\"")]
    private static partial Regex WithheldCategory();

    [GeneratedRegex("href=\"(/console/persons/[0-9a-f-]{36}\\?handler=File&itemId=[0-9a-f-]{36}&purpose=[a-z_.]+&lang=ja)\"")]
    private static partial Regex DownloadLink();
}

public sealed class ConsolePersonsOnSqlite(SqliteHost host) : ConsolePersonsTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsolePersonsOnPostgres(PostgresHost host) : ConsolePersonsTests<PostgresHost>(host), IClassFixture<PostgresHost>;

/// <summary>The console's words cover every reason a decision can give.</summary>
public sealed class ConsolePersonsWordsTests
{
    [Fact]
    public void Every_decision_code_has_words_in_Japanese_and_English()
    {
        var codes = typeof(DecisionCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(codes);
        foreach (var code in codes)
        {
            Assert.True(Ui.Has("reason." + code), $"no words for {code}");
            Assert.NotEqual(Ui.Reason("ja", code), Ui.Reason("en", code));
        }
    }
}
