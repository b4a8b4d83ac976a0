using Mamori.Requests;

namespace Mamori.Host.Web;

public static class RequestServices
{
    /// <summary>Requests from data subjects (開示等の請求等) and the disclosure package they draw on.</summary>
    public static IServiceCollection AddMamoriRequests(this IServiceCollection services)
    {
        services.AddScoped<DisclosurePackage>();
        services.AddScoped<RequestCases>();
        services.AddScoped<Dashboard.IDashboardTile, Dashboard.RequestsTile>();
        return services;
    }
}
