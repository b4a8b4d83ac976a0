using System.Data.Common;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mamori.Signals;

/// <summary>How the writer groups batches into commits.</summary>
/// <param name="MaxRowsPerCommit">A commit takes every batch waiting, up to about this many rows (a batch is never split).</param>
/// <param name="MaxWaitingBatches">Batches that may wait for the writer; beyond this, callers wait (back-pressure).</param>
public sealed record SignalWriterOptions(int MaxRowsPerCommit = 20_000, int MaxWaitingBatches = 256);

/// <summary>
/// Stores batches of signals by group commit. One loop owns all writes: each commit takes every batch that arrived
/// while the previous commit ran, so under load many requests share one transaction (SQLite's cost is per commit and
/// per page touched, not per row), and under light load a batch is committed at once without waiting for company.
/// A caller's task completes only when its rows are durable, so a request is acknowledged only after commit.
/// </summary>
public sealed class SignalWriter : IAsyncDisposable
{
    // Any fixed key will do; this one is "mamorisg" in ASCII, recognisable in pg_locks. Serialises the id
    // allocation of several nodes' writers on one PostgreSQL; on SQLite BEGIN IMMEDIATE already does.
    private const string PostgresLock = "SELECT pg_advisory_xact_lock(7881701148303389543)";

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<SignalWriter> _log;
    private readonly GroupCommit<Pending> _groups;

    private sealed record Pending(SignalBatch Batch, IReadOnlyList<Signal> Rows, TaskCompletionSource<bool> Stored);

    public SignalWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignalWriter> log, SignalWriterOptions? options = null)
    {
        _scopes = scopes;
        _clock = clock;
        _log = log;
        options ??= new SignalWriterOptions();
        _groups = new GroupCommit<Pending>(options.MaxWaitingBatches, options.MaxRowsPerCommit, p => p.Rows.Count, CommitGroupAsync);
    }

    /// <summary>
    /// Stores the batch record and its rows in the next commit (the rows get their ids and arrival time there).
    /// True once they are committed; false if the site's batch ID was already stored, in which case nothing is.
    /// </summary>
    public async Task<bool> WriteAsync(SignalBatch batch, IReadOnlyList<Signal> rows, CancellationToken ct = default)
    {
        var pending = new Pending(batch, rows, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _groups.EnqueueAsync(pending, ct);
        // Once queued the batch is written even if the caller gives up: a retry is answered from the stored result.
        return await pending.Stored.Task;
    }

    public ValueTask DisposeAsync() => _groups.DisposeAsync();

    private async Task CommitGroupAsync(List<Pending> group)
    {
        try
        {
            var stored = await CommitAsync(group);
            for (var i = 0; i < group.Count; i++)
                group[i].Stored.TrySetResult(stored[i]);
        }
        catch (Exception e)
        {
            // The callers get a stable problem and retry; the cause goes to the log only.
            _log.LogError(e, "A commit of {Batches} signal batches failed.", group.Count);
            foreach (var pending in group)
                pending.Stored.TrySetException(new MamoriException(SignalCodes.StoreUnavailable,
                    "The signals could not be stored just now; send the same batch again later.", 503));
        }
    }

    private async Task<bool[]> CommitAsync(List<Pending> group)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before the last id is read.
        await using var transaction = await connection.BeginTransactionAsync();
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            await ExecuteAsync(transaction, PostgresLock);
        var nextId = Convert.ToInt64(await ScalarAsync(transaction, LastIdSql(db)), System.Globalization.CultureInfo.InvariantCulture) + 1;
        var now = _clock.GetUtcNow();

        using var insertBatch = Inserts.Batch(db, transaction);
        using var insertSignal = Inserts.Signal(db, transaction);
        using var insertRange = Inserts.Range(db, transaction);
        var stored = new bool[group.Count];
        var ranges = new Dictionary<string, DeviceSignalRange>(StringComparer.Ordinal);
        for (var i = 0; i < group.Count; i++)
        {
            var (batch, rows, _) = group[i];
            batch.ReceivedAt = now;
            (batch.FirstSignalId, batch.LastSignalId) = rows.Count == 0 ? ((long?)null, (long?)null) : (nextId, nextId + rows.Count - 1);
            // A batch ID seen before (an earlier commit, or earlier in this one) is skipped whole.
            if (insertBatch.Execute(batch) == 0)
                continue;
            stored[i] = true;
            foreach (var row in rows)
            {
                row.Id = nextId++;
                row.ReceivedAt = now;
                insertSignal.Execute(row);
                if (row.DeviceId is { } device)
                {
                    if (ranges.TryGetValue(device, out var range))
                        range.LastSignalId = row.Id;
                    else
                        ranges[device] = new DeviceSignalRange { DeviceId = device, FirstSignalId = row.Id, LastSignalId = row.Id };
                }
            }
        }
        foreach (var range in ranges.Values)
            insertRange.Execute(range);
        await transaction.CommitAsync();
        return stored;
    }

    private static string LastIdSql(MamoriDb db)
    {
        var entity = db.Model.FindEntityType(typeof(Signal))!;
        var id = entity.FindProperty(nameof(Signal.Id))!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
        return $"SELECT COALESCE(MAX({Quote(db, id!)}), 0) FROM {Quote(db, entity.GetTableName()!)}";
    }

    private static string Quote(MamoriDb db, string identifier) =>
        db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>().DelimitIdentifier(identifier);

    private static async Task ExecuteAsync(DbTransaction transaction, string sql)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(DbTransaction transaction, string sql)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The three inserts of a commit, column by column.</summary>
    private static class Inserts
    {
        public static InsertCommand<SignalBatch> Batch(MamoriDb db, DbTransaction transaction) => new(db, transaction,
            $"ON CONFLICT ({Quote(db, nameof(SignalBatch.Site))}, {Quote(db, nameof(SignalBatch.BatchId))}) DO NOTHING",
            (nameof(SignalBatch.Site), b => b.Site),
            (nameof(SignalBatch.BatchId), b => b.BatchId),
            (nameof(SignalBatch.PostedBy), b => b.PostedBy),
            (nameof(SignalBatch.ReceivedAt), b => b.ReceivedAt),
            (nameof(SignalBatch.FirstSignalId), b => b.FirstSignalId),
            (nameof(SignalBatch.LastSignalId), b => b.LastSignalId),
            (nameof(SignalBatch.Result), b => b.Result));

        public static InsertCommand<Signal> Signal(MamoriDb db, DbTransaction transaction) => new(db, transaction, "",
            (nameof(Signals.Signal.Id), s => s.Id),
            (nameof(Signals.Signal.ReceivedAt), s => s.ReceivedAt),
            (nameof(Signals.Signal.DeviceId), s => s.DeviceId),
            (nameof(Signals.Signal.Type), s => s.Type),
            (nameof(Signals.Signal.At), s => s.At),
            (nameof(Signals.Signal.Url), s => s.Url),
            (nameof(Signals.Signal.Referrer), s => s.Referrer),
            (nameof(Signals.Signal.UserAgent), s => s.UserAgent),
            (nameof(Signals.Signal.Os), s => s.Os),
            (nameof(Signals.Signal.Connection), s => s.Connection),
            (nameof(Signals.Signal.Ip), s => s.Ip),
            (nameof(Signals.Signal.Latitude), s => s.Latitude),
            (nameof(Signals.Signal.Longitude), s => s.Longitude),
            (nameof(Signals.Signal.LocationAccuracy), s => s.LocationAccuracy),
            (nameof(Signals.Signal.Count), s => s.Count),
            (nameof(Signals.Signal.AdId), s => s.AdId),
            (nameof(Signals.Signal.LogLine), s => s.LogLine),
            (nameof(Signals.Signal.Sealed), s => s.Sealed));

        public static InsertCommand<DeviceSignalRange> Range(MamoriDb db, DbTransaction transaction) => new(db, transaction, "",
            (nameof(DeviceSignalRange.DeviceId), r => r.DeviceId),
            (nameof(DeviceSignalRange.FirstSignalId), r => r.FirstSignalId),
            (nameof(DeviceSignalRange.LastSignalId), r => r.LastSignalId));
    }
}
