namespace Mamori.Consent;

public enum ConsentSubjectKind
{
    /// <summary>A browser or app install, known only by the random ID it carries (informative data).</summary>
    Device,
    /// <summary>A person in the vault.</summary>
    Person,
}

/// <summary>Whose choices these are: a device (its random device ID) or a person (their vault id).</summary>
public readonly record struct ConsentSubject(ConsentSubjectKind Kind, string Id)
{
    public const int MinDeviceIdLength = 22;
    public const int MaxDeviceIdLength = 64;

    /// <summary>A device by its ID; refuses anything that is not a random token of 22–64 base64url or hex characters.</summary>
    public static ConsentSubject Device(string? id) =>
        IsDeviceId(id)
            ? new(ConsentSubjectKind.Device, id)
            : throw new MamoriException(ConsentCodes.DeviceIdInvalid,
                $"A device ID is a random token of {MinDeviceIdLength}–{MaxDeviceIdLength} characters from A–Z, a–z, 0–9, '-' and '_'.");

    public static ConsentSubject Person(Guid id) => new(ConsentSubjectKind.Person, id.ToString("D"));

    /// <summary>A base64url or hex token (a UUID with hyphens qualifies) of 22–64 characters: 128 bits or more.</summary>
    public static bool IsDeviceId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: >= MinDeviceIdLength and <= MaxDeviceIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public bool IsDevice => Kind == ConsentSubjectKind.Device;

    /// <summary><c>device:…</c> or <c>person:…</c>, as records name the subject they were merged from.</summary>
    public override string ToString() => (IsDevice ? "device:" : "person:") + Id;
}
