using Mamori.Provision;

namespace Mamori.Host.Web;

public static class ProvisionServices
{
    /// <summary>Provision to third parties, provision consents, and the records of Arts. 29–31 with their purge.</summary>
    public static IServiceCollection AddMamoriProvision(this IServiceCollection services)
    {
        services.AddScoped<Provisions>();
        services.AddScoped<ProvisionConsents>();
        services.AddScoped<ProvisionRecords>();
        return services;
    }
}
