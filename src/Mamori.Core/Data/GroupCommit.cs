using System.Threading.Channels;

namespace Mamori.Data;

/// <summary>
/// The loop behind group commit (<see cref="Signals.SignalWriter"/>, <see cref="Audit.AuditWriter"/>): callers queue an
/// item and await its own completion; one loop takes every item waiting, up to a weight per commit, and hands them to
/// <c>commit</c> together. Under load many callers share one transaction (SQLite's cost is per commit, not per row);
/// under light load an item is committed at once without waiting for company. <c>commit</c> settles each item's
/// outcome itself and must not throw: a failure belongs to the items, not to the loop.
/// </summary>
internal sealed class GroupCommit<TItem> : IAsyncDisposable
{
    private readonly Channel<TItem> _queue;
    private readonly int _maxWeight;
    private readonly Func<TItem, int> _weight;
    private readonly Func<List<TItem>, Task> _commit;
    private readonly Task _loop;

    /// <param name="capacity">Items that may wait; beyond this, callers wait to queue (back-pressure).</param>
    /// <param name="maxWeight">A commit takes items until their weight reaches this (an item is never split).</param>
    public GroupCommit(int capacity, int maxWeight, Func<TItem, int> weight, Func<List<TItem>, Task> commit)
    {
        _queue = Channel.CreateBounded<TItem>(new BoundedChannelOptions(capacity) { SingleReader = true });
        _maxWeight = maxWeight;
        _weight = weight;
        _commit = commit;
        _loop = Task.Run(RunAsync);
    }

    public ValueTask EnqueueAsync(TItem item, CancellationToken ct) => _queue.Writer.WriteAsync(item, ct);

    /// <summary>Stops taking items and waits for those queued to be committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var group = new List<TItem>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var weight = 0;
            while (weight < _maxWeight && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
                weight += _weight(next);
            }
            await _commit(group);
            group.Clear();
        }
    }
}
