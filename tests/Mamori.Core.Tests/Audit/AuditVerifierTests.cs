using Mamori.Audit;
using Mamori.Core.Tests.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Mamori.Core.Tests.Audit;

/// <summary>The chain on an in-memory database (the model is the same for every capability, so the vault's will do).</summary>
public sealed class AuditVerifierTests : IDisposable
{
    private readonly VaultDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _database.Dispose();

    private async Task AppendAsync(int count)
    {
        await using var db = _database.NewContext();
        var trail = new AuditTrail(db, _clock);
        for (var i = 0; i < count; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(7));
            await trail.AppendAsync(new(AuditActors.System, "test.entry", AuditOutcomes.Success), TestContext.Current.CancellationToken);
        }
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var db = _database.NewContext();
        return await new AuditVerifier(db).VerifyAsync(ct: TestContext.Current.CancellationToken);
    }

    private async Task TamperAsync(Func<MamoriDbSet, Task> tamper)
    {
        await using var db = _database.NewContext();
        await tamper(new MamoriDbSet(db));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private sealed record MamoriDbSet(Data.MamoriDb Db)
    {
        public Task<AuditEntry> EntryAsync(long sequence) => Db.Set<AuditEntry>().SingleAsync(a => a.Sequence == sequence);
    }

    [Fact]
    public async Task An_empty_trail_is_intact()
    {
        var result = await VerifyAsync();
        Assert.True(result.Intact);
        Assert.Equal(0, result.Count);
        Assert.Equal(AuditHash.Genesis, result.HeadHash);
    }

    [Fact]
    public async Task Entries_chain_from_one_and_verify_across_batches()
    {
        await AppendAsync(AuditVerifier.BatchSize + 3);
        var progress = new List<long>();
        await using var db = _database.NewContext();
        var result = await new AuditVerifier(db).VerifyAsync(new SyncProgress(progress.Add), TestContext.Current.CancellationToken);

        Assert.True(result.Intact);
        Assert.Equal(AuditVerifier.BatchSize + 3, result.Count);
        Assert.Equal([AuditVerifier.BatchSize, AuditVerifier.BatchSize + 3], progress);
        var first = await db.Set<AuditEntry>().SingleAsync(a => a.Sequence == 1, TestContext.Current.CancellationToken);
        Assert.Equal(AuditHash.Genesis, first.PreviousHash);
    }

    [Fact]
    public async Task A_removed_entry_past_the_first_batch_is_named()
    {
        await AppendAsync(AuditVerifier.BatchSize + 3);
        await TamperAsync(async t => t.Db.Remove(await t.EntryAsync(AuditVerifier.BatchSize + 1)));

        var result = await VerifyAsync();
        Assert.Equal(new AuditBreak(AuditVerifier.BatchSize + 1, AuditProblems.EntryMissing,
            $"entry {AuditVerifier.BatchSize + 1} is missing (the next entry is {AuditVerifier.BatchSize + 2}): it was deleted"), result.Break);
        Assert.Equal(AuditVerifier.BatchSize, result.Count);
    }

    [Fact]
    public async Task A_missing_first_entry_is_named()
    {
        await AppendAsync(3);
        await TamperAsync(async t => t.Db.Remove(await t.EntryAsync(1)));
        Assert.Equal((1L, AuditProblems.EntryMissing), ((await VerifyAsync()).Break!.Sequence, (await VerifyAsync()).Break!.Code));
    }

    [Fact]
    public async Task A_changed_entry_is_named_even_with_a_recomputed_hash_the_next_one_is()
    {
        await AppendAsync(5);
        await TamperAsync(async t => (await t.EntryAsync(3)).Reasons = "forged");
        Assert.Equal((3L, AuditProblems.EntryChanged), Summary(await VerifyAsync()));

        // Recomputing the changed entry's own hash only moves the break to the next entry.
        await TamperAsync(async t =>
        {
            var entry = await t.EntryAsync(3);
            entry.Hash = AuditHash.Compute(entry);
        });
        Assert.Equal((4L, AuditProblems.EntryOutOfOrder), Summary(await VerifyAsync()));
    }

    [Fact]
    public async Task An_append_inside_a_transaction_that_rolls_back_leaves_no_gap()
    {
        await AppendAsync(2);
        await using (var db = _database.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            var entry = await new AuditTrail(db, _clock).AppendAsync(new(AuditActors.System, "test.rolled_back", AuditOutcomes.Success),
                TestContext.Current.CancellationToken);
            Assert.Equal(3, entry.Sequence);
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }
        await AppendAsync(1);

        var result = await VerifyAsync();
        Assert.True(result.Intact);
        Assert.Equal(3, result.Count);
    }

    private static (long, string) Summary(AuditVerification v) => (v.Break!.Sequence, v.Break.Code);

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
