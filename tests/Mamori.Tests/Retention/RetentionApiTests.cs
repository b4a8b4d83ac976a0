using System.Net;
using System.Net.Http.Json;
using Mamori.Audit;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Retention;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static Mamori.Tests.Retention.RetentionTestKit;

namespace Mamori.Tests.Retention;

/// <summary>Who may run retention and set holds, what a bad hold is answered with, and the daily job on the fake clock.</summary>
public abstract class RetentionApiTests<THost>(THost host) where THost : MamoriHost
{
    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.System)]
    public async Task Only_the_privacy_officer_plans_runs_and_holds(string role)
    {
        var client = host.CreateApiClient(await host.CreateApiKeyAsync(role));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/retention/plan", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/retention/runs", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/retention/runs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/legal-holds", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/legal-holds", new { category = "contact.name", reason = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/v1/legal-holds/{Guid.NewGuid()}/release", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/v1/retention/plan", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_bad_hold_is_refused_with_its_code_and_nothing_is_written()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        async Task Refused(object body, string code, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var response = await officer.PostAsJsonAsync("/api/v1/legal-holds", body, Ct);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, (await JsonAsync(response, status)).GetProperty("code").GetString());
        }
        var holdsBefore = (await JsonAsync(await officer.GetAsync("/api/v1/legal-holds", Ct))).GetArrayLength();
        await Refused(new { reason = "案件A" }, RetentionCodes.HoldScopeInvalid);
        await Refused(new { personId = Guid.NewGuid(), category = "contact.name", reason = "案件A" }, RetentionCodes.HoldScopeInvalid);
        await Refused(new { category = "contact.nmae", reason = "案件A" }, "category.unknown");
        await Refused(new { category = "contact.name", reason = " " }, RetentionCodes.HoldReasonRequired);
        await Refused(new { personId = Guid.NewGuid(), reason = "案件A" }, "person.not_found", HttpStatusCode.NotFound);
        Assert.Equal(holdsBefore, (await JsonAsync(await officer.GetAsync("/api/v1/legal-holds", Ct))).GetArrayLength());

        var hold = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/legal-holds", new { category = "call.recording", reason = "案件B" }, Ct), HttpStatusCode.Created);
        var id = hold.GetProperty("id").GetGuid();
        Assert.True(hold.GetProperty("active").GetBoolean());
        var released = await JsonAsync(await officer.PostAsync($"/api/v1/legal-holds/{id}/release", null, Ct));
        Assert.False(released.GetProperty("active").GetBoolean());
        var again = await officer.PostAsync($"/api/v1/legal-holds/{id}/release", null, Ct);
        Assert.Equal(RetentionCodes.HoldAlreadyReleased, (await JsonAsync(again, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.LegalHoldSet && e.Target == LegalHolds.Target(id) && e.Categories == "call.recording");
    }

    [Fact]
    public async Task With_several_nodes_the_daily_run_happens_once_per_slot()
    {
        using var schedule = new RetentionSchedule(host.App.Services.GetRequiredService<IServiceScopeFactory>(),
            host.App.Services.GetRequiredService<CurrentPolicy>(), host.Clock, NullLogger<RetentionSchedule>.Instance);
        host.Clock.Advance(RetentionSchedule.MinimumGap); // clear of any scheduled run an earlier test made

        Assert.NotNull(await schedule.RunOnceAsync(Ct));
        Assert.Null(await schedule.RunOnceAsync(Ct)); // a second node's timer for the same slot
        if (host.Database.ConnectionString is { } postgres)
        {
            // Another node is in the middle of the run: it holds the lease.
            host.Clock.Advance(RetentionSchedule.MinimumGap);
            await using var other = new Npgsql.NpgsqlConnection(postgres);
            await other.OpenAsync(Ct);
            await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({RetentionSchedule.LeaseKey})", other))
                await take.ExecuteNonQueryAsync(Ct);
            Assert.Null(await schedule.RunOnceAsync(Ct));
            await using (var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({RetentionSchedule.LeaseKey})", other))
                await release.ExecuteNonQueryAsync(Ct);
        }
        host.Clock.Advance(RetentionSchedule.MinimumGap);
        Assert.NotNull(await schedule.RunOnceAsync(Ct)); // the next day's slot
        host.Clock.Advance(RetentionSchedule.MinimumGap); // leave the other tests' scheduled runs free to happen
    }

    [Fact]
    public async Task The_daily_job_runs_at_three_in_the_morning_Japan_time_on_the_policys_approval()
    {
        var policy = host.App.Services.GetRequiredService<CurrentPolicy>();
        using var schedule = new RetentionSchedule(host.App.Services.GetRequiredService<IServiceScopeFactory>(), policy, host.Clock,
            NullLogger<RetentionSchedule>.Instance);
        var now = host.Clock.GetUtcNow();
        var next = schedule.NextRun(now);
        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(next.ToOffset(TimeSpan.FromHours(9)).DateTime));
        Assert.InRange(next - now, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));

        var before = await DisposalCountAsync(host);
        await schedule.StartAsync(Ct);
        host.Clock.Advance(next - now - TimeSpan.FromMinutes(1));
        await Task.Delay(200, Ct);
        Assert.Equal(before, await DisposalCountAsync(host));
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 100 && await DisposalCountAsync(host) == before; i++)
            await Task.Delay(100, Ct);
        await schedule.StopAsync(Ct);
        Assert.Equal(before + 1, await DisposalCountAsync(host));
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var latest = (await JsonAsync(await officer.GetAsync("/api/v1/retention/runs", Ct)))[0];
        Assert.Equal(AuditActors.System, latest.GetProperty("runBy").GetString());
        Assert.Equal("policy:" + policy.Version, latest.GetProperty("approvedBy").GetString());
    }
}

public sealed class RetentionApiOnSqlite(SqliteHost host) : RetentionApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class RetentionApiOnPostgres(PostgresHost host) : RetentionApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;
