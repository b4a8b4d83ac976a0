namespace Mamori.Policy.Validation;

/// <summary>§11(7) names each country where data is stored (or says it is not known yet); §14 services are of a known kind.</summary>
internal static class ScopeChecks
{
    public static void Check(CheckContext c)
    {
        var locations = c.Policy.Security.ExternalEnvironment.Locations;
        for (var i = 0; i < locations.Count; i++)
        {
            var country = locations[i].Country;
            if (country != PolicyVocabulary.UnknownCountry && !IsoCountries.IsAlpha2(country))
                c.Report(JsonPath.Root / "security" / "externalEnvironment" / "locations" / i / "country", PolicyProblemCodes.StorageCountryInvalid,
                    $"country '{country}' is not an ISO 3166-1 alpha-2 code (e.g. JP, US) nor 'unknown'");
        }

        var regimes = c.Policy.Security.ExternalEnvironment.CountryRegimes ?? [];
        for (var i = 0; i < regimes.Count; i++)
        {
            if (!IsoCountries.IsAlpha2(regimes[i].Country))
                c.Report(JsonPath.Root / "security" / "externalEnvironment" / "countryRegimes" / i / "country", PolicyProblemCodes.CountryRegimeCountryInvalid,
                    $"country '{regimes[i].Country}' is not an ISO 3166-1 alpha-2 code (e.g. US, SG)");
        }

        var services = c.Policy.Scope.Services;
        for (var i = 0; i < services.Count; i++)
            c.RequireKnown(services[i].Kind, JsonPath.Root / "scope" / "services" / i / "kind", PolicyVocabulary.ServiceKinds,
                PolicyProblemCodes.ServiceKindUnknown, "service kind");
    }
}
