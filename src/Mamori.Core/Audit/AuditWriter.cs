using Mamori.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Audit;

/// <summary>
/// Group commit for audit entries that carry no change of their own (a decision, a read): one loop chains every entry
/// waiting and stores them in one transaction, so under load many requests share one chain lock and one commit instead
/// of each taking the database's write lock in turn (about 1,000 appends/s was the ceiling of the decision endpoint).
/// A caller's task completes when its entry is committed, as before. Entries that travel with a change are not
/// queued: <see cref="AuditTrail"/> stores those in the caller's own transaction, so the two land together.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly GroupCommit<Pending> _groups;

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Stored);

    public AuditWriter(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        // Up to 500 entries a commit: enough to share one among all requests in flight, few enough to keep it short.
        _groups = new GroupCommit<Pending>(capacity: 4_096, maxWeight: 500, weight: _ => 1, CommitGroupAsync);
    }

    /// <summary>Chains and stores the entry in the next commit; completes once it is durable. Once queued the entry
    /// is stored even if the caller gives up.</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _groups.EnqueueAsync(pending, ct);
        await pending.Stored.Task;
    }

    public ValueTask DisposeAsync() => _groups.DisposeAsync();

    private async Task CommitGroupAsync(List<Pending> group)
    {
        try
        {
            await CommitAsync(group);
            group.ForEach(p => p.Stored.TrySetResult());
        }
        catch when (group.Count > 1)
        {
            // One entry's failure must not fail the others': store each alone, each caller gets its own outcome.
            foreach (var pending in group)
                await CommitAloneAsync(pending);
        }
        catch (Exception e)
        {
            group[0].Stored.TrySetException(e);
        }
    }

    private async Task CommitAloneAsync(Pending pending)
    {
        try
        {
            await CommitAsync([pending]);
            pending.Stored.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Stored.TrySetException(e);
        }
    }

    private async Task CommitAsync(List<Pending> group)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MamoriDb>();
        // On SQLite this is BEGIN IMMEDIATE: the one write lock is taken before the last entry is read.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var last = await AuditTrail.LockAndReadLastAsync(db, default);
        var now = AuditHash.Truncate(_clock.GetUtcNow());
        // A prepared INSERT generated from the model rather than SaveChanges: change tracking a few hundred entries
        // per commit was most of the writer's cost.
        using var insert = InsertCommand<AuditEntry>.ForAllColumns(db, db.Database.GetDbConnection());
        insert.Transaction = transaction.GetDbTransaction();
        foreach (var (entry, _) in group)
        {
            last = AuditTrail.Chain(entry, last, now);
            insert.Execute(entry);
        }
        await transaction.CommitAsync();
    }
}
