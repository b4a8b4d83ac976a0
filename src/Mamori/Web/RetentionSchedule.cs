using Mamori.Audit;
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
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await Task.Delay(NextRun(now) - now, clock, stoppingToken);
            await RunOnceAsync(stoppingToken);
        }
    }

    public async Task<DisposalRecord?> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var record = await scope.ServiceProvider.GetRequiredService<Disposals>().RunAsync(AuditActors.System, "policy:" + policy.Version, ct);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({Error}); it is tried again tomorrow")]
    private partial void LogFailed(string error);
}
