using System.Net;
using System.Net.Http.Json;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Retention.RetentionTestKit;

namespace Mamori.Tests.Dashboard;

/// <summary>The console home shows each staff member the tiles their permissions allow, with charts drawn as SVG on
/// the server (no script, no style attribute).</summary>
public abstract class DashboardTests<THost>(THost host) where THost : MamoriHost
{
    private Task<HttpClient> SignedInAsync(string role) => host.SignedInClientAsync(role);

    [Fact]
    public async Task The_privacy_officer_sees_incident_countdowns_retention_training_and_the_ledger_as_tiles()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var incident = await officer.PostAsJsonAsync("/api/v1/incidents", new
        {
            discoveredBy = "システム部", summary = "不正アクセス", cause = "攻撃", items = new[] { "contact.email" }, personsAffected = 2000, malicious = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);

        // Two devices choose: analytics given by one of them, so its rate is 50%.
        await Consent.ConsentClient.RecordAsync(host.CreateClient(), new { deviceId = Signals.SignalClient.NewDeviceId(), choices = new { analytics = true }, method = "banner" }, false);
        await Consent.ConsentClient.RecordAsync(host.CreateClient(), new { deviceId = Signals.SignalClient.NewDeviceId(), choices = new { analytics = false }, method = "banner" }, false);

        var console = await SignedInAsync(Roles.PrivacyOfficer);
        var home = await console.GetStringAsync("/console", Ct);
        foreach (var tile in new[] { "tile-incidents", "tile-consent", "tile-retention", "tile-training", "tile-ledger" })
            Assert.Contains($"id=\"{tile}\"", home, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\" role=\"img\"", home, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"bar", home, StringComparison.Ordinal);
        Assert.Contains(">50%</text>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", home, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", home, StringComparison.Ordinal);
        // The ledger was never reviewed: its tile asks for attention.
        Assert.Contains("class=\"tile tile-attention\" id=\"tile-ledger\"", home, StringComparison.Ordinal);
        Assert.Contains("At a glance", await console.GetStringAsync("/console?lang=en", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_requests_by_due_date_and_contractors_due_for_evaluation_have_their_tiles()
    {
        var api = await Requests.RequestsKit.ClientAsync(host);
        var tag = Requests.RequestsKit.Tag();
        var customer = await Requests.RequestsKit.CustomerAsync(api, tag);
        await Requests.RequestsKit.OpenAsync(api, Requests.RequestsKit.Application("disclosure", customer));
        var party = await api.PostAsJsonAsync("/api/v1/parties", new
        {
            code = "dash-" + tag, kind = "contractor", nameJa = "ダッシュボード運用株式会社" + tag, country = "JP",
            contract = "業務委託契約", entrustedWork = "コールセンター", entrustedItems = new[] { "contact.name" }, evaluationIntervalMonths = 12,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, party.StatusCode);

        var home = await (await SignedInAsync(Roles.PrivacyOfficer)).GetStringAsync("/console", Ct);
        Assert.Contains("id=\"tile-requests\"", home, StringComparison.Ordinal);
        Assert.Contains("期限内", home, StringComparison.Ordinal); // a request received today is on track
        Assert.Contains("class=\"tile tile-attention\" id=\"tile-supervision\"", home, StringComparison.Ordinal);
        Assert.Contains("ダッシュボード運用株式会社" + tag + " · 未評価", home, StringComparison.Ordinal);

        // An operator handles requests but not the registry of parties.
        var operatorHome = await (await SignedInAsync(Roles.Operator)).GetStringAsync("/console", Ct);
        Assert.Contains("id=\"tile-requests\"", operatorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"tile-supervision\"", operatorHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_auditor_sees_only_the_ledger_tile_and_an_operator_only_consent_rates()
    {
        var auditor = await console("auditor");
        Assert.Contains("id=\"tile-ledger\"", auditor, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"tile-incidents\"", auditor, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"tile-training\"", auditor, StringComparison.Ordinal);
        var operatorHome = await console(Roles.Operator);
        Assert.Contains("id=\"tile-consent\"", operatorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"tile-ledger\"", operatorHome, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"tile-incidents\"", operatorHome, StringComparison.Ordinal);

        async Task<string> console(string role) => await (await SignedInAsync(role)).GetStringAsync("/console", Ct);
    }
}

public sealed class DashboardOnSqlite(SqliteHost host) : DashboardTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class DashboardOnPostgres(PostgresHost host) : DashboardTests<PostgresHost>(host), IClassFixture<PostgresHost>;
