using Mamori.Decisions;
using Mamori.Policy;
using Mamori.Vault;
using Mamori.Vault.Crypto;

namespace Mamori.Host.Web;

public static class VaultServices
{
    /// <summary>The key ring (configuration or the key file), blind indexes, key vault, decision engine and vault.</summary>
    public static IServiceCollection AddMamoriVault(this IServiceCollection services, string dataDirectory, string? masterKey, CurrentPolicy policy)
    {
        services.AddSingleton(sp => MasterKeyRing.Resolve(masterKey, dataDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => ShreddedKeyLog.InDataDirectory(dataDirectory));
        services.AddSingleton(sp => new BlindIndex(sp.GetRequiredService<MasterKeyRing>()));
        // Compiled once per policy version: every decision is a few table lookups.
        services.AddSingleton(DecisionEngine.For(policy.Document));
        services.AddScoped<KeyVault>();
        services.AddScoped<PersonVault>();
        services.AddScoped<DeviceDecisions>();
        return services;
    }
}
