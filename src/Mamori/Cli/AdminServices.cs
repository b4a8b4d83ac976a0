using Mamori.Audit;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;
using Mamori.Staff;
using Mamori.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Mamori.Host.Cli;

/// <summary>The services an admin verb needs, against the same database as <c>serve</c>, without a web host.</summary>
public static class AdminServices
{
    /// <param name="configure">More services a verb needs (e.g. the signals writer).</param>
    public static async Task<ServiceProvider> OpenAsync(string dataDir, string? database, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddMamoriStorage(DatabaseSettings.For(dataDir, database));
        services.AddDataProtection().SetApplicationName("Mamori").PersistKeysToDbContext<MamoriDb>();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ApiKeys>();
        services.AddSingleton<ApiKeyCache>();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MamoriDb>().Database.MigrateAsync(ct);
        return provider;
    }
}
