using Mamori.Signals;

namespace Mamori.Host.Web;

public static class SignalServices
{
    /// <summary>The consent gate and the one group-commit writer, ingestion and import, links, linked signals and audiences.
    /// Needs the consent catalog and ledger (<c>AddMamoriConsent</c>) and, for links and audiences, the vault's decision engine.</summary>
    public static IServiceCollection AddMamoriSignals(this IServiceCollection services, SignalSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(new SignalWriterOptions());
        services.AddSingleton(sp => new SignalWriter(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SignalWriter>>(), sp.GetRequiredService<SignalWriterOptions>()));
        services.AddSingleton<SignalImport>();
        services.AddScoped<DeviceConsents>();
        services.AddScoped<SignalIngestion>();
        services.AddScoped<DeviceLinks>();
        services.AddScoped<LinkedSignals>();
        services.AddScoped<Audiences>();
        return services;
    }
}
