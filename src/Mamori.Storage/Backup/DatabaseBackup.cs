using System.ComponentModel;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mamori.Storage.Backup;

/// <summary>
/// A consistent copy of the database while Mamori serves, and putting one back. SQLite: the online backup API (a
/// page-by-page copy of one snapshot, writers carry on). PostgreSQL: <c>pg_dump</c> of a snapshot exported from a
/// repeatable-read transaction, in which the manifest's row counts are taken too, so counts and copy agree.
/// </summary>
public static class DatabaseBackup
{
    public sealed record Snapshot(string FileName, IReadOnlyDictionary<string, long> Tables, long AuditEntries, string? AuditHeadHash);

    public const string SqliteFileName = DatabaseSettings.SqliteFileName;
    public const string PostgresFileName = "database.pgdump";

    /// <summary>Copies the database into <paramref name="directory"/>; returns the file's name and the snapshot's counts.</summary>
    public static async Task<Snapshot> CopyAsync(DatabaseSettings settings, string directory, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Sqlite
            ? await CopySqliteAsync(settings, directory, ct)
            : await CopyPostgresAsync(settings, directory, ct);

    /// <summary>True if the target holds any table (or, for SQLite, any database file at all).</summary>
    public static async Task<bool> HasDataAsync(DatabaseSettings settings, CancellationToken ct)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
            return File.Exists(SqlitePath(settings));
        await using var connection = await OpenPostgresAsync(settings, createIfMissing: false, ct);
        if (connection is null)
            return false;
        return await ScalarAsync(connection, null, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'", ct) > 0;
    }

    /// <summary>Replaces the target database by the copy in <paramref name="directory"/> and returns its row counts.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> RestoreAsync(DatabaseSettings settings, BackupManifest manifest, string directory, CancellationToken ct)
    {
        if (manifest.Provider != settings.Provider)
        {
            throw new MamoriException(BackupCodes.ProviderMismatch,
                $"The archive holds a {manifest.Provider} database; the target is {settings.Describe()}. Restore it into a {manifest.Provider} target.");
        }
        return settings.Provider == DatabaseProvider.Sqlite
            ? await RestoreSqliteAsync(settings, directory, ct)
            : await RestorePostgresAsync(settings, directory, ct);
    }

    private static string SqlitePath(DatabaseSettings settings) => new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;

    private static async Task<Snapshot> CopySqliteAsync(DatabaseSettings settings, string directory, CancellationToken ct)
    {
        var source = SqlitePath(settings);
        if (!File.Exists(source))
            throw new MamoriException(BackupCodes.SourceMissing, $"There is no Mamori database at {settings.Describe()}.");
        var copy = Path.Combine(directory, SqliteFileName);
        await using (var from = new SqliteConnection(Unpooled(source)))
        await using (var to = new SqliteConnection(Unpooled(copy)))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }
        await using var check = new SqliteConnection(Unpooled(copy));
        await check.OpenAsync(ct);
        // The copy keeps the source's WAL mode (its header says so) but is one self-contained file: the backup wrote
        // every page into it. It stays in WAL mode on purpose: EF opens a database read-only first, where switching
        // the journal mode would fail.
        var (tables, audit, head) = await CountAsync(check, null, SqliteTablesSql, ct);
        return new Snapshot(SqliteFileName, tables, audit, head);
    }

    private static async Task<Snapshot> CopyPostgresAsync(DatabaseSettings settings, string directory, CancellationToken ct)
    {
        await using var connection = await OpenPostgresAsync(settings, createIfMissing: false, ct)
            ?? throw new MamoriException(BackupCodes.SourceMissing, $"There is no Mamori database at {settings.Describe()}.");
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
            snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var (tables, audit, head) = await CountAsync(connection, transaction, PostgresTablesSql, ct);
        var file = Path.Combine(directory, PostgresFileName);
        // The snapshot lives as long as this transaction: pg_dump sees exactly what was counted.
        await RunToolAsync("pg_dump", settings, ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot}", $"--file={file}"], ct);
        await transaction.CommitAsync(ct);
        return new Snapshot(PostgresFileName, tables, audit, head);
    }

    private static async Task<IReadOnlyDictionary<string, long>> RestoreSqliteAsync(DatabaseSettings settings, string directory, CancellationToken ct)
    {
        var target = SqlitePath(settings);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        SqliteConnection.ClearAllPools();
        foreach (var stale in new[] { target, target + "-wal", target + "-shm" })
            File.Delete(stale);
        var temp = target + ".restoring";
        File.Copy(Path.Combine(directory, SqliteFileName), temp, overwrite: true);
        File.Move(temp, target);
        await using var connection = new SqliteConnection(Unpooled(target));
        await connection.OpenAsync(ct);
        return (await CountAsync(connection, null, SqliteTablesSql, ct)).Tables;
    }

    private static async Task<IReadOnlyDictionary<string, long>> RestorePostgresAsync(DatabaseSettings settings, string directory, CancellationToken ct)
    {
        await using (var connection = (await OpenPostgresAsync(settings, createIfMissing: true, ct))!)
        {
            // A clean public schema: tables a newer migration added, absent from the archive, must go too.
            await ExecuteAsync(connection, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", ct);
        }
        NpgsqlConnection.ClearAllPools();
        await RunToolAsync("pg_restore", settings, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
            $"--dbname={new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database}", Path.Combine(directory, PostgresFileName)], ct);
        await using var restored = (await OpenPostgresAsync(settings, createIfMissing: false, ct))!;
        return (await CountAsync(restored, null, PostgresTablesSql, ct)).Tables;
    }

    private const string SqliteTablesSql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
    private const string PostgresTablesSql = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";

    private static async Task<(SortedDictionary<string, long> Tables, long Audit, string? Head)> CountAsync(DbConnection connection, DbTransaction? transaction, string tablesSql, CancellationToken ct)
    {
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = tablesSql;
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                names.Add(reader.GetString(0));
        }
        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in names)
            tables[name] = await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        string? head = null;
        if (names.Contains("audit_entries"))
        {
            await using var last = connection.CreateCommand();
            last.Transaction = transaction;
            last.CommandText = "SELECT \"Hash\" FROM audit_entries ORDER BY \"Sequence\" DESC LIMIT 1";
            head = await last.ExecuteScalarAsync(ct) as string;
        }
        return (tables, tables.GetValueOrDefault("audit_entries"), head);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Unpooled(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();

    /// <summary>An open connection to the target database; null if it does not exist (created first when asked).</summary>
    private static async Task<NpgsqlConnection?> OpenPostgresAsync(DatabaseSettings settings, bool createIfMissing, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            if (!createIfMissing)
                return null;
        }
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
        var name = builder.Database!;
        builder.Database = "postgres";
        await using (var maintenance = new NpgsqlConnection(builder.ConnectionString))
        {
            await maintenance.OpenAsync(ct);
            await ExecuteAsync(maintenance, $"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", ct);
        }
        connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Runs pg_dump or pg_restore with the connection in libpq's environment variables (the password never
    /// on a command line other users can list).</summary>
    private static async Task RunToolAsync(string tool, DatabaseSettings settings, IEnumerable<string> args, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["PGHOST"] = b.Host;
        start.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = b.Database;
        if (b.Username is { } user)
            start.Environment["PGUSER"] = user;
        if (b.Password is { } password)
            start.Environment["PGPASSWORD"] = password;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            throw new MamoriException(BackupCodes.ToolMissing,
                $"{tool} is not installed (Debian: apt-get install postgresql-client); it must be at least the server's version.");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                // pg_dump's messages name objects, never row values.
                throw new MamoriException(BackupCodes.ToolFailed, $"{tool} failed ({process.ExitCode}): {(await stderr).Trim()}");
            }
        }
    }
}
