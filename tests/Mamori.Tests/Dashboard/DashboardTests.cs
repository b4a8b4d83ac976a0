using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Dashboard;

/// <summary>The console home as the privacy officer's dashboard: tiles by permission, countdowns, consent rates, SVG charts.</summary>
public abstract partial class DashboardTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string role)
    {
        var user = role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateStaffAsync(user, role);
        var client = host.CreateClient();
        await host.SignInAsync(client, user);
        return client;
    }

    private static (int Given, int Refused) Counts(string page, string category)
    {
        var row = Regex.Match(page, $"<tr data-category=\"{category}\">.*?<td class=\"given\">(\\d+)</td><td class=\"refused\">(\\d+)</td>");
        Assert.True(row.Success, $"no row for {category}");
        return (int.Parse(row.Groups[1].Value), int.Parse(row.Groups[2].Value));
    }

    [Fact]
    public async Task The_privacy_officer_sees_each_incidents_next_report_with_its_countdown()
    {
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var api = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        // Known today (Fri 27 Nov 2026 in Japan): day 3 is Sun 29 Nov → Mon 30 Nov, three days left.
        var incident = Incidents.IncidentsApiTests<THost>.GoldenWeekIncident(Guid.NewGuid().ToString("N")[..8]);
        incident["discoveredAt"] = "2026-11-27T08:30:00+09:00"; // the fake clock starts at 09:00 in Japan
        incident["occurredAt"] = "2026-11-26T10:00:00+09:00";
        var created = await api.PostAsJsonAsync("/api/v1/incidents", incident, Ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();

        var page = await officer.GetStringAsync("/console", Ct);

        Assert.Contains("id=\"tile-incidents\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-incident=\"{id}\" data-days-left=\"3\"", page, StringComparison.Ordinal);
        Assert.Contains("残り3日", page, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-incidents\"", page, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromDays(4)); // Tue 1 Dec: the 3rd day's date has passed; the 5th day (1 Dec) is today
        var later = await (await SignedInAsync(Roles.PrivacyOfficer)).GetStringAsync("/console?lang=en", Ct); // the earlier session has lapsed
        Assert.Matches($"data-incident=\"{id}\" data-days-left=\"0\"", later);
        Assert.Contains("Due today", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_rates_count_each_devices_latest_choice()
    {
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var before = Counts(await officer.GetStringAsync("/console", Ct), "analytics");
        var site = host.CreateClient();
        var (a, b) = (Consent.ConsentClient.NewDeviceId(), Consent.ConsentClient.NewDeviceId());
        await Consent.ConsentClient.RecordAsync(site, new { deviceId = a, choices = new Dictionary<string, bool> { ["analytics"] = true }, method = "banner" });
        await Consent.ConsentClient.RecordAsync(site, new { deviceId = b, choices = new Dictionary<string, bool> { ["analytics"] = true }, method = "banner" });
        await Consent.ConsentClient.RecordAsync(site, new { deviceId = b, choices = new Dictionary<string, bool> { ["analytics"] = false }, method = "settings_page" });

        var after = Counts(await officer.GetStringAsync("/console", Ct), "analytics");

        Assert.Equal((before.Given + 1, before.Refused + 1), after);
    }

    [Theory]
    [InlineData(Roles.Operator, false, true)]
    [InlineData(Roles.Auditor, false, true)]
    [InlineData(Roles.Marketing, false, true)]
    [InlineData(Roles.PrivacyOfficer, true, true)]
    public async Task Each_role_sees_the_tiles_its_permissions_cover(string role, bool incidents, bool consents)
    {
        var page = await (await SignedInAsync(role)).GetStringAsync("/console", Ct);

        Assert.Equal(incidents, page.Contains("id=\"tile-incidents\"", StringComparison.Ordinal));
        Assert.Equal(consents, page.Contains("id=\"tile-consents\"", StringComparison.Ordinal));
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }
}

public sealed class DashboardOnSqlite(SqliteHost host) : DashboardTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class DashboardOnPostgres(PostgresHost host) : DashboardTests<PostgresHost>(host), IClassFixture<PostgresHost>;
