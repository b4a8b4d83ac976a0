using System.Net;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Retention.RetentionTestKit;

namespace Mamori.Tests.Retention;

/// <summary>The console's retention page: the rules with what a run would dispose of, holds set and released by form.</summary>
public abstract class ConsoleRetentionTests<THost>(THost host) where THost : MamoriHost
{
    private Task<HttpClient> SignedInAsync(string role) => host.SignedInClientAsync(role);

    [Fact]
    public async Task A_privacy_officer_sees_the_rules_and_sets_and_releases_a_hold()
    {
        var client = await SignedInAsync(Roles.PrivacyOfficer);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/console/retention", Ct));
        Assert.Contains("id=\"nav-retention\"", page, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"customer.contract\"", page, StringComparison.Ordinal);
        Assert.Contains("商法第19条第3項", page, StringComparison.Ordinal);
        Assert.Contains("data-rule=\"provision.records\"", page, StringComparison.Ordinal);
        Assert.Contains("10年", page, StringComparison.Ordinal);
        Assert.Contains("Commercial Code", await client.GetStringAsync("/console/retention?lang=en", Ct), StringComparison.Ordinal);

        var refused = await Forms.PostAsync(client, "/console/retention", new() { ["Hold.Reason"] = "案件C" }, "/console/retention?handler=Hold");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-code=\"legal_hold.scope_invalid\"", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var set = await Forms.PostAsync(client, "/console/retention", new() { ["Hold.Category"] = "call.recording", ["Hold.Reason"] = "案件C" },
            "/console/retention?handler=Hold");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var audit = await host.AuditEntriesAsync();
        var target = audit.Last(e => e.Action == AuditActions.LegalHoldSet).Target!;
        var id = target["legal_hold:".Length..];
        Assert.Contains($"data-hold=\"{id}\" data-active=\"true\"", await client.GetStringAsync("/console/retention", Ct), StringComparison.Ordinal);

        var released = await Forms.PostAsync(client, "/console/retention", [], $"/console/retention?handler=Release&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Contains($"data-hold=\"{id}\" data-active=\"false\"", await client.GetStringAsync("/console/retention", Ct), StringComparison.Ordinal);
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.LegalHoldReleased && e.Target == target);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Marketing)]
    public async Task Roles_without_the_permission_are_denied(string role)
    {
        var client = await SignedInAsync(role);
        var response = await client.GetAsync("/console/retention", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("nav-retention", await client.GetStringAsync("/console", Ct), StringComparison.Ordinal);
    }
}

public sealed class ConsoleRetentionOnSqlite(SqliteHost host) : ConsoleRetentionTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsoleRetentionOnPostgres(PostgresHost host) : ConsoleRetentionTests<PostgresHost>(host), IClassFixture<PostgresHost>;
