using Microsoft.EntityFrameworkCore;

namespace Mamori.Data;

/// <summary>What is left of plaintext after it was sealed or deleted, below the rows.</summary>
public static class StorageHygiene
{
    /// <summary>
    /// SQLite keeps the old pages in its write-ahead log until a checkpoint, so a value overwritten or deleted is still
    /// in the <c>-wal</c> file. A TRUNCATE checkpoint copies the new pages into the database file (where
    /// <c>secure_delete</c> has zeroed the freed space) and empties the log. PostgreSQL keeps dead row versions until
    /// (auto)vacuum; that is for operations (docs/operations.md), not for a request to wait on.
    /// </summary>
    public static async Task ForgetReplacedPagesAsync(this MamoriDb db, CancellationToken ct = default)
    {
        if (db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", ct);
    }
}
