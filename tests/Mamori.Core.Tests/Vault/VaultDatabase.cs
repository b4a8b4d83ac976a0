using Mamori.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Tests.Vault;

/// <summary>
/// An in-memory SQLite database with Mamori's model, kept alive by one open connection. Each
/// <see cref="NewContext"/> is a fresh unit of work on the same data, as a new request would be.
/// </summary>
internal sealed class VaultDatabase : IDisposable
{
    private sealed class TestDb(DbContextOptions options) : MamoriDb(options);

    public VaultDatabase()
    {
        Connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public SqliteConnection Connection { get; } = new("Data Source=:memory:");

    public MamoriDb NewContext() => new TestDb(new DbContextOptionsBuilder<TestDb>().UseSqlite(Connection).Options);

    /// <summary>A copy of the whole database as it is now: a backup.</summary>
    public SqliteConnection Backup()
    {
        var copy = new SqliteConnection("Data Source=:memory:");
        copy.Open();
        Connection.BackupDatabase(copy);
        return copy;
    }

    /// <summary>Overwrites the live database with an earlier backup.</summary>
    public void Restore(SqliteConnection backup) => backup.BackupDatabase(Connection);

    public void Dispose() => Connection.Dispose();
}
