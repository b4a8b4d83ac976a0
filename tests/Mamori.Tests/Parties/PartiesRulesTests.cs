using Mamori.Audit;
using Mamori.Data;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Provision;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Provision.ProvisionTestKit;

namespace Mamori.Tests.Parties;

/// <summary>Rules that run on the stored versions and on the clock: the advance notice a joint-use change needs before
/// its version is published, and the daily purge of provision records past their retention.</summary>
public abstract class PartiesRulesTests<THost>(THost host) where THost : MamoriHost
{
    private const string LastJointPurpose = "    - agency.third_party_provision\n  responsibleParty: kakacom\n";

    /// <summary>The agency's policy as a new version, with the joint use narrowed to §4(1)⑨–⑫ (a purpose change).</summary>
    private static string JointUseChanged(string version, string effectiveFrom, string? noticeGivenOn = null)
    {
        var text = File.ReadAllText(MamoriHost.PolicyPath).ReplaceLineEndings("\n");
        Assert.Contains(LastJointPurpose, text, StringComparison.Ordinal);
        return text
            .Replace(LastJointPurpose, "  responsibleParty: kakacom\n" + (noticeGivenOn is null ? "" : $"  noticeGivenOn: {noticeGivenOn}\n"), StringComparison.Ordinal)
            .Replace("version: \"2024-07-01\"", $"version: \"{version}\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", $"effectiveFrom: {effectiveFrom}", StringComparison.Ordinal);
    }

    private Task<PolicyVersion> PublishAsync(string yaml) =>
        host.WithServiceAsync(sp =>
        {
            var loaded = PolicyLoader.Load("policy.yaml", yaml);
            Assert.True(loaded.Succeeded, string.Join('\n', loaded.Problems));
            return sp.GetRequiredService<PolicyVersions>().PublishAsync(loaded.Document.Version, loaded.Document.EffectiveFrom, yaml, loaded.ContentHash, Ct);
        });

    [Fact]
    public async Task A_joint_use_change_is_published_only_to_take_effect_after_its_notice()
    {
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tag = Tag();

        // The diff says what the change needs.
        var original = PolicyLoader.Load("old.yaml", File.ReadAllText(MamoriHost.PolicyPath)).Document!;
        var sameDay = JointUseChanged("ju-" + tag + "-a", Day(0));
        var change = Assert.Single(JointUseNotice.Changes(original, PolicyLoader.Load("new.yaml", sameDay).Document!));
        Assert.Equal("purposes", change.SubjectId);
        Assert.True(change.Flags.HasFlag(AppiFlags.AdvanceNotice));

        // Taking effect the day it is published is not in advance: refused, nothing stored.
        var refused = await Assert.ThrowsAsync<MamoriException>(() => PublishAsync(sameDay));
        Assert.Equal(PolicyProblemCodes.JointUseNoticeLate, refused.Code);
        Assert.Null(await host.WithServiceAsync(sp => sp.GetRequiredService<PolicyVersions>().FindAsync("ju-" + tag + "-a", Ct)));

        // Notice given a week ago (say by post) lets it take effect today; publishing now for next week is notice too.
        var noticed = await PublishAsync(JointUseChanged("ju-" + tag + "-b", Day(0), noticeGivenOn: Day(-7)));
        Assert.Equal(today, noticed.EffectiveFrom);
        var ahead = await PublishAsync(JointUseChanged("ju-" + tag + "-c", Day(7)));
        Assert.Equal(today.AddDays(7), ahead.EffectiveFrom);

        // A notice day that is not before the effective day fails the policy check itself.
        var late = PolicyLoader.Load("late.yaml", JointUseChanged("ju-" + tag + "-d", Day(3), noticeGivenOn: Day(3)));
        Assert.Contains(late.Problems, p => p.Code == PolicyProblemCodes.JointUseNoticeLate);
    }

    [Fact]
    public async Task The_daily_purge_job_deletes_records_past_retention_on_the_clock_and_records_the_run()
    {
        var client = await ClientAsync(host);
        var person = await CreatePersonAsync(client, Customer(Tag()));
        await OkAsync(await ProvideAsync(client, person, "partner_insurers", "agency.quote_application", "consent", ["contact.name"]));
        var job = await host.WithServiceAsync(sp => Task.FromResult(ActivatorUtilities.CreateInstance<ProvisionRecordPurgeJob>(sp)));

        // Within the three years nothing of this person's goes.
        host.Clock.Advance(TimeSpan.FromDays(365 * 3 - 2));
        await job.RunOnceAsync(Ct);
        Assert.Single(await RecordsAsync(client, person));

        host.Clock.Advance(TimeSpan.FromDays(3));
        var result = await job.RunOnceAsync(Ct);
        Assert.True(result.Count >= 1);
        Assert.Empty(await RecordsAsync(client, person));
        var purge = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<ProvisionPurge>().AsNoTracking().SingleAsync(p => p.Id == result.PurgeId, Ct));
        Assert.Equal(AuditActors.System, purge.Actor);
        var audited = (await host.AuditEntriesAsync()).Last(e => e.Action == AuditActions.ProvisionRecordsPurged);
        Assert.Equal(("system", "provision_purge:" + result.PurgeId.ToString("D")), (audited.Actor, audited.Target));
        Assert.Equal(TimeSpan.FromDays(1), ProvisionRecordPurgeJob.Period);
    }

    [Fact]
    public async Task Demo_parties_fill_the_public_co_solicitor_list_and_the_outsourcing_register()
    {
        await host.WithServiceAsync(async sp =>
        {
            await DemoParties.SeedAsync(sp, Ct);
            return true;
        });
        var list = await host.CreateClient().GetStringAsync("/privacy/co-solicitors", Ct);
        Assert.Contains("data-party=\"sakura-agency\"", list, StringComparison.Ordinal);
        Assert.Contains("data-party=\"midori-agency\"", list, StringComparison.Ordinal);
        var contractors = await OkAsync(await (await ClientAsync(host)).GetAsync("/api/v1/contractors", Ct));
        Assert.Contains(contractors.EnumerateArray(), c => c.GetProperty("party").GetProperty("code").GetString() == "print-mail"
            && c.GetProperty("state").GetString() == "never_evaluated");
    }
}

public sealed class PartiesRulesOnSqlite(SqliteHost host) : PartiesRulesTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class PartiesRulesOnPostgres(PostgresHost host) : PartiesRulesTests<PostgresHost>(host), IClassFixture<PostgresHost>;
