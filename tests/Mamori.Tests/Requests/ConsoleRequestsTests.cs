using System.Net;
using System.Text.RegularExpressions;
using Mamori.Staff;
using Mamori.Tests.Incidents;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Requests.RequestsKit;

namespace Mamori.Tests.Requests;

/// <summary>The console's request pages as the agency uses them: an operator enters a letter, attaches the scans,
/// finds and matches the person, ticks the checklist and records the money order; the privacy officer carries the
/// request out and answers; the person downloads the answer with the password.</summary>
public abstract partial class ConsoleRequestsTests<THost>(THost host) where THost : MamoriHost
{
    private Task<HttpClient> SignedInAsync(string role) => host.SignedInClientAsync(role);

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    private static async Task StepAsync(HttpClient client, string page, string handler, Dictionary<string, string>? fields = null)
    {
        var response = await Forms.PostAsync(client, page, fields ?? [], $"{page}&handler={handler}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task A_mail_disclosure_goes_from_the_letter_to_the_persons_download()
    {
        var tag = Tag();
        var customer = await CustomerAsync(await ClientAsync(host), tag);
        var desk = await SignedInAsync(Roles.Operator);
        var (status, queue) = await PageAsync(desk, "/console/requests");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"nav-requests\"", queue, StringComparison.Ordinal);
        Assert.Contains("郵送された請求の登録", queue, StringComparison.Ordinal);

        var entered = await Forms.PostAsync(desk, "/console/requests", new()
        {
            ["Form.Kind"] = "disclosure",
            ["Form.ReceivedOn"] = "2026-11-27",
            ["Form.ResponseMethod"] = "electronic",
            ["Form.Name"] = customer.Name,
            ["Form.Birthdate"] = "1980-04-01",
            ["Form.Address"] = "東京都千代田区丸の内1-1-1",
            ["Form.Email"] = customer.Email,
            ["Form.AgentType"] = "none",
        });
        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var location = entered.Headers.Location!.OriginalString;
        Assert.Matches("^/console/requests/[0-9a-f-]{36}\\?lang=ja&created=1$", location);
        var id = location["/console/requests/".Length..][..36];
        var page = $"/console/requests/{id}?lang=ja";

        var (_, fresh) = await PageAsync(desk, location);
        Assert.Contains("data-status=\"received\"", fresh, StringComparison.Ordinal);
        Assert.Contains(customer.Name, fresh, StringComparison.Ordinal);
        Assert.Contains("data-fee-required=\"true\" data-fee-received=\"false\"", fresh, StringComparison.Ordinal);

        // Scans: a PDF goes in, a text file calling itself a PDF does not.
        var upload = await Forms.PostFileAsync(desk, page, new() { ["documentId"] = "identity_document" }, "file", "licence.pdf", "application/pdf", Pdf, $"{page}&handler=Upload");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var fake = await Forms.PostFileAsync(desk, page, new() { ["documentId"] = "application_form" }, "file", "form.pdf", "application/pdf", "hello"u8.ToArray(), $"{page}&handler=Upload");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, fake.StatusCode);
        Assert.Contains("data-code=\"request.document_type\"", await fake.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The person is found through the blind indexes and matched; the checklist is ticked with who and when.
        var (_, found) = await PageAsync(desk, page + "&candidates=true");
        Assert.Contains($"data-candidate=\"{customer.Id}\"", found, StringComparison.Ordinal);
        await StepAsync(desk, page, "Match", new() { ["personId"] = customer.Id.ToString() });
        foreach (var document in new[] { "application_form", "identity_document" })
            await StepAsync(desk, page, "Check", new() { ["documentId"] = document, ["isChecked"] = "true" });
        await StepAsync(desk, page, "Verify");
        var (_, verified) = await PageAsync(desk, page);
        Assert.Contains("data-status=\"verified\"", verified, StringComparison.Ordinal);
        Assert.Contains("data-document=\"identity_document\" data-checked=\"true\"", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fulfil\"", verified, StringComparison.Ordinal); // operators do not decide

        // An operator may not carry it out; the privacy officer may, once the money order is recorded.
        var forbidden = await Forms.PostAsync(desk, page, [], $"{page}&handler=Fulfil");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.Contains("/console/denied", forbidden.Headers.Location!.ToString(), StringComparison.Ordinal);
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var unpaid = await Forms.PostAsync(officer, page, [], $"{page}&handler=Fulfil");
        Assert.Equal(HttpStatusCode.Conflict, unpaid.StatusCode);
        Assert.Contains("data-code=\"request.fee_unpaid\"", await unpaid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await StepAsync(desk, page, "Fee");
        await StepAsync(officer, page, "Fulfil");
        var answered = await Forms.PostAsync(officer, page, [], $"{page}&handler=Answer");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var html = WebUtility.HtmlDecode(await answered.Content.ReadAsStringAsync(Ct));
        var link = LinkPattern().Match(html).Groups[1].Value;
        var password = PasswordPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Equal(12, password.Length);
        Assert.Contains("data-status=\"answered\"", html, StringComparison.Ordinal);

        // The person downloads it: a wrong password is refused, the right one gives the letter.
        var person = host.CreateClient();
        var wrong = await Forms.PostAsync(person, link, new() { ["Password"] = "not-the-password" });
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Contains("data-code=\"request.download_password\"", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var right = await Forms.PostAsync(person, link, new() { ["Password"] = password });
        Assert.Equal("application/pdf", right.Content.Headers.ContentType?.MediaType);
        var letter = await PdfText.ExtractAsync(await right.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(customer.Name, letter, StringComparison.Ordinal);
        Assert.Contains("自動車保険の相談" + tag, letter, StringComparison.Ordinal);

        // Past its expiry the link no longer works.
        host.Clock.Advance(TimeSpan.FromDays(15));
        var expired = await Forms.PostAsync(person, link, new() { ["Password"] = password });
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
    }

    [Fact]
    public async Task The_queue_marks_what_is_late_and_refusal_names_its_ground()
    {
        var customer = await CustomerAsync(await ClientAsync(host), Tag());
        var api = await ClientAsync(host, Roles.Operator);
        var late = (await OpenAsync(api, Application("deletion", customer, categories: ["consultation.content"],
            receivedAt: host.Clock.GetUtcNow().AddDays(-20)))).GetProperty("id").GetGuid();
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var (_, queue) = await PageAsync(officer, "/console/requests?lang=en");
        Assert.Contains($"data-request=\"{late}\" data-urgency=\"overdue\"", queue, StringComparison.Ordinal);
        Assert.Contains("Overdue", queue, StringComparison.Ordinal);

        var page = $"/console/requests/{late}?lang=ja";
        await StepAsync(officer, page, "Refuse", new() { ["ground"] = "incomplete_documents", ["reason"] = "本人確認書類が同封されていませんでした" });
        var (_, refused) = await PageAsync(officer, page);
        Assert.Contains("data-status=\"refused\"", refused, StringComparison.Ordinal);
        Assert.Contains("data-ground=\"incomplete_documents\"", refused, StringComparison.Ordinal);
        Assert.Contains("id=\"package-pdf\"", refused, StringComparison.Ordinal);
        var (_, after) = await PageAsync(officer, "/console/requests");
        Assert.DoesNotContain($"data-request=\"{late}\"", after, StringComparison.Ordinal);

        // Once shredded, the page keeps the record of handling and says the personal data is gone.
        await OkAsync(await RequestsKit.StepAsync(await ClientAsync(host), late, "shredding", new { reason = "retention over" }));
        var (_, shredded) = await PageAsync(officer, page);
        Assert.Contains("id=\"shredded\"", shredded, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.Name, shredded, StringComparison.Ordinal);
        Assert.Contains("data-to=\"refused\"", shredded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Marketing)]
    public async Task Roles_without_the_permission_are_denied(string role)
    {
        var client = await SignedInAsync(role);
        foreach (var path in new[] { "/console/requests", $"/console/requests/{Guid.NewGuid()}" })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("nav-requests", await client.GetStringAsync("/console", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_online_form_is_off_while_the_policy_takes_requests_by_post()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync("/privacy/requests/new", Ct)).StatusCode);
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/console/requests/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [GeneratedRegex("<code id=\"answer-link\">([^<]+)</code>")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<code id=\"answer-password\">([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}

public sealed class ConsoleRequestsOnSqlite(SqliteHost host) : ConsoleRequestsTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsoleRequestsOnPostgres(PostgresHost host) : ConsoleRequestsTests<PostgresHost>(host), IClassFixture<PostgresHost>;
