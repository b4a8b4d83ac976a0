using Mamori.Incidents;

namespace Mamori.Host.Web;

public static class IncidentServices
{
    /// <summary>The incident register, its working-day calendar and the agency's settings (<c>Mamori:Incidents</c>).</summary>
    public static IServiceCollection AddMamoriIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(IncidentSettings.Section);
        var settings = new IncidentSettings();
        // The binder adds to a list rather than replacing it: start empty when the agency names its own categories.
        if (section.GetSection(nameof(IncidentSettings.FinancialDamageCategories)).Exists())
            settings.FinancialDamageCategories = [];
        section.Bind(settings);
        services.AddSingleton(settings);
        services.AddSingleton<JapaneseCalendar>();
        services.AddScoped<IncidentRegister>();
        return services;
    }
}
