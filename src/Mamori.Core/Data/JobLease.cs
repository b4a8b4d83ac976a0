using Microsoft.EntityFrameworkCore;

namespace Mamori.Data;

/// <summary>
/// Lets one node at a time run a scheduled job when several <c>mamori serve</c> share one PostgreSQL: a session-level
/// advisory lock held on the context's connection for the job's length. A node that cannot take it skips the run.
/// SQLite needs none (one node owns the file).
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly MamoriDb? _db;
    private readonly long _key;

    private JobLease(MamoriDb? db, long key) => (_db, _key) = (db, key);

    /// <returns>The lease, or null when another node holds it.</returns>
    public static async Task<JobLease?> TryTakeAsync(MamoriDb db, long key, CancellationToken ct = default)
    {
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
            return new JobLease(null, key);
        await db.Database.OpenConnectionAsync(ct);
        var taken = await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}) AS \"Value\"", key).SingleAsync(ct);
        if (taken)
            return new JobLease(db, key);
        await db.Database.CloseConnectionAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
            return;
        await _db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0})", _key);
        await _db.Database.CloseConnectionAsync();
    }
}
