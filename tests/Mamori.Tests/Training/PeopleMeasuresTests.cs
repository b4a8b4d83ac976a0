using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Retention.RetentionTestKit;

namespace Mamori.Tests.Training;

/// <summary>Training and confidentiality pledges on the fake clock: who becomes overdue when, and the console's list.
/// One scenario per host, as it walks the clock years ahead.</summary>
public abstract class PeopleMeasuresTests<THost>(THost host) where THost : MamoriHost
{
    private static async Task<JsonElement> StandingAsync(HttpClient client, Guid staff) =>
        (await JsonAsync(await client.GetAsync("/api/v1/staff-standing", Ct))).EnumerateArray().Single(s => s.GetProperty("staffId").GetGuid() == staff);

    private static (bool Training, bool Pledge) Overdue(JsonElement s) =>
        (s.GetProperty("trainingOverdue").GetBoolean(), s.GetProperty("pledgeOverdue").GetBoolean());

    [Fact]
    public async Task Staff_become_overdue_when_training_or_their_pledge_lapses_and_the_console_lists_them()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var trained = Guid.NewGuid().ToString("N")[..8];
        var untrained = Guid.NewGuid().ToString("N")[..8];
        await host.CreateStaffAsync(trained, Roles.Operator);
        await host.CreateStaffAsync(untrained, Roles.Operator);
        var a = await host.StaffIdAsync(trained);
        var b = await host.StaffIdAsync(untrained);

        Assert.Equal("training.in_future", (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/training",
            new { title = "個人情報保護研修", heldOn = "2026-12-25", staffIds = new[] { a } }, Ct), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("staff.not_found", (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/training",
            new { title = "個人情報保護研修", staffIds = new[] { Guid.NewGuid() } }, Ct), HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("training.attendees_invalid", (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/training",
            new { title = "個人情報保護研修", staffIds = Array.Empty<Guid>() }, Ct), HttpStatusCode.BadRequest)).GetProperty("code").GetString());

        await JsonAsync(await officer.PostAsJsonAsync("/api/v1/training", new { title = "2026年度 個人情報保護研修", staffIds = new[] { a } }, Ct), HttpStatusCode.Created);
        var pledge = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/pledges", new { staffId = a }, Ct), HttpStatusCode.Created);
        Assert.Equal("2029-11-27", pledge.GetProperty("expiresOn").GetString());
        Assert.Equal((false, false), Overdue(await StandingAsync(officer, a)));
        Assert.Equal((false, true), Overdue(await StandingAsync(officer, b))); // no pledge yet
        Assert.Equal("2027-11-27", (await StandingAsync(officer, a)).GetProperty("trainingDue").GetString());

        // A day before the year is out nobody is overdue for training; on the day both are.
        host.Clock.Advance(TimeSpan.FromDays(364));
        Assert.False(Overdue(await StandingAsync(officer, a)).Training);
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(Overdue(await StandingAsync(officer, a)).Training);
        Assert.True(Overdue(await StandingAsync(officer, b)).Training);

        // Trained again, A is in order; three years after signing, A's pledge has lapsed.
        await JsonAsync(await officer.PostAsJsonAsync("/api/v1/training", new { title = "2027年度 個人情報保護研修", staffIds = new[] { a } }, Ct), HttpStatusCode.Created);
        Assert.Equal((false, false), Overdue(await StandingAsync(officer, a)));
        host.Clock.Advance(TimeSpan.FromDays(365 * 2 + 1));
        Assert.True(Overdue(await StandingAsync(officer, a)).Pledge);

        // The console lists both as overdue, the overdue first.
        var user = "po-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateStaffAsync(user, Roles.PrivacyOfficer);
        var console = host.CreateClient();
        await host.SignInAsync(console, user);
        var page = await console.GetStringAsync("/console/training", Ct);
        Assert.Contains($"data-staff=\"{a}\" data-training-overdue=\"true\" data-pledge-overdue=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-staff=\"{b}\" data-training-overdue=\"true\" data-pledge-overdue=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-training\"", page, StringComparison.Ordinal);

        // Recorded through the form, B's pledge is in force again.
        var posted = await Forms.PostAsync(console, "/console/training", new() { ["PledgeStaffId"] = b.ToString() }, "/console/training?handler=Pledge");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.False(Overdue(await StandingAsync(officer, b)).Pledge);
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.PledgeRecorded && e.Target == AuditActors.Staff(b));
        Assert.Equal(2, (await host.AuditEntriesAsync()).Count(e => e.Action == AuditActions.TrainingRecorded));
    }

    [Fact]
    public async Task Only_the_privacy_officer_manages_people_measures()
    {
        foreach (var role in new[] { Roles.Auditor, Roles.Operator, Roles.Marketing })
        {
            var client = host.CreateApiClient(await host.CreateApiKeyAsync(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/staff-standing", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/training", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/training", new { title = "x" }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/pledges", new { staffId = Guid.NewGuid() }, Ct)).StatusCode);
        }
    }
}

public sealed class PeopleMeasuresOnSqlite(SqliteHost host) : PeopleMeasuresTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class PeopleMeasuresOnPostgres(PostgresHost host) : PeopleMeasuresTests<PostgresHost>(host), IClassFixture<PostgresHost>;
