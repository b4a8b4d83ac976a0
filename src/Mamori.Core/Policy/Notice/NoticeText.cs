using System.Globalization;

namespace Mamori.Policy.Notice;

/// <summary>
/// The labels the renderer writes itself (headings, table headers, link texts, explanations), in
/// Japanese and English. Every member is <c>required</c>, so a label cannot exist in one language only;
/// policy content never lives here, it comes from the policy.
/// </summary>
internal sealed partial class NoticeText
{
    public static NoticeText For(string lang) => NoticeLanguage.Normalize(lang) == NoticeLanguage.English ? En : Ja;

    // Punctuation and page furniture
    public required string LanguageName { get; init; }
    public required string Contents { get; init; }
    public required string Colon { get; init; }
    public required string Spacer { get; init; }
    public required string Dash { get; init; }
    public required string ListSeparator { get; init; }
    public required string OpenParenthesis { get; init; }
    public required string CloseParenthesis { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    /// <summary>What a table cell shows when the policy has nothing there (not published, or not used).</summary>
    public required string EmptyCell { get; init; }
    public required string Notes { get; init; }
    public required string End { get; init; }

    /// <summary>The seed's fourteen section titles, in order.</summary>
    public required IReadOnlyList<string> SectionTitles { get; init; }

    // Common terms
    public required string Name { get; init; }
    public required string Address { get; init; }
    public required string Representative { get; init; }
    public required string PrivacyOfficer { get; init; }
    public required string Contact { get; init; }
    public required string ControllerName { get; init; }
    public required string Country { get; init; }
    public required string Item { get; init; }
    public required string Details { get; init; }
    public required string Purposes { get; init; }
    public required string Telephone { get; init; }
    public required string Office { get; init; }

    // §3
    public required string InformativeDataTitle { get; init; }
    public required string CookiesTitle { get; init; }
    public required string DeviceIdentifiersTitle { get; init; }
    public required string LocationTitle { get; init; }
    public required string LinkingPurposesIntro { get; init; }
    public required string InformativeKindsIntro { get; init; }
    public required string MechanismsIntro { get; init; }
    public required string CookieCategoriesIntro { get; init; }
    public required string CookieSettingsLink { get; init; }
    public required string DmpNotUsed { get; init; }
    public required string DmpOptOutLink { get; init; }
    public required string TagsCaption { get; init; }
    public required string ExternalTransmissionLink { get; init; }
    public required string Apps { get; init; }
    public required string AdIdentifiers { get; init; }
    public required string DeviceIdentifierPurposes { get; init; }
    public required string AdIdentifierPurposes { get; init; }
    public required string LocationConsentOnly { get; init; }
    public required string LocationWithoutConsent { get; init; }
    public required string LocationPurposes { get; init; }

    // Tags and cookie categories
    public required string ConsentModeLabel { get; init; }
    public required IReadOnlyDictionary<ConsentMode, string> ConsentModeNames { get; init; }
    public required IReadOnlyDictionary<ConsentMode, string> ConsentModeExplanations { get; init; }
    public required string TagName { get; init; }
    public required string Party { get; init; }
    public required IReadOnlyDictionary<Party, string> PartyNames { get; init; }
    public required string Provider { get; init; }
    public required string CookieCategory { get; init; }
    public required string ItemsSent { get; init; }
    public required string Retention { get; init; }
    public required string DmpColumn { get; init; }
    public required string PrivacyPolicyLink { get; init; }
    public required string OptOutLink { get; init; }

    // §4
    public required string PurposesIntro { get; init; }
    public required string PersonalInformationOfSuffix { get; init; }
    public required string OtherPurposesTitle { get; init; }
    public required string AnalysisMark { get; init; }
    public required string ProvisionBadge { get; init; }
    public required string UseMarker { get; init; }
    public required string CategoriesTitle { get; init; }
    public required string CategoriesIntro { get; init; }
    public required string SensitivityLegend { get; init; }
    public required string CategoriesCaption { get; init; }
    public required string Category { get; init; }
    public required string Classification { get; init; }
    public required string UsedFor { get; init; }
    public required string SpecialCare { get; init; }
    public required string Kibi { get; init; }
    public required string InformativeData { get; init; }
    public required string OrdinaryPersonalInformation { get; init; }

    // §5–§8
    public required string RecipientKinds { get; init; }
    public required string ProvisionPurposes { get; init; }
    public required string CoSolicitationCaption { get; init; }
    public required IReadOnlyList<string> CoSolicitationRows { get; init; }
    public required string CoSolicitorListLink { get; init; }
    public required string RecipientsCaption { get; init; }
    public required string RecipientKind { get; init; }
    public required string Relationship { get; init; }
    public required string Contract { get; init; }
    public required string JointItems { get; init; }
    public required string JointUsers { get; init; }
    public required string JointPurposes { get; init; }
    public required string ResponsibleParty { get; init; }
    public required string CompanyProfileLink { get; init; }
    public required string ContractorsCaption { get; init; }
    public required string ConsentBased { get; init; }
    public required Func<string, string> WithoutWrittenConsent { get; init; }

    // §9–§10
    public required string RequestWhereTitle { get; init; }
    public required string RequestDocumentsTitle { get; init; }
    public required string RequestFeeTitle { get; init; }
    public required string RequestResponseTitle { get; init; }
    public required string RequestDataUseTitle { get; init; }
    public required string KeptByLawIntro { get; init; }
    public required string NotRetainedIntro { get; init; }
    public required string RequestKinds { get; init; }
    public required string MailTo { get; init; }
    public required string OnlineFormAccepted { get; init; }
    public required string PostOnly { get; init; }
    public required string RequestPageLink { get; init; }
    public required Func<int, int, string> ResponseDeadline { get; init; }
    public required string DocumentsIntro { get; init; }
    public required string DownloadLink { get; init; }
    public required string AgentDocumentsIntro { get; init; }
    public required string AgentDocumentsCaption { get; init; }
    public required string AgentKind { get; init; }
    public required string RequiredDocuments { get; init; }
    public required string AppointedAgent { get; init; }
    public required string LegalAgent { get; init; }
    public required string FeeAmount { get; init; }
    public required string FeePayingKinds { get; init; }
    public required string FeeFreeKinds { get; init; }
    public required string FeeMethod { get; init; }
    public required Func<int, string, string> FormatFee { get; init; }
    public required string ResponseMethodsIntro { get; init; }
    public required string RefusalIntro { get; init; }

    // §11–§14 and closing
    public required string PrivacyMarkGrantor { get; init; }
    public required string RegistrationNumber { get; init; }
    public required string ExternalEnvironmentTitle { get; init; }
    public required string StorageLocationsCaption { get; init; }
    public required string StorageDescription { get; init; }
    public required string Regime { get; init; }
    public required string ForeignRecipientsCaption { get; init; }
    public required string ForeignParty { get; init; }
    public required string RegimeNotKnown { get; init; }
    public required string InquiryFormLink { get; init; }
    public required string VisitsAccepted { get; init; }
    public required string VisitsNotAccepted { get; init; }
    public required string ServicesCaption { get; init; }
    public required string ServiceName { get; init; }
    public required string ServiceKind { get; init; }
    public required string ServiceTerms { get; init; }
    public required string NoTermsOverride { get; init; }
    public required string OverriddenSections { get; init; }
    public required Func<string, string> SectionReference { get; init; }
    public required string DatesTitle { get; init; }
    public required string Established { get; init; }
    public required string LastRevised { get; init; }
    public required string EffectiveFrom { get; init; }
    public required string Version { get; init; }
    public required string RevisionHistory { get; init; }
    public required string EarlierVersions { get; init; }
    public required string PrivacyMarkTitle { get; init; }
    public required string AccreditedBodyHeading { get; init; }

    // The external-transmission page and the cookie inventory
    public required string ExternalTransmissionTitle { get; init; }
    public required string ExternalTransmissionIntro { get; init; }
    public required string ExternalTransmissionSettings { get; init; }
    public required string NoExternalTransmission { get; init; }
    public required string Recipient { get; init; }
    public required string Service { get; init; }
    public required string CookieInventoryTitle { get; init; }
    public required string CookieInventoryIntro { get; init; }
    public required string UncategorisedTitle { get; init; }
    public required string NoTagsInCategory { get; init; }

    // Named values: ids from the policy and the law, said in words
    public required IReadOnlyDictionary<string, string> RecipientKindNames { get; init; }
    public required IReadOnlyDictionary<string, string> PlatformNames { get; init; }
    public required IReadOnlyDictionary<string, string> ServiceKindNames { get; init; }
    public required IReadOnlyDictionary<string, string> CountryNames { get; init; }
    public required Func<DateOnly, string> FormatDate { get; init; }

    /// <summary>Whether an address reads 〒code first (Japanese) or ends with the code (English).</summary>
    public required bool PostalCodeFirst { get; init; }

    public string ConsentModeName(ConsentMode mode) => ConsentModeNames[mode];

    public string ConsentModeExplanation(ConsentMode mode) => ConsentModeExplanations[mode];

    public string PartyName(Party party) => PartyNames[party];

    // An id the table does not know is shown as it is: visible, so the gap gets noticed and filled.
    public string RecipientKindName(string kind) => RecipientKindNames.GetValueOrDefault(kind, kind);

    public string PlatformName(string platform) => PlatformNames.GetValueOrDefault(platform, platform);

    public string ServiceKindName(string kind) => ServiceKindNames.GetValueOrDefault(kind, kind);

    public string CountryName(string? code) =>
        string.IsNullOrWhiteSpace(code) ? CountryNames["UNKNOWN"] : CountryNames.GetValueOrDefault(code.ToUpperInvariant(), code);

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
