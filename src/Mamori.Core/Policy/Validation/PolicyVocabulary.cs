namespace Mamori.Policy.Validation;

/// <summary>The fixed words a policy may use where the model keeps a plain string.</summary>
internal static class PolicyVocabulary
{
    public static readonly IReadOnlyCollection<string> RecipientKinds =
        ["group_company", "ad_distributor", "advertiser", "ad_agency", "partner", "co_solicitor", "insurer", "contractor", "other"];

    /// <summary>
    /// Kinds that always name one specific company: a group company (named in §4 and §6) and a contractor
    /// (supervised under Art. 25; a record is kept when it is abroad). Other kinds — insurers, co-solicitors,
    /// advertisers, ad distributors, partners, "other" — may stand for a class of recipients, as §5 lists
    /// them, with each actual recipient recorded at provision (Art. 29) or in a published list. Whoever is
    /// named as a joint user or a contractor is treated as specific whatever its kind.
    /// </summary>
    public static readonly IReadOnlyCollection<string> SpecificPartyKinds = ["group_company", "contractor"];

    public const string ContractorKind = "contractor";

    /// <summary>The nine kinds of 開示等の請求等 (Arts. 32–35), as the public API names them.</summary>
    public static readonly IReadOnlyCollection<string> RequestKinds =
    [
        "purpose_notice", "disclosure", "correction", "addition", "deletion",
        "suspension_of_use", "erasure", "suspension_of_provision", "provision_record_disclosure",
    ];

    /// <summary>Art. 38: a fee may be charged only for notification of purpose and for disclosure (records included).</summary>
    public static readonly IReadOnlyCollection<string> FeeableRequestKinds = ["purpose_notice", "disclosure", "provision_record_disclosure"];

    /// <summary>Art. 39: the requester may sue two weeks after the request arrives.</summary>
    public const int MaxDueDays = 14;

    public static readonly IReadOnlyCollection<string> ServiceKinds = ["web", "ios_app", "android_app"];

    /// <summary>The §4(1) subject kind: customers of the insurance agency business.</summary>
    public const string CustomerSubjectKind = "customer";

    /// <summary>§8: 機微 data may be provided without written consent only on grounds ①–④.</summary>
    public const int LastGroundWithoutWrittenConsent = 4;

    /// <summary>Allowed for storage locations and for recipients that stand for a class (Art. 28 lets the
    /// policy say the country is not yet known).</summary>
    public const string UnknownCountry = "unknown";
}
