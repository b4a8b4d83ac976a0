using System.Net;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Incidents;

/// <summary>The console's incident pages as a privacy officer uses them: record through the form, see the countdowns.</summary>
public abstract class ConsoleIncidentsTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> SignedInAsync(string role) => host.SignedInClientAsync(role);

    private static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_privacy_officer_records_an_incident_and_sees_its_countdowns()
    {
        var client = await SignedInAsync(Roles.PrivacyOfficer);
        var (status, form) = await PageAsync(client, "/console/incidents");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("事案の登録", form, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-incidents\"", form, StringComparison.Ordinal);

        // Known today (Friday 27 Nov 2026 on the host's clock), a malicious attack on over 1,000 persons.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var response = await Forms.PostAsync(client, "/console/incidents", new()
        {
            ["Form.DiscoveredOn"] = "2026-11-27",
            ["Form.DiscoveredBy"] = "システム部",
            ["Form.Summary"] = "会員サイトへの不正アクセス" + tag,
            ["Form.Cause"] = "脆弱性を突いた攻撃",
            ["Form.Items"] = "contact.email",
            ["Form.PersonsAffected"] = "1500",
            ["Form.Malicious"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/console/incidents/[0-9a-f-]{36}\\?lang=ja&created=1$", location);
        var id = location["/console/incidents/".Length..][..36];

        var (_, detail) = await PageAsync(client, location);
        Assert.Contains("data-reportable=\"true\"", detail, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"incident.malicious_act\"", detail, StringComparison.Ordinal);
        Assert.Contains("data-reason=\"incident.over_1000_persons\"", detail, StringComparison.Ordinal);
        // Day 3 = Sun 29 Nov → Mon 30 Nov (3 days left); day 5 = Tue 1 Dec (4 days left);
        // day 60 = Mon 25 Jan 2027 (59 days left).
        Assert.Contains("data-report=\"ppc_preliminary\" data-day=\"3\" data-due=\"2026-11-30\" data-days-left=\"3\"", detail, StringComparison.Ordinal);
        Assert.Contains("data-report=\"ppc_preliminary\" data-day=\"5\" data-due=\"2026-12-01\" data-days-left=\"4\"", detail, StringComparison.Ordinal);
        Assert.Contains("data-report=\"ppc_final\" data-day=\"60\" data-due=\"2027-01-25\" data-days-left=\"59\"", detail, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/incidents/{id}/report?format=pdf", detail, StringComparison.Ordinal);

        // The list shows the last day of each report with the days left.
        var (_, list) = await PageAsync(client, "/console/incidents?lang=en");
        Assert.Contains($"data-incident=\"{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("4 days left", list, StringComparison.Ordinal);
        Assert.Contains("Breach incidents", list, StringComparison.Ordinal);

        // The PDF link works with the console session.
        var pdf = await client.GetAsync($"/api/v1/incidents/{id}/report?format=pdf", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_overdue_deadline_is_marked()
    {
        var client = await SignedInAsync(Roles.PrivacyOfficer);
        var response = await Forms.PostAsync(client, "/console/incidents", new()
        {
            ["Form.DiscoveredOn"] = "2026-05-01",
            ["Form.DiscoveredBy"] = "コールセンター",
            ["Form.Summary"] = "告知書の誤送付",
            ["Form.Cause"] = "封入ミス",
            ["Form.Items"] = "health.medical_history",
            ["Form.PersonsAffected"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, detail) = await PageAsync(client, response.Headers.Location!.OriginalString);
        // Due Thu 7 May 2026 (Golden Week); the host's clock is 27 Nov 2026: 204 days overdue.
        Assert.Contains("data-due=\"2026-05-07\" data-days-left=\"-204\"", detail, StringComparison.Ordinal);
        Assert.Contains("期限超過（204日）", detail, StringComparison.Ordinal);
        Assert.Contains("祝日・休日", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_error_is_shown_with_its_code()
    {
        var client = await SignedInAsync(Roles.PrivacyOfficer);
        var response = await Forms.PostAsync(client, "/console/incidents", new()
        {
            ["Form.DiscoveredOn"] = "2026-11-27",
            ["Form.DiscoveredBy"] = "システム部",
            ["Form.Summary"] = "不明",
            ["Form.Cause"] = "不明",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-code=\"incident.items_missing\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Marketing)]
    public async Task Roles_without_the_permission_are_denied(string role)
    {
        var client = await SignedInAsync(role);
        foreach (var page in new[] { "/console/incidents", $"/console/incidents/{Guid.NewGuid()}" })
        {
            var response = await client.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain("nav-incidents", await client.GetStringAsync("/console", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_incident_is_not_found()
    {
        var client = await SignedInAsync(Roles.PrivacyOfficer);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/console/incidents/{Guid.NewGuid()}", Ct)).StatusCode);
    }
}

public sealed class ConsoleIncidentsOnSqlite(SqliteHost host) : ConsoleIncidentsTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsoleIncidentsOnPostgres(PostgresHost host) : ConsoleIncidentsTests<PostgresHost>(host), IClassFixture<PostgresHost>;
