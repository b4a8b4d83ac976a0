using Mamori.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mamori.Tests.Hardening;

/// <summary>Reads a test database below Mamori (for databases a separate <c>mamori serve</c> process writes).</summary>
internal static class RawSql
{
    /// <summary>One number from a query; parameters are named @p0, @p1, … in order.</summary>
    public static async Task<long> CountAsync(TestDatabase database, string sql, params object[] parameters)
    {
        await using var connection = Open(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            p.Value = parameters[i];
            command.Parameters.Add(p);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every application table with its row count (EF's migrations history left out).</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(TestDatabase database)
    {
        var tables = new List<string>();
        await using (var connection = Open(database))
        {
            await connection.OpenAsync();
            await using var list = connection.CreateCommand();
            list.CommandText = database.ConnectionString is null
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT tablename FROM pg_tables WHERE schemaname = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => t != "__EFMigrationsHistory"))
            counts[table] = await CountAsync(database, $"SELECT COUNT(*) FROM \"{table}\"");
        return counts;
    }

    private static System.Data.Common.DbConnection Open(TestDatabase database) => database.ConnectionString is { } pg
        ? new NpgsqlConnection(pg)
        : new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(database.DataDirectory, Mamori.Storage.DatabaseSettings.SqliteFileName),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
}
