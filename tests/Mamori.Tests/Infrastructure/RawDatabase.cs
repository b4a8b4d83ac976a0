using System.Text;
using Npgsql;

namespace Mamori.Tests.Infrastructure;

public abstract partial class MamoriHost
{
    /// <summary>
    /// Looks for a value in the raw storage, below the ORM: for SQLite the bytes of the database file and its WAL;
    /// for PostgreSQL every row of every table, as text. True if the value is there in plaintext.
    /// </summary>
    public async Task<bool> RawDatabaseContainsAsync(string value)
    {
        if (Database.ConnectionString is { } pg)
            return await PostgresContainsAsync(pg, value);
        var needle = Encoding.UTF8.GetBytes(value);
        var file = Path.Combine(Database.DataDirectory, Mamori.Storage.DatabaseSettings.SqliteFileName);
        foreach (var path in new[] { file, file + "-wal" })
        {
            if (!File.Exists(path))
                continue;
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            if (buffer.ToArray().AsSpan().IndexOf(needle) >= 0)
                return true;
        }
        return false;
    }

    private static async Task<bool> PostgresContainsAsync(string connectionString, string value)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var dump = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
            await using var rows = await dump.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                if (rows.GetString(0).Contains(value, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }
}
