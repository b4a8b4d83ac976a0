using Mamori.Audit;
using Mamori.Provision;

namespace Mamori.Host.Web;

/// <summary>
/// Once a day, deletes the Arts. 29–31 records past their retention (3 years; 1 where a contract stands in) through
/// <see cref="ProvisionRecords.PurgeExpiredAsync"/>, which records each run. The period runs on the injected clock.
/// </summary>
public sealed partial class ProvisionRecordPurgeJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProvisionRecordPurgeJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    /// <summary>One run, in its own scope, by the system actor.</summary>
    public async Task<PurgeResult> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProvisionRecords>().PurgeExpiredAsync(AuditActors.System, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await RunOnceAsync(stoppingToken);
                Purged(result.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is tried again the next day; the service keeps serving.
                Failed(e.GetType().Name);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Provision record purge: {Count} records past their retention deleted.")]
    private partial void Purged(int count);

    [LoggerMessage(LogLevel.Error, "Provision record purge failed ({Error}); it runs again in a day.")]
    private partial void Failed(string error);
}
