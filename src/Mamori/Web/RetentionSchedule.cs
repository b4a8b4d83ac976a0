using Mamori.Audit;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Retention;

namespace Mamori.Host.Web;

/// <summary>
/// Runs retention once a day at <see cref="RunAt"/> Japan time (03:00 by default, when the office is closed). The
/// run's approval is the published policy's rules (<c>policy:{version}</c>). A failed run is logged (codes only) and
/// tried again the next day; a run missed while Mamori was down is made up at the next start of the day's slot.
/// </summary>
public sealed partial class RetentionSchedule(IServiceScopeFactory scopes, CurrentPolicy policy, TimeProvider clock, ILogger<RetentionSchedule> logger)
    : BackgroundService
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);
    /// <summary>"mamoriRT" in ASCII: the advisory lock of the retention run, recognisable in pg_locks.</summary>
    public const long LeaseKey = 0x6D616D6F72695254;
    /// <summary>A scheduled run within this long of the last one is another node's duplicate of the same slot.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(12);

    public TimeOnly RunAt { get; init; } = new(3, 0);

    /// <summary>The next moment after <paramref name="now"/> the job runs.</summary>
    public DateTimeOffset NextRun(DateTimeOffset now)
    {
        var local = now.ToOffset(Japan);
        var today = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(RunAt), Japan);
        return today > now ? today : today.AddDays(1);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                await Task.Delay(NextRun(now) - now, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down, not failing: without this the host logged every stop as a faulted background service.
        }
    }

    /// <summary>One run, unless another node is running it or ran it in the last <see cref="MinimumGap"/>
    /// (several nodes share the schedule); null when skipped or failed.</summary>
    public async Task<DisposalRecord?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var lease = await JobLease.TryTakeAsync(scope.ServiceProvider.GetRequiredService<MamoriDb>(), LeaseKey, ct);
            var disposals = scope.ServiceProvider.GetRequiredService<Disposals>();
            if (lease is null || (await disposals.RecentAsync(1, ct)).FirstOrDefault() is { RunBy: AuditActors.System } last
                && clock.GetUtcNow() - last.RunAt < MinimumGap)
            {
                LogSkipped();
                return null;
            }
            var record = await disposals.RunAsync(AuditActors.System, "policy:" + policy.Version, ct);
            LogRun(record.Id, record.Total);
            return record;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run {DisposalId} disposed of {Count} records")]
    private partial void LogRun(Guid disposalId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run skipped: another node is running it or has just run it")]
    private partial void LogSkipped();

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({Error}); it is tried again tomorrow")]
    private partial void LogFailed(string error);
}
