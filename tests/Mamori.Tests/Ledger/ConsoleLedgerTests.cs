using System.Net;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Ledger;

/// <summary>The ledger page: the privacy officer signs the review off by form; the auditor reads it and cannot sign.</summary>
public abstract class ConsoleLedgerTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> SignedInAsync(string role) => host.SignedInClientAsync(role);

    [Fact]
    public async Task The_privacy_officer_signs_off_the_review_and_the_auditor_only_reads()
    {
        var officer = await SignedInAsync(Roles.PrivacyOfficer);
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/console/ledger", Ct));
        Assert.Contains("data-category=\"health.medical_history\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"review-form\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-ledger\"", page, StringComparison.Ordinal);

        var signed = await Forms.PostAsync(officer, "/console/ledger", new() { ["Comment"] = "年次見直し：変更なし" }, "/console/ledger?handler=Review");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var after = WebUtility.HtmlDecode(await officer.GetStringAsync("/console/ledger?lang=en", Ct));
        Assert.Contains("年次見直し：変更なし", after, StringComparison.Ordinal);
        Assert.Contains("data-overdue=\"false\"", after, StringComparison.Ordinal);
        Assert.Contains("Ledger of personal information", after, StringComparison.Ordinal);
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.LedgerReviewed);

        var auditor = await SignedInAsync(Roles.Auditor);
        var read = await auditor.GetStringAsync("/console/ledger", Ct);
        Assert.Contains("id=\"ledger\"", read, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"review-form\"", read, StringComparison.Ordinal);

        var marketing = await SignedInAsync(Roles.Marketing);
        var denied = await marketing.GetAsync("/console/ledger", Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("http://localhost/console/denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class ConsoleLedgerOnSqlite(SqliteHost host) : ConsoleLedgerTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsoleLedgerOnPostgres(PostgresHost host) : ConsoleLedgerTests<PostgresHost>(host), IClassFixture<PostgresHost>;
