using Npgsql;

namespace Mamori.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test host: a temporary SQLite directory or a new PostgreSQL database.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string DataDirectory { get; }
    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public abstract string? ConnectionString { get; }
    public abstract string Name { get; }
    public abstract ValueTask DisposeAsync();

    public static TestDatabase Create(string provider) => provider switch
    {
        "sqlite" => new SqliteTestDatabase(),
        "postgres" => PostgresTestDatabase.Create(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

public sealed class SqliteTestDatabase : TestDatabase
{
    public override string DataDirectory { get; } = Directory.CreateTempSubdirectory("mamori-test-").FullName;
    public override string? ConnectionString => null;
    public override string Name => "sqlite";

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    /// <summary>Set by scripts/test.sh; the tests refuse to run without it so PostgreSQL is never silently skipped.</summary>
    public const string Variable = "MAMORI_TEST_POSTGRES";

    private readonly string _server;
    private readonly string _database;

    private PostgresTestDatabase(string server, string database)
    {
        _server = server;
        _database = database;
        DataDirectory = Directory.CreateTempSubdirectory("mamori-test-pg-").FullName;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
    }

    public override string DataDirectory { get; }
    public override string? ConnectionString { get; }
    public override string Name => "postgres";

    public static PostgresTestDatabase Create()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException($"{Variable} is not set. Run the suite with scripts/test.sh, which starts PostgreSQL and sets it.");
        return new PostgresTestDatabase(server, "mamori_test_" + Guid.NewGuid().ToString("N")[..12]);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        // An autovacuum worker on the database is a process this role may not terminate (42501); it leaves within moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
