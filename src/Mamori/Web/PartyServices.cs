using Mamori.Parties;

namespace Mamori.Host.Web;

public static class PartyServices
{
    /// <summary>The registry of parties and contractor supervision. Provision records past their retention are purged by
    /// the daily retention run (<c>Disposals</c>), which also honours legal holds.</summary>
    public static IServiceCollection AddMamoriParties(this IServiceCollection services)
    {
        services.AddScoped<PartyRegistry>();
        services.AddScoped<ContractorSupervision>();
        services.AddScoped<Dashboard.IDashboardTile, Dashboard.SupervisionTile>();
        return services;
    }
}
