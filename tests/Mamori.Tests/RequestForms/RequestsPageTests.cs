using System.Net;
using System.Text.RegularExpressions;
using Mamori.Policy;
using Mamori.Tests.Incidents;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.RequestForms;

/// <summary>/privacy/requests as a person reads it, in Japanese and English, and the forms it offers as PDFs.</summary>
public abstract partial class RequestsPageTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PolicyDocument Policy => host.App.Services.GetRequiredService<CurrentPolicy>().Document;

    private async Task<string> PageAsync(string path)
    {
        var response = await host.CreateClient().GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public async Task The_page_says_everything_the_policy_says_about_requests(string lang)
    {
        var html = await PageAsync(lang == "en" ? "/privacy/requests?lang=en" : "/privacy/requests");
        var requests = Policy.Requests;
        Assert.Contains($"<html lang=\"{lang}\">", html, StringComparison.Ordinal);
        Assert.Contains(requests.Statement.In(lang), html, StringComparison.Ordinal);
        Assert.Equal(9, requests.Kinds.Count);
        foreach (var kind in requests.Kinds)
            Assert.Contains($"<tr data-kind=\"{kind.Id}\"><td>{kind.Label.In(lang)}</td>", html, StringComparison.Ordinal);
        Assert.Contains(requests.MailTo.Text.In(lang), html, StringComparison.Ordinal);
        Assert.Contains("〒105-0004", html, StringComparison.Ordinal);
        foreach (var document in requests.Documents.Concat(requests.AppointedAgentDocuments).Concat(requests.LegalAgentDocuments))
        {
            Assert.Contains(document.Label.In(lang), html, StringComparison.Ordinal);
            if (document.Note is { } note)
                Assert.Contains(note.In(lang), html, StringComparison.Ordinal);
        }
        Assert.Contains(requests.Fee.Method.In(lang), html, StringComparison.Ordinal);
        Assert.Contains(requests.Fee.Note.In(lang), html, StringComparison.Ordinal);
        Assert.Contains(lang == "en" ? "<strong>¥1,000</strong>" : "<strong>1,000円</strong>", html, StringComparison.Ordinal);
        foreach (var method in requests.ResponseMethods)
            Assert.Contains(method.Label.In(lang), html, StringComparison.Ordinal);
        Assert.Contains(requests.ResponseStatement.In(lang), html, StringComparison.Ordinal);
        Assert.Contains(requests.UseOfRequestData.In(lang), html, StringComparison.Ordinal);
        foreach (var ground in Policy.RefusalGrounds)
            Assert.Contains(ground.Label.In(lang), html, StringComparison.Ordinal);
        Assert.Contains(lang == "en" ? "within 7 days, and within 14 days at the latest" : "受付から7日以内、遅くとも14日以内", html, StringComparison.Ordinal);
        Assert.False(Policy.Controller.ContactWindow.AcceptsVisits);
        Assert.Contains(lang == "en" ? "We cannot accept requests made in person at our offices." : "ご来社いただいてのお申し出はお受けいたしかねます。", html, StringComparison.Ordinal);
        // Both forms to download; the online form is not offered while the policy keeps it off.
        Assert.Contains("href=\"/privacy/requests/forms/application.pdf\" data-form=\"application_form\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/privacy/requests/forms/power-of-attorney.pdf\" data-form=\"power_of_attorney\"", html, StringComparison.Ordinal);
        Assert.False(requests.OnlineForm);
        Assert.DoesNotContain("/privacy/requests/new", html, StringComparison.Ordinal);
        // The page is wholly in one language: no Japanese label leaks into the English page.
        if (lang == "en")
            Assert.DoesNotContain(requests.Kinds[0].Label.Ja, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_link_of_the_notice_into_Mamori_resolves()
    {
        foreach (var lang in new[] { "ja", "en" })
        {
            var notice = await PageAsync("/privacy?lang=" + lang);
            var links = HrefPattern().Matches(notice).Select(m => m.Groups[1].Value)
                .Where(h => h.StartsWith("/privacy/requests", StringComparison.Ordinal) || h.StartsWith("/privacy/inquiry", StringComparison.Ordinal))
                .Distinct().ToList();
            Assert.Contains(links, l => l.StartsWith("/privacy/requests", StringComparison.Ordinal) && !l.Contains("/forms/", StringComparison.Ordinal));
            Assert.Contains(links, l => l.StartsWith("/privacy/inquiry", StringComparison.Ordinal));
            Assert.Contains("/privacy/requests/forms/application.pdf", links);
            Assert.Contains("/privacy/requests/forms/power-of-attorney.pdf", links);
            // Every link of the notice into Mamori resolves, not only the desk's (the DMP opt-out, cookies, versions…).
            var internalLinks = HrefPattern().Matches(notice).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
                .Where(h => !h.StartsWith("/console", StringComparison.Ordinal)) // the layout's staff link: a sign-in redirect
                .Distinct().ToList();
            Assert.Superset(links.ToHashSet(), internalLinks.ToHashSet());
            foreach (var link in internalLinks)
            {
                var response = await host.CreateClient().GetAsync(link, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task The_application_form_is_a_japanese_pdf_drawn_from_the_policy()
    {
        var response = await host.CreateClient().GetAsync("/privacy/requests/forms/application.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var text = Flat(await PdfText.ExtractAsync(pdf));

        Assert.Contains("個人情報開示等申請書", text, StringComparison.Ordinal);
        Assert.Contains(Flat(Policy.Controller.Name.Ja) + "御中", text, StringComparison.Ordinal);
        foreach (var kind in Policy.Requests.Kinds)
            Assert.Contains(Flat(kind.Label.Ja), text, StringComparison.Ordinal);
        foreach (var heading in new[] { "請求の種類", "請求者（ご本人）", "代理人による請求の場合", "任意代理人", "法定代理人", "対象となる個人情報の項目", "回答方法", "手数料", "同封する書類", "当社記入欄" })
            Assert.Contains(heading, text, StringComparison.Ordinal);
        foreach (var method in Policy.Requests.ResponseMethods)
            Assert.Contains(Flat(method.Label.Ja), text, StringComparison.Ordinal);
        Assert.Contains("手数料1,000円", text, StringComparison.Ordinal);
        Assert.Contains("手数料不要", text, StringComparison.Ordinal);
        Assert.Contains("郵便定額小為替", text, StringComparison.Ordinal);
        Assert.Contains("印鑑証明書", text, StringComparison.Ordinal);
        Assert.Contains("〒105-0004", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_power_of_attorney_names_both_parties_the_matters_and_a_box_for_the_registered_seal()
    {
        var response = await host.CreateClient().GetAsync("/privacy/requests/forms/power-of-attorney.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = Flat(await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(Ct)));

        Assert.Contains("委任状", text, StringComparison.Ordinal);
        Assert.Contains("代理人（受任者）", text, StringComparison.Ordinal);
        Assert.Contains("委任者（ご本人）", text, StringComparison.Ordinal);
        Assert.Contains("上記の者を代理人と定め", text, StringComparison.Ordinal);
        foreach (var kind in Policy.Requests.Kinds)
            Assert.Contains("保有個人データの" + Flat(kind.Label.Ja) + "の請求に関する一切の権限", text, StringComparison.Ordinal);
        Assert.Contains("実印", text, StringComparison.Ordinal);
        Assert.Contains("氏名（自署）", text, StringComparison.Ordinal);
        Assert.Contains(Flat(Policy.Requests.AppointedAgentDocuments.Single(d => d.Id == "power_of_attorney").Note!.Ja), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_is_not_a_form_is_not_found()
    {
        var response = await host.CreateClient().GetAsync("/privacy/requests/forms/secret.pdf", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>pdftotext breaks lines (and may space) where the form wraps: compare without white space.</summary>
    private static string Flat(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

public sealed class RequestsPageOnSqlite(SqliteHost host) : RequestsPageTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class RequestsPageOnPostgres(PostgresHost host) : RequestsPageTests<PostgresHost>(host), IClassFixture<PostgresHost>;

/// <summary>The policy switches the online channel on: the page offers the online form (a host of its own, as the policy changes).</summary>
public abstract class OnlineRequestsPageTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_online_form_is_offered_once_the_policy_switches_it_on()
    {
        var yaml = await File.ReadAllTextAsync(MamoriHost.PolicyPath, Ct);
        var changed = yaml.Replace("  onlineForm: false\n", "  onlineForm: true\n", StringComparison.Ordinal)
            .Replace("version: \"2024-07-01\"", "version: \"2026-12-01\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", "effectiveFrom: 2026-12-01", StringComparison.Ordinal);
        Assert.Contains("  onlineForm: true\n", changed, StringComparison.Ordinal);
        var file = Path.Combine(host.Database.DataDirectory, "policy-online.yaml");
        await File.WriteAllTextAsync(file, changed, Ct);
        await host.RestartWithPolicyAsync(file);

        var html = WebUtility.HtmlDecode(await host.CreateClient().GetStringAsync("/privacy/requests?lang=en", Ct));
        Assert.Contains("<p id=\"online-form\">You can also apply online.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/privacy/requests/new?lang=en\"", html, StringComparison.Ordinal);
    }
}

public sealed class OnlineRequestsPageOnSqlite(SqliteHost host) : OnlineRequestsPageTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class OnlineRequestsPageOnPostgres(PostgresHost host) : OnlineRequestsPageTests<PostgresHost>(host), IClassFixture<PostgresHost>;
