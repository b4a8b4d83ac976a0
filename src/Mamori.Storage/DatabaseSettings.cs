using Mamori.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: SQLite in the data directory (the default) or a PostgreSQL connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteFileName = "mamori.db";

    public static DatabaseSettings For(string dataDirectory, string? database)
    {
        if (!string.IsNullOrWhiteSpace(database))
            return new(DatabaseProvider.Postgres, database);
        var path = Path.GetFullPath(Path.Combine(dataDirectory, SqliteFileName));
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 };
        return new(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>A redacted description for logs and messages: never the password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite ({new SqliteConnectionStringBuilder(ConnectionString).DataSource})",
        _ => $"PostgreSQL ({Describe(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString))})",
    };

    private static string Describe(Npgsql.NpgsqlConnectionStringBuilder b) => $"{b.Host}:{b.Port}/{b.Database}";
}

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="MamoriDb"/> for the chosen provider. Contexts are pooled: building a context's
    /// options and internal services for every request was a fifth of an API read's CPU (docs/performance.md), and the
    /// contexts hold no state of their own that a reset would miss.</summary>
    public static IServiceCollection AddMamoriStorage(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<SqliteMamoriDb>(o => KeepValuesOutOfLogs(o.UseSqlite(settings.ConnectionString)
                    .AddInterceptors(new SqlitePragmas())));
                var directory = Path.GetDirectoryName(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource)!;
                var directoryMade = false;
                services.AddScoped<MamoriDb>(sp =>
                {
                    // One connection for the scope (a request): EF Core would otherwise take one from Microsoft.Data.Sqlite's
                    // pool and give it back around every query, re-registering its SQL functions each time, and the pool's
                    // lock was contended under load (ADR-014). The context's reset on leaving the scope closes it. Opening
                    // creates the file, so a new data directory must exist first (commands such as `keys create` make one).
                    if (!directoryMade)
                    {
                        Directory.CreateDirectory(directory);
                        directoryMade = true;
                    }
                    var db = sp.GetRequiredService<SqliteMamoriDb>();
                    db.Database.OpenConnection();
                    return db;
                });
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<PostgresMamoriDb>(o => KeepValuesOutOfLogs(o.UseNpgsql(settings.ConnectionString)));
                services.AddScoped<MamoriDb>(sp => sp.GetRequiredService<PostgresMamoriDb>());
                break;
        }
        return services;
    }

    /// <summary>
    /// Sensitive data logging is never enabled, so EF Core logs parameters as <c>?</c> and keeps key values out of its
    /// messages. These events are not logged at all: their message embeds the exception's full text, and a provider's
    /// text can name the values involved (PostgreSQL's duplicate-key detail, with Include Error Detail on). The
    /// exception still reaches the caller, and the host logs it without its message (docs/operations.md, "Logs").
    /// </summary>
    private static DbContextOptionsBuilder KeepValuesOutOfLogs(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(
            CoreEventId.SaveChangesFailed,
            CoreEventId.QueryIterationFailed,
            CoreEventId.ExecutionStrategyRetrying,
            RelationalEventId.NonQueryOperationFailed,
            RelationalEventId.ExecuteDeleteFailed,
            RelationalEventId.ExecuteUpdateFailed));
}

/// <summary>WAL journal (readers never block the writer), a sane sync level, enforced foreign keys, and
/// secure_delete so a shredded key's bytes do not linger in free pages. The settings belong to SQLite's connection
/// handle, which the pool keeps open and hands out again, so they are applied once per handle rather than on every
/// open (EF Core opens and closes the pooled connection around each query; the pragmas were 12 % of a read's CPU).</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Applied = new();
    private static readonly object Done = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        // The handle outlives this SqliteConnection object; a handle the pool closes is collected with its entry.
        var handle = ((SqliteConnection)connection).Handle!;
        if (Applied.TryGetValue(handle, out _))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(handle, Done);
    }
}
