namespace Mamori.Incidents;

/// <summary>
/// The agency's choices for breach handling, from configuration (<c>Mamori:Incidents</c>, e.g. the environment
/// variable <c>Mamori__Incidents__FinancialSector=true</c>). Each incident keeps what applied when it was recorded.
/// </summary>
public sealed class IncidentSettings
{
    public const string Section = "Mamori:Incidents";

    /// <summary>The agency reports leaks to the financial regulator (FSA) too, within 3–5 days. Whether an insurance
    /// agency is bound by the financial-sector guideline is unsettled (APPI.md §3), so it is a choice; off by default.</summary>
    public bool FinancialSector { get; set; }

    /// <summary>Data categories whose leak risks financial damage (case 2: payment credentials, card numbers, bank
    /// accounts). The PPC's Q&amp;A counts account numbers alone as generally not enough; the agency reports them
    /// anyway by default, the safer side. A caller may also state the risk for an incident directly.</summary>
    public List<string> FinancialDamageCategories { get; set; } = ["finance.bank_account"];

    /// <summary>The policy purpose under which notices read a person's name and address through the vault. The
    /// agency's policy has no purpose for breach notices (APPI Art. 26(2)), so by default none is set and notices
    /// carry placeholders for name and address, to be filled in by hand.</summary>
    public string? NoticePurpose { get; set; }
}
