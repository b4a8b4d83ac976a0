namespace Mamori.Decisions;

/// <summary>The denial reasons as bits, so the rules can gather them without allocating.</summary>
[Flags]
internal enum Reason
{
    None = 0,
    PurposeUnknown = 1 << 0,
    PurposeNotForSubjectKind = 1 << 1,
    SubjectKindUnknown = 1 << 2,
    CategoryUnknown = 1 << 3,
    CategoryNotAllowedForPurpose = 1 << 4,
    CategoryNotForDevice = 1 << 5,
    SensitiveNoGround = 1 << 6,
    SensitiveWrittenConsentRequired = 1 << 7,
    SensitiveGroundUnknown = 1 << 8,
    AdIdPurposeNotAllowed = 1 << 9,
    AdIdTrackingLimited = 1 << 10,
    LocationNoConsent = 1 << 11,
    LocationPurposeNotAllowed = 1 << 12,
    SubjectUseSuspended = 1 << 13,
    SubjectProvisionSuspended = 1 << 14,
    RequestDataOtherPurpose = 1 << 15,
}

internal static class ReasonBits
{
    /// <summary>How many reason bits there are.</summary>
    public const int Count = 16;

    /// <summary>The code of each bit, by bit number.</summary>
    public static readonly string[] Codes =
    [
        DecisionCodes.PurposeUnknown,
        DecisionCodes.PurposeNotForSubjectKind,
        DecisionCodes.SubjectKindUnknown,
        DecisionCodes.CategoryUnknown,
        DecisionCodes.CategoryNotAllowedForPurpose,
        DecisionCodes.CategoryNotForDevice,
        DecisionCodes.SensitiveNoGround,
        DecisionCodes.SensitiveWrittenConsentRequired,
        DecisionCodes.SensitiveGroundUnknown,
        DecisionCodes.AdIdPurposeNotAllowed,
        DecisionCodes.AdIdTrackingLimited,
        DecisionCodes.LocationNoConsent,
        DecisionCodes.LocationPurposeNotAllowed,
        DecisionCodes.SubjectUseSuspended,
        DecisionCodes.SubjectProvisionSuspended,
        DecisionCodes.RequestDataOtherPurpose,
    ];
}
