using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Audit;

/// <summary>
/// Appends to the hash-chained audit trail. Appends are serialised across processes (several <c>mamori serve</c>
/// nodes on one PostgreSQL), so sequence numbers stay contiguous and every entry links to the one before.
/// </summary>
public sealed class AuditTrail(MamoriDb db, TimeProvider clock, AuditWriter? writer = null)
{
    // Any fixed key will do; this one is "mamoriau" in ASCII (0x6D616D6F72696175), recognisable in pg_locks.
    private const string PostgresLock = "SELECT pg_advisory_xact_lock(7881701148303384949)";

    /// <summary>
    /// Appends the event and returns the stored entry. This saves the context: changes the caller has pending are
    /// stored in the same transaction, so a change and its entry land together or not at all. Inside a
    /// transaction the caller began, the entry joins it (and the chain stays locked until it ends). An entry with
    /// nothing pending beside it goes to the group-commit <see cref="AuditWriter"/> when one is registered.
    /// </summary>
    /// <exception cref="ArgumentException">A field is not an identifier or code (see <see cref="AuditEvent"/>).</exception>
    public async Task<AuditEntry> AppendAsync(AuditEvent e, CancellationToken ct = default)
    {
        var entry = e.ToEntry();
        if (writer is not null && db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
        {
            await writer.AppendAsync(entry, ct);
            return entry;
        }
        if (db.Database.CurrentTransaction is not null)
        {
            await ChainAndSaveAsync(entry, ct);
            return entry;
        }
        // On SQLite this is BEGIN IMMEDIATE: the one write lock is taken before the last entry is read.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ChainAndSaveAsync(entry, ct);
        await transaction.CommitAsync(ct);
        return entry;
    }

    private async Task ChainAndSaveAsync(AuditEntry entry, CancellationToken ct)
    {
        var last = await LockAndReadLastAsync(db, ct);
        Chain(entry, last, AuditHash.Truncate(clock.GetUtcNow()));
        db.Set<AuditEntry>().Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // Never leave a half-chained entry in the context for a later SaveChanges to store.
            db.Entry(entry).State = EntityState.Detached;
            throw;
        }
    }

    /// <summary>The chain's end, read under the chain lock of the current transaction.</summary>
    internal static async Task<ChainEnd> LockAndReadLastAsync(MamoriDb db, CancellationToken ct)
    {
        // PostgreSQL: a transaction-scoped advisory lock that every node takes before appending. SQLite needs none:
        // the transaction already holds the database's single write lock.
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            await db.Database.ExecuteSqlRawAsync(PostgresLock, ct);
        var last = await db.Set<AuditEntry>().AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new ChainEnd(a.Sequence, a.Hash))
            .FirstOrDefaultAsync(ct);
        return last ?? new ChainEnd(0, AuditHash.Genesis);
    }

    /// <summary>Links the entry to the chain's end and returns the new end.</summary>
    internal static ChainEnd Chain(AuditEntry entry, ChainEnd last, DateTimeOffset occurredAt)
    {
        entry.Sequence = last.Sequence + 1;
        entry.PreviousHash = last.Hash;
        entry.OccurredAt = occurredAt;
        entry.Hash = AuditHash.Compute(entry);
        return new ChainEnd(entry.Sequence, entry.Hash);
    }

    internal sealed record ChainEnd(long Sequence, string Hash);
}
