using Mamori.Compliance;

namespace Mamori.Vault;

// The values below come from callers: each is classified (MamoriTaxonomy) so that, should one ever be logged, it is
// redacted by its class rather than written out.

/// <summary>A new person with their first items, as an operator, a form or a system records them.</summary>
public sealed record CreatePerson(
    [property: UncheckedInput] string Kind,
    [property: UncheckedInput] string Channel,
    [property: PersonalData] IReadOnlyDictionary<string, string> Items,
    [property: PersonalData] string? Source = null,
    DateTimeOffset? AcquiredAt = null,
    [property: UncheckedInput] IReadOnlyList<string>? NotifiedPurposes = null,
    [property: UncheckedInput] string? SensitiveGround = null,
    [property: SensitiveData] string? WrittenConsent = null);

/// <summary>Items to set on an existing person, under a purpose that may use them.</summary>
public sealed record UpdatePerson(
    [property: UncheckedInput] string Purpose,
    [property: PersonalData] IReadOnlyDictionary<string, string> Items,
    [property: UncheckedInput] string? Channel = null,
    [property: PersonalData] string? Source = null,
    [property: UncheckedInput] string? SensitiveGround = null,
    [property: SensitiveData] string? WrittenConsent = null);

/// <summary>Find persons by what staff are told on the phone or in a letter. Name search needs the birthdate.</summary>
public sealed record PersonSearch(
    [property: PersonalData] string? Email = null,
    [property: PersonalData] string? Phone = null,
    [property: PersonalData] string? Name = null,
    [property: PersonalData] DateOnly? Birthdate = null);

/// <summary>What a purpose may see of a person: the allowed items with provenance, and what was withheld and why.</summary>
public sealed record PersonView(
    [property: Pseudonymous] Guid Id,
    string Kind,
    string Purpose,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<WithheldItem> Withheld,
    bool UseSuspended,
    bool ProvisionSuspended);

/// <summary>One allowed item: its value (empty for a file), where it came from, and who recorded it when.</summary>
public sealed record ItemView([property: Pseudonymous] Guid Id, string Category, string ContentType, [property: PersonalData] string Value,
    Provenance Provenance, DateTimeOffset RecordedAt, [property: Pseudonymous] string RecordedBy);

public sealed record WithheldItem(string Category, IReadOnlyList<string> Reasons);

/// <summary>A person without any personal value: their kind and the flags requests set. Enough to choose a purpose.</summary>
public sealed record PersonSummary([property: Pseudonymous] Guid Id, string Kind, bool UseSuspended, bool ProvisionSuspended);

public sealed record PersonMatch([property: Pseudonymous] Guid Id, string Kind, IReadOnlyList<string> MatchedBy);
