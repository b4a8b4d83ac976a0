namespace Mamori.Policy.Validation;

/// <summary>The fixed words a policy may use where the model keeps a plain string.</summary>
internal static class PolicyVocabulary
{
    public static readonly IReadOnlyCollection<string> RecipientKinds =
        ["group_company", "ad_distributor", "advertiser", "ad_agency", "partner", "co_solicitor", "insurer", "contractor", "other"];

    /// <summary>
    /// Kinds that name one specific company rather than a class of recipients, so their address must be
    /// on file: a group company (joint use names its responsible party's address, Art. 27(5)(iii)), a
    /// co-solicitor (published in the co-solicitor list), an insurer (provision with consent, recorded
    /// under Art. 29) and a contractor (supervised under Art. 25, recorded when abroad). Advertisers, ad
    /// distributors, agencies, partners and "other" may stand for a class, as §5 lists them.
    /// </summary>
    public static readonly IReadOnlyCollection<string> SpecificPartyKinds = ["group_company", "co_solicitor", "insurer", "contractor"];

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

    public const string UnknownCountry = "unknown";
}
