using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Retention;

public static class RetentionServices
{
    /// <summary>Retention runs and legal holds. The daily job is the host's (<c>RetentionSchedule</c>, under <c>mamori serve</c>).</summary>
    public static IServiceCollection AddMamoriRetention(this IServiceCollection services)
    {
        services.AddScoped<Disposals>();
        services.AddScoped<LegalHolds>();
        return services;
    }
}
