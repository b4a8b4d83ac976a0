using Microsoft.Extensions.Compliance.Classification;

namespace Mamori.Compliance;

/// <summary>
/// How Mamori classifies data that could reach a log. Classes follow the law's own lines (APPI.md §2): personal
/// information (個人情報), special-care-required information (要配慮個人情報), and ids that identify no one without the
/// database. Mark a property or a log parameter with the attribute of its class; the host's logging redacts by class
/// (docs/operations.md, "Logs"): everything but <see cref="Pseudonymous"/> is erased.
/// </summary>
public static class MamoriTaxonomy
{
    public const string Name = "Mamori";

    /// <summary>Values about a person: names and kana, birthdates, addresses, phone numbers, email addresses, device
    /// ids, free text and files, and the search terms that find them. Erased in logs.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));

    /// <summary>要配慮 and 機微 values (health, criminal record …) and what they rest on, such as a written-consent
    /// reference. Erased in logs.</summary>
    public static DataClassification SensitiveData { get; } = new(Name, nameof(SensitiveData));

    /// <summary>Credentials and keys: passwords, TOTP codes and secrets, API keys, key material. Erased in logs.</summary>
    public static DataClassification Secret { get; } = new(Name, nameof(Secret));

    /// <summary>Text a caller sent where an id of the policy belongs (a kind, channel, purpose or category) that has
    /// not been recognised yet: it may hold anything, personal data included. Erased in logs; once recognised, the
    /// id itself may be logged.</summary>
    public static DataClassification UncheckedInput { get; } = new(Name, nameof(UncheckedInput));

    /// <summary>Random ids Mamori assigns to persons, items, staff and API keys (and actors built from them): they
    /// point at a person only through the database. Logged as they are, so an operator can follow one person from
    /// the log to the audit trail.</summary>
    public static DataClassification Pseudonymous { get; } = new(Name, nameof(Pseudonymous));
}

/// <summary>A value about a person (<see cref="MamoriTaxonomy.PersonalData"/>).</summary>
public sealed class PersonalDataAttribute() : DataClassificationAttribute(MamoriTaxonomy.PersonalData);

/// <summary>A 要配慮 or 機微 value, or what it rests on (<see cref="MamoriTaxonomy.SensitiveData"/>).</summary>
public sealed class SensitiveDataAttribute() : DataClassificationAttribute(MamoriTaxonomy.SensitiveData);

/// <summary>A credential or key (<see cref="MamoriTaxonomy.Secret"/>).</summary>
public sealed class SecretAttribute() : DataClassificationAttribute(MamoriTaxonomy.Secret);

/// <summary>A caller's text where a policy id belongs, not yet recognised (<see cref="MamoriTaxonomy.UncheckedInput"/>).</summary>
public sealed class UncheckedInputAttribute() : DataClassificationAttribute(MamoriTaxonomy.UncheckedInput);

/// <summary>An id Mamori assigned (<see cref="MamoriTaxonomy.Pseudonymous"/>).</summary>
public sealed class PseudonymousAttribute() : DataClassificationAttribute(MamoriTaxonomy.Pseudonymous);
