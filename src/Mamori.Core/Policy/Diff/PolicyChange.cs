namespace Mamori.Policy;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>What part of the policy a change is about.</summary>
public enum ChangeSubject
{
    Controller,
    Purpose,
    DataCategory,
    Recipient,
    ThirdPartyProvision,
    CoSolicitation,
    JointUse,
    CookieCategory,
    Tag,
    DeviceIdentifiers,
    Location,
    /// <summary>Any other wording of a section; the id is the section's YAML key.</summary>
    Section,
}

/// <summary>Where the APPI (or the Telecommunications Business Act) treats a change specially.</summary>
[Flags]
public enum AppiFlags
{
    None = 0,
    /// <summary>Use beyond the original purposes needs the person's prior consent (Art. 18(1), 17(2)).</summary>
    Consent = 1 << 0,
    /// <summary>A purpose changed within its scope: notify the person or publish (Art. 21(3)).</summary>
    Notice = 1 << 1,
    /// <summary>Joint-use purposes or responsible party: tell the person in advance (Art. 27(6)).</summary>
    AdvanceNotice = 1 << 2,
    /// <summary>Joint-use items or users: generally cannot change without the person's consent (PPC guideline 3-6-3).</summary>
    ChangeNotAllowed = 1 << 3,
    /// <summary>A new third-party provision: consent, or an opt-out notice filed with the PPC (Arts. 27, 28).</summary>
    ProvisionConsent = 1 << 4,
    /// <summary>要配慮 or 機微 data: prior consent to acquire, no opt-out provision, §8 grounds only (Arts. 20(2), 27(2)).</summary>
    Sensitive = 1 << 5,
    /// <summary>The cookie banner must ask again: a category's consent mode or contents changed.</summary>
    CookieConsent = 1 << 6,
    /// <summary>Controller or joint-use responsible party's name, address or representative: publish without delay (Arts. 32(1), 27(6)).</summary>
    PublishWithoutDelay = 1 << 7,
}

/// <summary>One change between two policy versions, said for a Japanese privacy officer (and in English).</summary>
/// <param name="SubjectId">The id of the purpose, category, recipient… (the section key for <see cref="ChangeSubject.Section"/>).</param>
public sealed record PolicyChange(ChangeKind Kind, ChangeSubject Subject, string SubjectId, LocalizedText Description, AppiFlags Flags)
{
    /// <summary>Changes with these flags cannot take effect on the old consents.</summary>
    public const AppiFlags ConsentFlags =
        AppiFlags.Consent | AppiFlags.ProvisionConsent | AppiFlags.Sensitive | AppiFlags.CookieConsent | AppiFlags.ChangeNotAllowed;

    public bool NeedsNewConsent => (Flags & ConsentFlags) != 0;

    /// <summary>One line: <c>+ purpose ads: Purpose "…" was added … [consent]</c>; <paramref name="lang"/> is ja or en.</summary>
    public string ToString(string lang)
    {
        var sign = Kind switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", _ => "~" };
        var flags = string.Concat(AppiFlagLabels.Of(Flags).Select(label => $" [{label.In(lang)}]"));
        return $"{sign} {SubjectLabels.Of(Subject).In(lang)} {SubjectId}: {Description.In(lang)}{flags}";
    }

    public override string ToString() => ToString("en");
}
