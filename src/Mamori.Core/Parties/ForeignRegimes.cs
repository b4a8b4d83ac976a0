using Mamori.Policy;

namespace Mamori.Parties;

/// <summary>§11(7): what the policy says is known of a country's regime — Japan's from its storage location there, a
/// foreign country's from <see cref="ExternalEnvironment.CountryRegimes"/>; null when nothing is known yet.</summary>
public static class ForeignRegimes
{
    public static LocalizedText? For(PolicyDocument document, string country)
    {
        ArgumentNullException.ThrowIfNull(document);
        var environment = document.Security.ExternalEnvironment;
        return environment.CountryRegimes?.FirstOrDefault(c => c.Country == country)?.Regime
            ?? environment.Locations.FirstOrDefault(l => l.Country == country && l.Country != "unknown")?.Regime;
    }
}
