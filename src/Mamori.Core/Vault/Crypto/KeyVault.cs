using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Vault.Crypto;

/// <summary>
/// The per-person data keys in the database: create, unwrap, shred, re-wrap after rotation, and re-shred after a
/// restore. Unwrapped keys are never cached, so a key shredded on one node is gone for every node at once.
/// </summary>
public sealed class KeyVault(MamoriDb db, MasterKeyRing ring, ShreddedKeyLog shredLog, TimeProvider clock)
{
    private const int RewrapBatchSize = 500;

    /// <summary>What <see cref="ReapplyShreddingAsync"/> repaired.</summary>
    /// <param name="TombstonesRestored">Log entries missing from the database (it was restored from an older backup).</param>
    /// <param name="KeysDestroyed">Wrapped keys of shredded persons found in the database and deleted.</param>
    /// <param name="LogEntriesRestored">Database tombstones missing from the log file (it was lost or replaced).</param>
    public sealed record Reapplied(int TombstonesRestored, int KeysDestroyed, int LogEntriesRestored);

    /// <summary>
    /// A new random data key for the person, wrapped under the current master key and added to the context: it is
    /// stored by the caller's next SaveChanges, together with the person and their first items.
    /// </summary>
    /// <exception cref="MamoriException"><see cref="CryptoErrors.KeyShredded"/> if the person was erased;
    /// <see cref="CryptoErrors.KeyExists"/> if they already have a key.</exception>
    public async Task<DataKey> CreateDataKeyAsync(Guid personId, CancellationToken ct = default)
    {
        if (await IsShreddedAsync(personId, ct))
            throw Shredded(personId);
        if (await db.Set<PersonKey>().AnyAsync(k => k.PersonId == personId, ct))
            throw new MamoriException(CryptoErrors.KeyExists, $"Person {personId} already has a data key.");

        var key = DataKey.Generate(personId);
        var now = clock.GetUtcNow();
        var row = new PersonKey { PersonId = personId, CreatedAt = now };
        row.Store(DataKeyWrap.Wrap(ring, key), now);
        db.Set<PersonKey>().Add(row);
        return key;
    }

    /// <summary>The person's data key, unwrapped. Dispose it when done.</summary>
    /// <exception cref="MamoriException"><see cref="CryptoErrors.KeyShredded"/> if the person was erased;
    /// <see cref="CryptoErrors.KeyMissing"/> if no key was ever made; <see cref="CryptoErrors.Tampered"/> if the
    /// wrapped key was altered or copied from another person.</exception>
    public async Task<DataKey> GetDataKeyAsync(Guid personId, CancellationToken ct = default)
    {
        var row = await db.Set<PersonKey>().AsNoTracking().SingleOrDefaultAsync(k => k.PersonId == personId, ct);
        if (row is not null)
            return DataKeyWrap.Unwrap(ring, personId, row.Wrapped);
        throw await IsShreddedAsync(personId, ct)
            ? Shredded(personId)
            : new MamoriException(CryptoErrors.KeyMissing, $"Person {personId} has no data key.");
    }

    public Task<bool> IsShreddedAsync(Guid personId, CancellationToken ct = default) =>
        db.Set<ShreddedKey>().AnyAsync(s => s.PersonId == personId, ct);

    /// <summary>
    /// Erases the person for good by destroying their data key, and leaves a tombstone. The log file is written
    /// first, so a failure after it still ends in erasure (the next re-apply finishes it). Commits the context, so
    /// anything pending — e.g. the person marked erased — commits in the same transaction. Shredding twice returns
    /// the first tombstone.
    /// </summary>
    public async Task<ShreddedKey> ShredAsync(Guid personId, string reason, string actor, CancellationToken ct = default)
    {
        ValidateText(reason, ShreddedKey.MaxReasonLength, nameof(reason));
        ValidateText(actor, ShreddedKey.MaxActorLength, nameof(actor));
        if (await db.Set<ShreddedKey>().FindAsync([personId], ct) is { } earlier)
            return earlier;

        var tombstone = new ShreddedKey { PersonId = personId, ShreddedAt = clock.GetUtcNow(), Reason = reason, Actor = actor };
        shredLog.Append(tombstone);
        if (await db.Set<PersonKey>().FindAsync([personId], ct) is { } key)
            db.Set<PersonKey>().Remove(key);
        db.Set<ShreddedKey>().Add(tombstone);
        await db.SaveChangesAsync(ct);
        return tombstone;
    }

    /// <summary>
    /// Re-wraps every data key not yet under the current master key (<c>mamori keys rotate</c>, after
    /// <see cref="MasterKeyRing.Rotate"/> and saving the new ring). Item ciphertexts are untouched. Resumable: an
    /// interrupted run is finished by running it again. Returns how many keys were re-wrapped.
    /// </summary>
    public Task<int> RewrapAllAsync(CancellationToken ct = default) => RewrapAllAsync(progress: null, ct);

    /// <inheritdoc cref="RewrapAllAsync(CancellationToken)"/>
    /// <param name="progress">Told the running count after each batch.</param>
    public async Task<int> RewrapAllAsync(IProgress<int>? progress, CancellationToken ct = default)
    {
        var currentId = ring.Current.Id;
        var total = 0;
        while (true)
        {
            var batch = await db.Set<PersonKey>()
                .Where(k => k.MasterKeyId != currentId)
                .OrderBy(k => k.PersonId)
                .Take(RewrapBatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
                return total;

            var now = clock.GetUtcNow();
            foreach (var row in batch)
                row.Store(DataKeyWrap.Rewrap(ring, row.PersonId, row.Wrapped), now);
            total += await SaveSkippingVanishedAsync(batch.Count, ct);
            foreach (var row in batch)
                db.Entry(row).State = EntityState.Detached;
            progress?.Report(total);
        }
    }

    /// <summary>How many data keys are not yet wrapped under the current master key (what a re-wrap will do).</summary>
    public Task<int> CountToRewrapAsync(CancellationToken ct = default)
    {
        var currentId = ring.Current.Id;
        return db.Set<PersonKey>().CountAsync(k => k.MasterKeyId != currentId, ct);
    }

    /// <summary>The master key ids still wrapping some data key; a key not listed can be removed from the ring.</summary>
    public async Task<IReadOnlyList<string>> MasterKeyIdsInUseAsync(CancellationToken ct = default) =>
        await db.Set<PersonKey>().Select(k => k.MasterKeyId).Distinct().ToListAsync(ct);

    /// <summary>
    /// Brings the database and the shredded-keys log back into agreement, in both directions, and destroys every
    /// wrapped key of a shredded person. Run it at startup and after every restore: a database restored from an old
    /// backup holds the wrapped keys of persons erased since. Idempotent.
    /// </summary>
    public async Task<Reapplied> ReapplyShreddingAsync(CancellationToken ct = default)
    {
        var logged = shredLog.ReadAll().DistinctBy(s => s.PersonId).ToList();
        var inDb = await db.Set<ShreddedKey>().AsNoTracking().Select(s => s.PersonId).ToHashSetAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var missingInDb = logged.Where(s => !inDb.Contains(s.PersonId)).ToList();
        db.Set<ShreddedKey>().AddRange(missingInDb);
        await db.SaveChangesAsync(ct);
        var destroyed = await db.Set<PersonKey>()
            .Where(k => db.Set<ShreddedKey>().Any(s => s.PersonId == k.PersonId))
            .ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var restored in missingInDb)
            db.Entry(restored).State = EntityState.Detached;

        var inLog = logged.Select(s => s.PersonId).ToHashSet();
        var missingInLog = await db.Set<ShreddedKey>().AsNoTracking()
            .Where(s => !inLog.Contains(s.PersonId))
            .ToListAsync(ct);
        foreach (var tombstone in missingInLog.OrderBy(s => s.ShreddedAt))
            shredLog.Append(tombstone);

        return new Reapplied(missingInDb.Count, destroyed, missingInLog.Count);
    }

    // A key shredded while its batch was being re-wrapped has nothing left to re-wrap: drop it and save the rest.
    private async Task<int> SaveSkippingVanishedAsync(int count, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return count;
            }
            catch (DbUpdateConcurrencyException e)
            {
                foreach (var entry in e.Entries)
                {
                    entry.State = EntityState.Detached;
                    count--;
                }
            }
        }
    }

    private static void ValidateText(string value, int maxLength, string name)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
            throw new ArgumentException($"The {name} is required and at most {maxLength} characters.", name);
    }

    private static MamoriException Shredded(Guid personId) =>
        new(CryptoErrors.KeyShredded, $"The data key of person {personId} was shredded; their data can no longer be read.");
}
