using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Audit;

public abstract class AuditTrailTests<THost>(THost host) where THost : MamoriHost
{
    [Fact]
    public async Task Concurrent_appends_from_separate_contexts_stay_contiguous_and_chained()
    {
        var before = (await host.VerifyAuditAsync()).Count;
        const int writers = 24, each = 5;

        // Each append runs in a scope (DbContext, connection) of its own, as on separate requests or nodes.
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
                await host.AppendAuditAsync(new(AuditActors.System, "test.concurrent", AuditOutcomes.Success, Target: $"writer:{w}"));
        })));

        var verification = await host.VerifyAuditAsync();
        Assert.True(verification.Intact, verification.Break?.Message);
        Assert.Equal(before + (writers * each), verification.Count);
        var entries = await host.AuditEntriesAsync();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(writers * each, entries.Count(e => e.Action == "test.concurrent"));
    }

    [Fact]
    public async Task Grouped_appends_and_appends_that_carry_a_change_interleave_on_one_chain()
    {
        // Entries with nothing else to store go to the group-commit writer; creating a key stores the key and its
        // entry in the caller's own transaction. Both take the same chain lock.
        var before = (await host.VerifyAuditAsync()).Count;
        const int writers = 12, each = 5;
        var keyIds = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                if (w % 3 == 0)
                    keyIds.Add((await host.WithServiceAsync(sp => sp.GetRequiredService<ApiKeys>()
                        .CreateAsync($"mixed {w}-{i}", Roles.Auditor, AuditActors.System))).Key.Id);
                else
                    await host.AppendAuditAsync(new(AuditActors.System, "test.grouped", AuditOutcomes.Success, Target: $"writer:{w}"));
            }
        })));

        var verification = await host.VerifyAuditAsync();
        Assert.True(verification.Intact, verification.Break?.Message);
        Assert.Equal(before + (writers * each), verification.Count);
        var entries = await host.AuditEntriesAsync();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal((writers - (writers / 3)) * each, entries.Count(e => e.Action == "test.grouped"));
        Assert.Equal(writers / 3 * each, keyIds.Count);
        var keyTargets = entries.Where(e => e.Action == AuditActions.ApiKeyCreated).Select(e => e.Target).ToHashSet();
        Assert.All(keyIds, id => Assert.Contains(AuditActors.ApiKey(id), keyTargets));
    }

    [Fact]
    public async Task An_entry_reads_back_exactly_as_it_was_hashed()
    {
        host.Clock.Advance(TimeSpan.FromTicks(1_234_567)); // sub-millisecond ticks the databases could not keep
        var person = Guid.NewGuid();
        var appended = await host.AppendAuditAsync(new("staff:" + Guid.NewGuid(), "test.round_trip", AuditOutcomes.Denied,
            Purpose: "agency.identity_check", PersonId: person, DeviceId: "dev-42",
            Categories: ["contact.phone", "contact.name", "contact.phone"], Reasons: ["sensitive.no_ground", "category.unknown"]));

        var stored = Assert.Single(await host.AuditEntriesAsync(), e => e.Sequence == appended.Sequence);
        Assert.Equal(appended.OccurredAt, stored.OccurredAt);
        Assert.Equal(0, stored.OccurredAt.UtcTicks % TimeSpan.TicksPerMillisecond);
        Assert.Equal(person, stored.PersonId);
        Assert.Equal("contact.name,contact.phone", stored.Categories);
        Assert.Equal("sensitive.no_ground,category.unknown", stored.Reasons);
        Assert.Equal(appended.Hash, AuditHash.Compute(stored));
        Assert.True((await host.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public async Task Start_up_records_the_policy_version_it_published()
    {
        var published = Assert.Single(await host.AuditEntriesAsync(), e => e.Action == AuditActions.PolicyPublished);
        Assert.Equal(AuditActors.System, published.Actor);
        Assert.Equal("policy:2024-07-01", published.Target);
        Assert.Equal(AuditOutcomes.Success, published.Outcome);
    }

    [Fact]
    public async Task Enrolment_sign_in_and_sign_out_are_recorded_under_the_staff_id()
    {
        await host.CreateStaffAsync("audit-officer", Roles.PrivacyOfficer);
        var actor = AuditActors.Staff(await host.StaffIdAsync("audit-officer"));
        var client = host.CreateClient();
        await host.SignInAsync(client, "audit-officer");
        await Forms.PostAsync(client, "/console", new(), action: "/console/logout");

        var mine = (await host.AuditEntriesAsync()).Where(e => e.Actor == actor).Select(e => (e.Action, e.Outcome)).ToList();
        Assert.Equal(
        [
            (AuditActions.StaffTotpEnrolment, AuditOutcomes.Success),
            (AuditActions.StaffSignIn, AuditOutcomes.Success),
            (AuditActions.StaffSignOut, AuditOutcomes.Success),
        ], mine);
    }

    [Fact]
    public async Task A_failed_sign_in_never_records_the_name_typed()
    {
        const string typed = "yamada.hanako.1985";
        var client = host.CreateClient();
        await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = typed, ["Password"] = "whatever it was" });

        var entries = await host.AuditEntriesAsync();
        var last = entries[^1];
        Assert.Equal((AuditActions.StaffSignIn, AuditOutcomes.Failure, AuditActors.Anonymous, AuditReasons.AccountUnknown),
            (last.Action, last.Outcome, last.Actor, last.Reasons));
        Assert.DoesNotContain(entries, e => string.Join('|', e.Actor, e.Target, e.Reasons, e.Purpose, e.DeviceId)
            .Contains("yamada", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Wrong_passwords_then_the_lockout_then_a_locked_attempt_are_recorded()
    {
        await host.CreateStaffAsync("audit-operator", Roles.Operator);
        var actor = AuditActors.Staff(await host.StaffIdAsync("audit-operator"));
        var client = host.CreateClient();
        for (var i = 0; i <= StaffAccounts.MaxFailedSignIns; i++)
            await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "audit-operator", ["Password"] = "wrong password " + i });

        var attempts = (await host.AuditEntriesAsync()).Where(e => e.Actor == actor && e.Action == AuditActions.StaffSignIn)
            .Select(e => (e.Outcome, e.Reasons)).ToList();
        var wrong = (AuditOutcomes.Failure, AuditReasons.PasswordInvalid);
        Assert.Equal(
        [
            wrong, wrong, wrong, wrong,
            (AuditOutcomes.LockedOut, AuditReasons.PasswordInvalid),
            (AuditOutcomes.Failure, AuditReasons.AccountLocked),
        ], attempts);
    }

    [Fact]
    public async Task Creating_and_revoking_an_api_key_on_the_console_are_recorded()
    {
        await host.CreateStaffAsync("audit-keys", Roles.PrivacyOfficer);
        var actor = AuditActors.Staff(await host.StaffIdAsync("audit-keys"));
        var client = host.CreateClient();
        await host.SignInAsync(client, "audit-keys");
        await Forms.PostAsync(client, "/console/keys", new() { ["Name"] = "山田様のCRM", ["Role"] = Roles.System }, action: "/console/keys?handler=Create");
        var listing = await client.GetStringAsync("/console/keys", TestContext.Current.CancellationToken);
        var id = System.Text.RegularExpressions.Regex.Match(listing, "name=\"Id\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        await Forms.PostAsync(client, "/console/keys", new() { ["Id"] = id }, action: "/console/keys?handler=Revoke");

        var keyEntries = (await host.AuditEntriesAsync()).Where(e => e.Target == "key:" + id).ToList();
        Assert.Equal([AuditActions.ApiKeyCreated, AuditActions.ApiKeyRevoked], keyEntries.Select(e => e.Action));
        Assert.All(keyEntries, e => Assert.Equal(actor, e.Actor));
    }
}

public sealed class AuditTrailOnSqlite(SqliteHost host) : AuditTrailTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class AuditTrailOnPostgres(PostgresHost host) : AuditTrailTests<PostgresHost>(host), IClassFixture<PostgresHost>;
