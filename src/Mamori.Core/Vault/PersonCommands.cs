namespace Mamori.Vault;

/// <summary>A new person with their first items, as an operator, a form or a system records them.</summary>
public sealed record CreatePerson(
    string Kind,
    string Channel,
    IReadOnlyDictionary<string, string> Items,
    string? Source = null,
    DateTimeOffset? AcquiredAt = null,
    IReadOnlyList<string>? NotifiedPurposes = null,
    string? SensitiveGround = null,
    string? WrittenConsent = null);

/// <summary>Items to set on an existing person, under a purpose that may use them.</summary>
public sealed record UpdatePerson(
    string Purpose,
    IReadOnlyDictionary<string, string> Items,
    string? Channel = null,
    string? Source = null,
    string? SensitiveGround = null,
    string? WrittenConsent = null);

/// <summary>Find persons by what staff are told on the phone or in a letter. Name search needs the birthdate.</summary>
public sealed record PersonSearch(string? Email = null, string? Phone = null, string? Name = null, DateOnly? Birthdate = null);

/// <summary>What a purpose may see of a person: the allowed items with provenance, and what was withheld and why.</summary>
public sealed record PersonView(
    Guid Id,
    string Kind,
    string Purpose,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<WithheldItem> Withheld,
    bool UseSuspended,
    bool ProvisionSuspended);

/// <summary>One allowed item: its value (empty for a file), where it came from, and who recorded it when.</summary>
public sealed record ItemView(Guid Id, string Category, string ContentType, string Value, Provenance Provenance,
    DateTimeOffset RecordedAt, string RecordedBy);

public sealed record WithheldItem(string Category, IReadOnlyList<string> Reasons);

/// <summary>A person without any personal value: their kind and the flags requests set. Enough to choose a purpose.</summary>
public sealed record PersonSummary(Guid Id, string Kind, bool UseSuspended, bool ProvisionSuspended);

public sealed record PersonMatch(Guid Id, string Kind, IReadOnlyList<string> MatchedBy);
