using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Statistics;

public static class StatisticsServices
{
    /// <summary>Aggregate reports with small cells suppressed, and the register of anonymised datasets.</summary>
    public static IServiceCollection AddMamoriStatistics(this IServiceCollection services) =>
        services.AddScoped<AggregateReports>().AddScoped<AnonymisedDatasets>();
}
