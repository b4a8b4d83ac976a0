using Mamori.Host.Api;
using Mamori.Host.Web.Dashboard;
using Mamori.Ledger;
using Mamori.Retention;
using Mamori.Statistics;
using Mamori.Training;

namespace Mamori.Host.Web;

/// <summary>Running the programme (§11(2)–(4)): retention with its daily job, and the endpoints. One place to wire, so
/// the shared MamoriApp needs one line for services and one for endpoints.</summary>
public static class ProgrammeServices
{
    public static IServiceCollection AddMamoriProgramme(this IServiceCollection services, ServeOptions options)
    {
        services.AddMamoriRetention();
        services.AddMamoriLedger();
        services.AddMamoriStatistics();
        services.AddMamoriTraining();
        // The console home's tiles; each capability registers its own beside its services (IDashboardTile).
        services.AddScoped<IDashboardTile, RetentionTile>();
        services.AddScoped<IDashboardTile, TrainingTile>();
        services.AddScoped<IDashboardTile, LedgerTile>();
        if (options.ScheduledJobs)
            services.AddHostedService<RetentionSchedule>();
        return services;
    }

    public static void MapProgrammeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapRetentionApi();
        routes.MapLedgerApi();
        routes.MapStatisticsApi();
        routes.MapTrainingApi();
    }
}
