using Mamori.Incidents;

namespace Mamori.Host.Web;

public static class IncidentServices
{
    /// <summary>The incident register, its working-day calendar and the agency's settings (<c>Mamori:Incidents</c>).</summary>
    /// <remarks>Read when first needed, so configuration added after this call (a test host's) counts.</remarks>
    public static IServiceCollection AddMamoriIncidents(this IServiceCollection services)
    {
        services.AddSingleton(sp => Settings(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<JapaneseCalendar>();
        services.AddScoped<IncidentRegister>();
        services.AddScoped<Dashboard.IDashboardTile, Dashboard.IncidentsTile>();
        return services;
    }

    private static IncidentSettings Settings(IConfiguration configuration)
    {
        var section = configuration.GetSection(IncidentSettings.Section);
        var settings = new IncidentSettings();
        // The binder adds to a list rather than replacing it: start empty when the agency names its own categories.
        if (section.GetSection(nameof(IncidentSettings.FinancialDamageCategories)).Exists())
            settings.FinancialDamageCategories = [];
        section.Bind(settings);
        return settings;
    }
}
