using System.Net;
using System.Net.Http.Json;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Mamori.Tests.Signals;
using static Mamori.Tests.Retention.RetentionTestKit;

namespace Mamori.Tests.Retention;

/// <summary>
/// A retention run on the fake clock disposes of exactly what the policy's rules say has expired — applicants after a
/// year, campaign entries after six months, unlinked signals anonymised after 13 months, prospects after three years,
/// linked signals after three years — keeps everything else, spares legal holds, and a dry run changes nothing.
/// One scenario per host: it walks the clock years ahead, so nothing else shares the database.
/// </summary>
public abstract class RetentionRunTests<THost>(THost host) where THost : MamoriHost
{
    [Fact]
    public async Task A_run_disposes_of_exactly_what_has_expired_spares_holds_and_a_dry_run_changes_nothing()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var site = await SignalClient.SiteAsync(host);

        var applicant = await PersonAsync(officer, "applicant", ("contact.name", "応募 太郎"));
        var prospect = await PersonAsync(officer, "customer", ("contact.name", "見込 花子"), ("contact.email", "mikomi@example.jp"));
        var heldProspect = await PersonAsync(officer, "customer", ("contact.name", "保留 次郎"));
        var contract = await PersonAsync(officer, "customer", ("contact.name", "契約 三郎"), ("insurance.policy", "POL-1"), ("campaign.entry", "2026冬"));
        var employee = await PersonAsync(officer, "employee", ("contact.name", "社員 四郎"));

        var visitor = SignalClient.NewDeviceId();
        var customerDevice = SignalClient.NewDeviceId();
        await SignalClient.IngestAsync(site, SignalClient.PageView(host, visitor, extra: new { ip = "198.51.100.23" }),
            SignalClient.PageView(host, visitor, "https://www.kakacom-insurance.example/fire/"), SignalClient.PageView(host, customerDevice));
        await JsonAsync(await officer.PostAsJsonAsync("/api/v1/links", new { deviceId = customerDevice, personId = contract, purpose = "inquiry_response" }, Ct), HttpStatusCode.Created);
        var visitorSignals = await SignalIdsAsync(host, visitor);
        var customerSignals = await SignalIdsAsync(host, customerDevice);
        Assert.Equal(2, visitorSignals.Count);

        // Nothing has expired yet.
        Assert.Empty(Busy(await JsonAsync(await officer.GetAsync("/api/v1/retention/plan", Ct))));

        // 400 days on: applicants (1 year), campaign entries (6 months) and unlinked signals (13 months) have expired.
        host.Clock.Advance(TimeSpan.FromDays(400));
        var disposalsBefore = await DisposalCountAsync(host);
        var auditBefore = (await host.AuditEntriesAsync()).Count;
        var plan = await JsonAsync(await officer.GetAsync("/api/v1/retention/plan", Ct));
        var expected = new Dictionary<string, (int, int)>
        {
            ["applicant.selection"] = (1, 0),
            ["campaign.entries"] = (1, 0),
            ["signals.informative"] = (2, 0),
        };
        Assert.Equal(expected, Busy(plan));
        // The dry run wrote nothing: no record, no audit entry, nothing erased or anonymised.
        Assert.Equal(disposalsBefore, await DisposalCountAsync(host));
        Assert.Equal(auditBefore, (await host.AuditEntriesAsync()).Count);
        Assert.False(await ErasedAsync(host, applicant));
        Assert.All(await SignalsAsync(host, visitorSignals), s => Assert.Equal(visitor, s.DeviceId));

        var first = await JsonAsync(await officer.PostAsync("/api/v1/retention/runs", null, Ct), HttpStatusCode.Created);
        Assert.Equal(expected, Busy(first));
        Assert.True(await ErasedAsync(host, applicant));
        Assert.Equal(["contact.name", "insurance.policy"], await CategoriesAsync(host, contract));
        var anonymised = await SignalsAsync(host, visitorSignals);
        Assert.Equal(2, anonymised.Count);
        Assert.All(anonymised, s => Assert.True(s.DeviceId is null && s.Ip is null && s.UserAgent is null && s.Url is not null));
        Assert.Equal(customerSignals.Count, (await SignalsAsync(host, customerSignals)).Count(s => s.DeviceId == customerDevice));
        foreach (var kept in new[] { prospect, heldProspect, contract, employee })
            Assert.False(await ErasedAsync(host, kept));

        // A hold on one prospect, then three years and ten days from the start: prospects (3 years) and linked signals
        // (3 years) have expired; the held prospect, the contract customer (10 years) and the employee (5 years) stay.
        var hold = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/legal-holds",
            new { personId = heldProspect, reason = "訴訟対応 2027-(ワ)-123" }, Ct), HttpStatusCode.Created);
        host.Clock.Advance(TimeSpan.FromDays(365 * 3 + 10 - 400));
        var second = await JsonAsync(await officer.PostAsync("/api/v1/retention/runs", null, Ct), HttpStatusCode.Created);
        Assert.Equal(new Dictionary<string, (int, int)>
        {
            ["customer.prospect"] = (1, 1),
            ["signals.linked"] = (customerSignals.Count, 0),
        }, Busy(second));
        Assert.True(await ErasedAsync(host, prospect));
        Assert.False(await ErasedAsync(host, heldProspect));
        Assert.False(await ErasedAsync(host, contract));
        Assert.False(await ErasedAsync(host, employee));
        Assert.Empty(await SignalsAsync(host, customerSignals));

        // Released, the hold no longer stops the next run.
        await JsonAsync(await officer.PostAsync($"/api/v1/legal-holds/{hold.GetProperty("id").GetGuid()}/release", null, Ct));
        var third = await JsonAsync(await officer.PostAsync("/api/v1/retention/runs", null, Ct), HttpStatusCode.Created);
        Assert.Equal(new Dictionary<string, (int, int)> { ["customer.prospect"] = (1, 0) }, Busy(third));
        Assert.True(await ErasedAsync(host, heldProspect));

        // Each run is recorded (who, approved by whom, under which policy) and audited; erasures name their rule.
        var runs = await JsonAsync(await officer.GetAsync("/api/v1/retention/runs", Ct));
        Assert.Equal(3, runs.GetArrayLength());
        Assert.All(runs.EnumerateArray(), r => Assert.Equal(r.GetProperty("runBy").GetString(), r.GetProperty("approvedBy").GetString()));
        var audit = await host.AuditEntriesAsync();
        Assert.Equal(3, audit.Count(e => e.Action == AuditActions.RetentionRun));
        Assert.Contains(audit, e => e.Action == AuditActions.PersonErased && e.PersonId == applicant);
        Assert.Contains(audit, e => e.Action == AuditActions.RetentionItemsDeleted && e.PersonId == contract && e.Categories == "campaign.entry");
        Assert.Contains(audit, e => e.Action == AuditActions.LegalHoldSet && e.PersonId == heldProspect);
        Assert.Contains(audit, e => e.Action == AuditActions.LegalHoldReleased && e.PersonId == heldProspect);
        Assert.True((await host.VerifyAuditAsync()).Intact);
    }
}

public sealed class RetentionRunOnSqlite(SqliteHost host) : RetentionRunTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class RetentionRunOnPostgres(PostgresHost host) : RetentionRunTests<PostgresHost>(host), IClassFixture<PostgresHost>;
