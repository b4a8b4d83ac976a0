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
    private async Task<HttpClient> SignedInAsync(string role)
    {
        var user = role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateStaffAsync(user, role);
        var client = host.CreateClient();
        await host.SignInAsync(client, user);
        return client;
    }

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
