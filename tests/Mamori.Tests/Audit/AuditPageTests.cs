using System.Net;
using System.Text.RegularExpressions;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Audit;

public abstract partial class AuditPageTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AuditorAsync()
    {
        var user = "auditor-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateStaffAsync(user, Roles.Auditor);
        var client = host.CreateClient();
        await host.SignInAsync(client, user);
        return client;
    }

    private static List<long> Rows(string html) => [.. RowPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task The_auditor_sees_the_trail_newest_first_with_a_nav_link()
    {
        var client = await AuditorAsync();
        var response = await client.GetAsync("/console/audit", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>監査証跡</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/console/audit?lang=ja\"", html, StringComparison.Ordinal);
        var rows = Rows(html);
        Assert.NotEmpty(rows);
        Assert.Equal(rows.OrderDescending(), rows);
        Assert.Contains("Audit trail", await client.GetStringAsync("/console/audit?lang=en", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_is_denied_and_sees_no_link()
    {
        await host.CreateStaffAsync("audit-op", Roles.Operator);
        var client = host.CreateClient();
        await host.SignInAsync(client, "audit-op");

        var response = await client.GetAsync("/console/audit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/console/audit", await client.GetStringAsync("/console", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_shows_up_under_the_user_name()
    {
        await host.CreateStaffAsync("audit-signin", Roles.Marketing);
        await host.SignInAsync(host.CreateClient(), "audit-signin");

        var html = await (await AuditorAsync()).GetStringAsync("/console/audit?actor=audit-signin&action=staff.sign_in", Ct);
        var row = Assert.Single(RowHtml().Matches(html)).Value;
        Assert.Contains(">audit-signin</a>", row, StringComparison.Ordinal);
        Assert.Contains("<code>staff.sign_in</code>", row, StringComparison.Ordinal);
        Assert.Contains(">success</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_by_person_actor_action_purpose_and_outcome()
    {
        var person = Guid.NewGuid();
        var purpose = "test.purpose_" + Guid.NewGuid().ToString("N")[..8];
        var actor = "key:" + Guid.NewGuid();
        var a = await host.AppendAuditAsync(new(actor, "person.read", AuditOutcomes.Allowed, purpose, person, Categories: ["contact.name"]));
        var b = await host.AppendAuditAsync(new(actor, "person.read", AuditOutcomes.Denied, purpose, person, Reasons: ["category.not_allowed_for_purpose"]));
        var c = await host.AppendAuditAsync(new(AuditActors.System, "person.read", AuditOutcomes.Allowed, purpose, Guid.NewGuid()));
        var client = await AuditorAsync();

        async Task<List<long>> Find(string query) => Rows(await client.GetStringAsync("/console/audit?" + query, Ct));

        Assert.Equal([b.Sequence, a.Sequence], await Find($"person={person}"));
        Assert.Equal([c.Sequence, b.Sequence, a.Sequence], await Find($"purpose={purpose}"));
        Assert.Equal([b.Sequence, a.Sequence], await Find($"purpose={purpose}&actor={Uri.EscapeDataString(actor)}"));
        Assert.Equal([b.Sequence], await Find($"purpose={purpose}&outcome=denied"));
        Assert.Equal([c.Sequence, b.Sequence, a.Sequence], await Find($"purpose={purpose}&action=person.read"));
        Assert.Empty(await Find($"purpose={purpose}&action=person.write"));

        var html = await client.GetStringAsync($"/console/audit?person={person}", Ct);
        Assert.Contains("contact.name", html, StringComparison.Ordinal);
        Assert.Contains("category.not_allowed_for_purpose", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_range_is_in_Japan_time_and_includes_both_days()
    {
        var purpose = "test.dates_" + Guid.NewGuid().ToString("N")[..8];
        // 2026-12-10 23:30 JST is still 10 December in Japan, though 14:30 UTC.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 14, 30, 0, TimeSpan.Zero));
        var tenth = await host.AppendAuditAsync(new(AuditActors.System, "test.dated", AuditOutcomes.Success, purpose));
        host.Clock.Advance(TimeSpan.FromHours(1)); // 11 December 00:30 JST
        var eleventh = await host.AppendAuditAsync(new(AuditActors.System, "test.dated", AuditOutcomes.Success, purpose));
        host.Clock.Advance(TimeSpan.FromDays(2));
        var thirteenth = await host.AppendAuditAsync(new(AuditActors.System, "test.dated", AuditOutcomes.Success, purpose));
        var client = await AuditorAsync();

        async Task<List<long>> Find(string query) => Rows(await client.GetStringAsync($"/console/audit?purpose={purpose}&{query}", Ct));

        Assert.Equal([tenth.Sequence], await Find("from=2026-12-10&to=2026-12-10"));
        Assert.Equal([eleventh.Sequence], await Find("from=2026-12-11&to=2026-12-12"));
        Assert.Equal([thirteenth.Sequence, eleventh.Sequence], await Find("from=2026-12-11"));
        Assert.Equal([eleventh.Sequence, tenth.Sequence], await Find("to=2026-12-11"));
    }

    [Fact]
    public async Task Pages_hold_fifty_entries_and_link_to_older_ones()
    {
        var purpose = "test.paging_" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 60; i++)
            await host.AppendAuditAsync(new(AuditActors.System, "test.paged", AuditOutcomes.Success, purpose));
        var client = await AuditorAsync();

        var first = await client.GetStringAsync($"/console/audit?purpose={purpose}", Ct);
        Assert.Equal(50, Rows(first).Count);
        var older = OlderLink().Match(first).Groups[1].Value;
        Assert.Contains("p=2", older, StringComparison.Ordinal);
        var second = await client.GetStringAsync(WebUtility.HtmlDecode(older), Ct);
        Assert.Equal(10, Rows(second).Count);
        Assert.Empty(Rows(first).Intersect(Rows(second)));
        Assert.DoesNotMatch(OlderLink(), second);
    }

    [Fact]
    public async Task A_person_id_that_is_not_an_id_is_refused_kindly()
    {
        var html = await (await AuditorAsync()).GetStringAsync("/console/audit?person=not-an-id", Ct);
        Assert.Contains("本人IDの形式が正しくありません", html, StringComparison.Ordinal);
        Assert.Empty(Rows(html));
    }

    [Fact]
    public async Task The_verify_button_checks_the_chain_and_is_itself_recorded()
    {
        var client = await AuditorAsync();
        var page = await client.GetStringAsync("/console/audit", Ct);
        Assert.Contains("name=\"verify\" value=\"1\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"verify-result\"", page, StringComparison.Ordinal);

        var count = (await host.VerifyAuditAsync()).Count;
        var html = await client.GetStringAsync("/console/audit?verify=1", Ct);
        Assert.Contains($"ハッシュチェーンは完全です（{count}件を検証）。", html, StringComparison.Ordinal);
        Assert.Equal(AuditActions.AuditVerified, (await host.AuditEntriesAsync())[^1].Action);
    }

    [GeneratedRegex("<tr id=\"entry-(\\d+)\">")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<tr id=\"entry-\\d+\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowHtml();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex OlderLink();
}

public sealed class AuditPageOnSqlite(SqliteHost host) : AuditPageTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class AuditPageOnPostgres(PostgresHost host) : AuditPageTests<PostgresHost>(host), IClassFixture<PostgresHost>;
