using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Ledger;

public static class LedgerServices
{
    /// <summary>The generated ledger, its exports and its reviews.</summary>
    public static IServiceCollection AddMamoriLedger(this IServiceCollection services) => services.AddScoped<PersonalInformationLedger>();
}
