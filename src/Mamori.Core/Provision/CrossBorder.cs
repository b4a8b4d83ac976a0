namespace Mamori.Provision;

/// <summary>
/// Art. 28: a recipient in a foreign country needs the person's consent given with the country, its regime and the
/// recipient's measures — except in the countries the PPC has designated as having an equivalent regime (規則15:
/// the EU and EEA member states and the United Kingdom). A country the policy does not know ("unknown") is treated
/// as abroad: the consent must then say so (APPI.md §8).
/// </summary>
public static class CrossBorder
{
    public const string Japan = "JP";

    /// <summary>EU 27, EEA (IS, LI, NO) and the United Kingdom, as ISO 3166-1 alpha-2 codes.</summary>
    public static readonly IReadOnlySet<string> Adequate = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
        "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB",
    };

    /// <summary>Whether a provision to a party in <paramref name="country"/> needs the Art. 28 information.</summary>
    public static bool NeedsInformation(string? country) =>
        !string.Equals(country, Japan, StringComparison.OrdinalIgnoreCase) && !(country is not null && Adequate.Contains(country));
}
