using Mamori.Compliance;

namespace Mamori.Incidents;

// The values below come from callers: each is classified (MamoriTaxonomy) so that, should one ever be logged, it is
// redacted by its class rather than written out.

/// <summary>A breach as the privacy officer learns of it: the facts, and what is known so far for the report.</summary>
public sealed record RecordIncident(
    [property: UncheckedInput] IReadOnlyList<string> Categories,
    [property: PersonalData] string DiscoveredBy,
    [property: PersonalData] string Summary,
    [property: PersonalData] string Cause,
    DateTimeOffset? DiscoveredAt = null,
    DateTimeOffset? OccurredAt = null,
    int? PersonsAffected = null,
    [property: Pseudonymous] IReadOnlyList<Guid>? PersonIds = null,
    bool Malicious = false,
    bool StronglyEncrypted = false,
    bool KeyLeaked = false,
    bool ContractorInvolved = false,
    [property: PersonalData] string? ContractorName = null,
    bool Suspected = false,
    bool? FinancialDamageRisk = null,
    [property: PersonalData] string? SecondaryDamage = null,
    [property: PersonalData] string? MeasuresForPersons = null,
    [property: PersonalData] string? Publication = null,
    [property: PersonalData] string? PreventionMeasures = null,
    [property: PersonalData] string? Other = null);

/// <summary>An incident with its assessment and deadlines, as the API and the console show it.</summary>
public sealed record IncidentView(Incident Incident, Reportability Reportability, IReadOnlyList<ReportDeadline> Deadlines);
