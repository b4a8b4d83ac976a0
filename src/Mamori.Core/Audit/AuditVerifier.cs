using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Audit;

/// <summary>The first place the chain is broken: the entry's sequence number and why (<see cref="AuditProblems"/>).</summary>
public sealed record AuditBreak(long Sequence, string Code, string Message);

/// <summary>The result of walking the chain: how many entries were verified, the last good hash, and the break if any.</summary>
public sealed record AuditVerification(long Count, string HeadHash, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>Why a chain is broken. Stable codes, shown by the console and <c>mamori audit verify</c>.</summary>
public static class AuditProblems
{
    /// <summary>No entry carries this sequence number: it was deleted (or renumbered away).</summary>
    public const string EntryMissing = "audit.entry_missing";

    /// <summary>The entry does not link to the one before it: rows were reordered or the one before was replaced.</summary>
    public const string EntryOutOfOrder = "audit.entry_out_of_order";

    /// <summary>The entry's content no longer matches its hash: it was changed after it was written.</summary>
    public const string EntryChanged = "audit.entry_changed";
}

/// <summary>
/// Walks the whole chain in sequence order, a batch at a time (memory stays flat however long the trail), and
/// recomputes every hash. Removing the newest entries leaves a shorter chain that still verifies: compare the
/// count and head hash with an earlier run to catch that.
/// </summary>
public sealed class AuditVerifier(MamoriDb db)
{
    public const int BatchSize = 1000;

    /// <param name="progress">Told the number of entries verified after each batch.</param>
    public async Task<AuditVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var expected = 1L;
        var previous = AuditHash.Genesis;
        while (true)
        {
            var from = expected;
            var batch = await db.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.Sequence >= from)
                .OrderBy(a => a.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
                return new(expected - 1, previous, null);
            foreach (var entry in batch)
            {
                if (Check(entry, expected, previous) is { } broken)
                    return new(expected - 1, previous, broken);
                previous = entry.Hash;
                expected++;
            }
            progress?.Report(expected - 1);
        }
    }

    private static AuditBreak? Check(AuditEntry entry, long expected, string previous)
    {
        if (entry.Sequence != expected)
            return new(expected, AuditProblems.EntryMissing,
                $"entry {expected} is missing (the next entry is {entry.Sequence}): it was deleted");
        if (entry.PreviousHash != previous)
            return new(expected, AuditProblems.EntryOutOfOrder,
                $"entry {expected} does not link to the entry before it: entries were reordered or replaced");
        if (AuditHash.Compute(entry) != entry.Hash)
            return new(expected, AuditProblems.EntryChanged,
                $"entry {expected} does not match its hash: it was changed after it was written");
        return null;
    }
}
