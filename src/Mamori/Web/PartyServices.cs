using Mamori.Parties;

namespace Mamori.Host.Web;

public static class PartyServices
{
    /// <summary>The registry of parties and contractor supervision; with <paramref name="scheduledJobs"/>, the daily
    /// purge of provision records past their retention.</summary>
    public static IServiceCollection AddMamoriParties(this IServiceCollection services, bool scheduledJobs)
    {
        services.AddScoped<PartyRegistry>();
        services.AddScoped<ContractorSupervision>();
        if (scheduledJobs)
            services.AddHostedService<ProvisionRecordPurgeJob>();
        return services;
    }
}
