namespace Mamori.Decisions;

/// <summary>
/// The stable reason codes of a <see cref="Decision"/>. They reach API clients and the audit trail, so
/// a code never changes meaning once published; add new ones instead.
/// </summary>
public static class DecisionCodes
{
    /// <summary>The only reason of an allowed use.</summary>
    public const string Allowed = "allowed";

    /// <summary>The purpose is not in this policy version (§4).</summary>
    public const string PurposeUnknown = "purpose.unknown";

    /// <summary>The purpose is not one of those stated for the person's kind (§4 headings (1)–(4)).</summary>
    public const string PurposeNotForSubjectKind = "purpose.not_for_subject_kind";

    /// <summary>The subject kind is not in this policy version (nor <c>device</c>).</summary>
    public const string SubjectKindUnknown = "subject_kind.unknown";

    /// <summary>A category is not in this policy version.</summary>
    public const string CategoryUnknown = "category.unknown";

    /// <summary>A category is not among those the purpose may use (§4).</summary>
    public const string CategoryNotAllowedForPurpose = "category.not_allowed_for_purpose";

    /// <summary>A device holds only informative data (§3(1)); other categories belong to a person.</summary>
    public const string CategoryNotForDevice = "category.not_for_device";

    /// <summary>要配慮 or 機微 data with neither a §8 ground nor the person's written consent.</summary>
    public const string SensitiveNoGround = "sensitive.no_ground";

    /// <summary>
    /// 要配慮 or 機微 data under a §8 ground that needs the written consent not on record: ground ⑦ always,
    /// and any provision except under grounds ①–④.
    /// </summary>
    public const string SensitiveWrittenConsentRequired = "sensitive.written_consent_required";

    /// <summary>The §8 ground named is not in this policy version.</summary>
    public const string SensitiveGroundUnknown = "sensitive.ground_unknown";

    /// <summary>Advertising identifiers serve ad optimisation only (§3(3)).</summary>
    public const string AdIdPurposeNotAllowed = "ad_id.purpose_not_allowed";

    /// <summary>The person limited ad tracking in the device's settings (§3(3) opt-out).</summary>
    public const string AdIdTrackingLimited = "ad_id.tracking_limited";

    /// <summary>Location is used only with the person's consent (§3(4)).</summary>
    public const string LocationNoConsent = "location.no_consent";

    /// <summary>Location serves only the purposes §3(4) names.</summary>
    public const string LocationPurposeNotAllowed = "location.purpose_not_allowed";

    /// <summary>A request for suspension of use (利用停止) is in force.</summary>
    public const string SubjectUseSuspended = "subject.use_suspended";

    /// <summary>A request for suspension of provision (第三者提供の停止) is in force and the purpose is a provision.</summary>
    public const string SubjectProvisionSuspended = "subject.provision_suspended";

    /// <summary>Data obtained through a request serves only that request (§9(5)).</summary>
    public const string RequestDataOtherPurpose = "request_data.other_purpose";
}
