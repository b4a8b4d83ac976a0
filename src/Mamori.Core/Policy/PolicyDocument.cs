namespace Mamori.Policy;

// The agency's privacy policy as data. One YAML file (policy/policy.yaml) deserialises into this
// tree; the public notice is rendered from it and every decision is taken against it.
// Property names map to camelCase YAML keys. Lists default to empty so a missing key is a
// validation message, never a NullReferenceException.

/// <summary>Text in Japanese (first) and English; both are required for every label.</summary>
public sealed class LocalizedText
{
    public string Ja { get; set; } = "";
    public string En { get; set; } = "";

    public string In(string lang) => lang == "en" ? En : Ja;
}

public sealed class PolicyDocument
{
    /// <summary>Version label of this policy text, e.g. "2024-07-01".</summary>
    public string Version { get; set; } = "";
    public DateOnly Established { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public List<Revision> Revisions { get; set; } = [];
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Preamble { get; set; } = new();

    public Controller Controller { get; set; } = new();                       // §1
    public List<AcquisitionChannel> AcquisitionChannels { get; set; } = [];   // §2
    public InformativeData InformativeData { get; set; } = new();             // §3(1)
    public Cookies Cookies { get; set; } = new();                             // §3(2)
    public DeviceIdentifiers DeviceIdentifiers { get; set; } = new();         // §3(3)
    public LocationData Location { get; set; } = new();                       // §3(4)
    public List<SubjectKind> SubjectKinds { get; set; } = [];                 // §4 headings
    /// <summary>§4 lead-in: personal information and informative data are used for the purposes below.</summary>
    public LocalizedText PurposesStatement { get; set; } = new();             // §4 lead-in
    public List<Purpose> Purposes { get; set; } = [];                         // §4
    public LocalizedText AnalysisNote { get; set; } = new();                  // §4 ※
    public List<DataCategory> DataCategories { get; set; } = [];
    public ThirdPartyProvision ThirdParty { get; set; } = new();              // §5
    public List<Recipient> Recipients { get; set; } = [];                     // §5–§7
    public JointUse JointUse { get; set; } = new();                           // §6
    public Outsourcing Outsourcing { get; set; } = new();                     // §7
    public SensitiveData SensitiveData { get; set; } = new();                 // §8
    public RequestProcedure Requests { get; set; } = new();                   // §9
    /// <summary>§10 lead-in: requests may be refused on these grounds, and the person is told so.</summary>
    public LocalizedText RefusalStatement { get; set; } = new();              // §10 lead-in
    public List<RefusalGround> RefusalGrounds { get; set; } = [];             // §10
    public Security Security { get; set; } = new();                           // §11
    public InquiryDesk Inquiries { get; set; } = new();                       // §12
    public LocalizedText Voluntariness { get; set; } = new();                 // §13
    public Scope Scope { get; set; } = new();                                 // §14
    public AccreditedBody AccreditedBody { get; set; } = new();               // closing JIPDEC block
}

public sealed class Revision
{
    public DateOnly Date { get; set; }
    public LocalizedText Summary { get; set; } = new();
}

public sealed class Person
{
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Name { get; set; } = new();
}

public sealed class PostalAddress
{
    public string PostalCode { get; set; } = "";
    public LocalizedText Text { get; set; } = new();
}

public sealed class Controller
{
    public LocalizedText Name { get; set; } = new();
    public PostalAddress Address { get; set; } = new();
    public Person Representative { get; set; } = new();
    public LocalizedText PrivacyOfficer { get; set; } = new();
    public ContactWindow ContactWindow { get; set; } = new();
}

public sealed class ContactWindow
{
    public LocalizedText Name { get; set; } = new();
    public PostalAddress Address { get; set; } = new();
    /// <summary>Path of the inquiry form, e.g. /privacy/inquiry.</summary>
    public string FormPath { get; set; } = "";
    public bool AcceptsVisits { get; set; }
}

public sealed class AcquisitionChannel
{
    /// <summary>Stable id, e.g. direct, automatic, third_party, informative_linking, public_sources.</summary>
    public string Id { get; set; } = "";
    public string Ref { get; set; } = "";   // "2(1)"
    public LocalizedText Label { get; set; } = new();
    public LocalizedText? Note { get; set; }
}

public sealed class InformativeData
{
    public LocalizedText Definition { get; set; } = new();
    /// <summary>When informative data is linked to a person and so handled as personal information.</summary>
    public List<Labelled> LinkingPurposes { get; set; } = [];
    public LocalizedText LinkingStatement { get; set; } = new();
    public List<InformativeKind> Kinds { get; set; } = [];
}

public sealed class Labelled
{
    public string Id { get; set; } = "";
    public LocalizedText Label { get; set; } = new();
}

public sealed class InformativeKind
{
    public string Id { get; set; } = "";
    public int Number { get; set; }
    public LocalizedText Label { get; set; } = new();
    /// <summary>The data category this kind is stored under (e.g. device.id).</summary>
    public string Category { get; set; } = "";
}

public sealed class Cookies
{
    public LocalizedText Definition { get; set; } = new();
    public List<Labelled> Mechanisms { get; set; } = [];
    public List<CookieCategory> Categories { get; set; } = [];
    public LocalizedText ThirdPartyStatement { get; set; } = new();
    public Dmp Dmp { get; set; } = new();
    public List<Tag> Tags { get; set; } = [];
}

public enum ConsentMode
{
    Necessary,
    OptIn,
    OptOut,
}

public sealed class CookieCategory
{
    public string Id { get; set; } = "";       // necessary, analytics, targeting
    public int Number { get; set; }
    public ConsentMode Mode { get; set; }
    public LocalizedText Label { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
}

public sealed class Dmp
{
    public bool Used { get; set; }
    public LocalizedText Statement { get; set; } = new();
    public string OptOutUrl { get; set; } = "";
}

public enum Party
{
    First,
    Third,
}

/// <summary>A tag or SDK that stores or sends data from the visitor's device (also the 外部送信 list).</summary>
public sealed class Tag
{
    public string Id { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public Party Party { get; set; }
    /// <summary>Recipient id of the provider (for third-party tags).</summary>
    public string? Provider { get; set; }
    public LocalizedText? ProviderName { get; set; }
    public string Category { get; set; } = "";                  // cookie category id
    public List<string> ItemsSent { get; set; } = [];           // informative kind ids
    public List<string> Purposes { get; set; } = [];            // purpose ids
    public LocalizedText Retention { get; set; } = new();
    public bool Dmp { get; set; }
    public string? OptOutUrl { get; set; }
    public string? PrivacyPolicyUrl { get; set; }
    /// <summary>Free note, e.g. that an entry is illustrative rather than taken from the published policy.</summary>
    public LocalizedText? Note { get; set; }
}

public sealed class DeviceIdentifiers
{
    public LocalizedText Statement { get; set; } = new();
    public List<string> Platforms { get; set; } = [];           // ios, android
    public List<Labelled> AdIdentifiers { get; set; } = [];     // idfa, aaid
    public List<string> Purposes { get; set; } = [];            // purposes device ids may serve
    /// <summary>The only purposes advertising identifiers may serve (ad optimisation).</summary>
    public List<string> AdIdentifierPurposes { get; set; } = [];
    public LocalizedText OptOut { get; set; } = new();
}

public sealed class LocationData
{
    public bool ConsentRequired { get; set; } = true;
    public LocalizedText Statement { get; set; } = new();
    public List<string> Purposes { get; set; } = [];
    public LocalizedText OptOut { get; set; } = new();
}

public sealed class SubjectKind
{
    public string Id { get; set; } = "";           // customer, applicant, business_contact, employee
    public string Ref { get; set; } = "";          // "4(1)"
    public LocalizedText Label { get; set; } = new();
    public LocalizedText? Includes { get; set; }   // e.g. dispatched, part-time and former staff
}

public sealed class Purpose
{
    public string Id { get; set; } = "";
    /// <summary>Where the purpose stands in the policy, e.g. "4(1)①" or "4(1)①-1" for a use under ①.</summary>
    public string Ref { get; set; } = "";
    public string? Parent { get; set; }
    public List<string> SubjectKinds { get; set; } = [];
    public LocalizedText Label { get; set; } = new();
    public List<string> Categories { get; set; } = [];
    /// <summary>The ※ mark: results of analysing informative data and histories may be used.</summary>
    public bool UsesAnalysis { get; set; }
    /// <summary>The purpose itself is a provision to third parties (e.g. §4(1)⑬).</summary>
    public bool IsProvision { get; set; }
}

public enum Sensitivity
{
    None,
    /// <summary>要配慮個人情報 (APPI Art. 2(3)); always also 機微.</summary>
    SpecialCare,
    /// <summary>機微情報 of the financial-sector guideline beyond 要配慮.</summary>
    Kibi,
}

public sealed class DataCategory
{
    public string Id { get; set; } = "";
    public LocalizedText Label { get; set; } = new();
    public Sensitivity Sensitivity { get; set; }
    /// <summary>Informative (personal-related) data until linked to a person.</summary>
    public bool Informative { get; set; }
    public bool Sensitive => Sensitivity != Sensitivity.None;
}

public sealed class ThirdPartyProvision
{
    public LocalizedText Statement { get; set; } = new();
    public List<string> RecipientKinds { get; set; } = [];
    public List<string> Purposes { get; set; } = [];
    public LocalizedText LinkingStatement { get; set; } = new();
    public CoSolicitation CoSolicitation { get; set; } = new();
    public LocalizedText ExceptionsStatement { get; set; } = new();
    public List<Labelled> Exceptions { get; set; } = [];        // ①–④
}

public sealed class CoSolicitation
{
    public LocalizedText Statement { get; set; } = new();
    public LocalizedText Purpose { get; set; } = new();
    public List<string> Items { get; set; } = [];               // data category ids
    public LocalizedText ItemsText { get; set; } = new();
    public LocalizedText Means { get; set; } = new();
    public LocalizedText RecipientIndustry { get; set; } = new();
    public LocalizedText Contract { get; set; } = new();
    public string ListPath { get; set; } = "";
}

public sealed class Recipient
{
    public string Id { get; set; } = "";
    /// <summary>group_company, ad_distributor, advertiser, ad_agency, partner, co_solicitor, insurer, contractor, other.</summary>
    public string Kind { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public PostalAddress? Address { get; set; }
    public Person? Representative { get; set; }
    public string Country { get; set; } = "JP";
    public LocalizedText? Contract { get; set; }
    public LocalizedText? Relationship { get; set; }
    public string? Url { get; set; }
    /// <summary>Free note, e.g. where an address not given in the policy is published.</summary>
    public LocalizedText? Note { get; set; }
}

public sealed class JointUse
{
    public LocalizedText Statement { get; set; } = new();
    public List<string> Items { get; set; } = [];               // data category ids
    public List<string> Users { get; set; } = [];               // recipient ids
    public List<string> Purposes { get; set; } = [];            // purpose ids
    public string ResponsibleParty { get; set; } = "";          // recipient id
    /// <summary>The day a change of this joint use was told to the persons or published (Art. 27(6)); a version
    /// changing it takes effect only after this day. Unset: the day Mamori publishes the version.</summary>
    public DateOnly? NoticeGivenOn { get; set; }
}

public sealed class Outsourcing
{
    public LocalizedText Statement { get; set; } = new();
    public List<string> Contractors { get; set; } = [];         // recipient ids of kind contractor
}

public sealed class SensitiveData
{
    public LocalizedText Statement { get; set; } = new();
    public List<SensitiveGround> Grounds { get; set; } = [];    // ①–⑧
}

public sealed class SensitiveGround
{
    public string Id { get; set; } = "";
    public int Number { get; set; }
    public LocalizedText Label { get; set; } = new();
    /// <summary>May be used to provide 機微 data without the person's written consent (①–④ only).</summary>
    public bool ProvisionWithoutWrittenConsent { get; set; }
    public bool RequiresConsent { get; set; }
}

public sealed class RequestProcedure
{
    public LocalizedText Statement { get; set; } = new();
    public List<RequestKind> Kinds { get; set; } = [];
    public PostalAddress MailTo { get; set; } = new();
    public bool OnlineForm { get; set; }
    public int DueDays { get; set; } = 14;
    public int InternalTargetDays { get; set; } = 7;
    public List<RequestDocument> Documents { get; set; } = [];           // A, B
    public List<RequestDocument> AppointedAgentDocuments { get; set; } = [];
    public List<RequestDocument> LegalAgentDocuments { get; set; } = [];
    public Fee Fee { get; set; } = new();
    public List<Labelled> ResponseMethods { get; set; } = [];
    public LocalizedText ResponseStatement { get; set; } = new();
    public LocalizedText UseOfRequestData { get; set; } = new();        // §9(5)
    // Optional (absent: none, or the default), so policies written before these keys still load.
    /// <summary>Categories a law obliges the agency to keep: deletion and erasure suspend them instead, with the reason.</summary>
    public List<CategoryWithReason>? KeptByLaw { get; set; }
    /// <summary>Categories that are not retained personal data (APPI Art. 16(4), e.g. anti-social-forces lists): left out of disclosures.</summary>
    public List<CategoryWithReason>? NotRetained { get; set; }
    /// <summary>The largest scanned document or upload accepted with a request (default 10 MB).</summary>
    public int? DocumentMaxBytes { get; set; }
    /// <summary>How long an electronic answer's download link works, in days (default 14).</summary>
    public int? AnswerLinkDays { get; set; }
}

public sealed class RequestKind
{
    public string Id { get; set; } = "";
    public LocalizedText Label { get; set; } = new();
    public bool Fee { get; set; }
}

public sealed class RequestDocument
{
    public string Id { get; set; } = "";
    public LocalizedText Label { get; set; } = new();
    public LocalizedText? Note { get; set; }
    public string? DownloadPath { get; set; }
}

public sealed class Fee
{
    public int Amount { get; set; }
    public string Currency { get; set; } = "JPY";
    public LocalizedText Method { get; set; } = new();
    public LocalizedText Note { get; set; } = new();
}

public sealed class RefusalGround
{
    public string Id { get; set; } = "";
    public LocalizedText Label { get; set; } = new();
}

public sealed class Security
{
    public PrivacyMark PrivacyMark { get; set; } = new();
    public List<SecurityMeasure> Measures { get; set; } = [];            // (1)–(6)
    public ExternalEnvironment ExternalEnvironment { get; set; } = new(); // (7)
}

public sealed class PrivacyMark
{
    public string RegistrationNumber { get; set; } = "";
    public LocalizedText Grantor { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
}

public sealed class SecurityMeasure
{
    public string Id { get; set; } = "";
    public string Ref { get; set; } = "";
    public LocalizedText Title { get; set; } = new();
    public List<LocalizedText> Paragraphs { get; set; } = [];
}

public sealed class ExternalEnvironment
{
    public LocalizedText Statement { get; set; } = new();
    public List<StorageLocation> Locations { get; set; } = [];
    /// <summary>What is known of each foreign country's regime where a store, recipient or contractor sits (APPI.md §8).</summary>
    /// <remarks>Optional: a policy storing nothing abroad has none.</remarks>
    public List<CountryRegime>? CountryRegimes { get; set; }
}

public sealed class StorageLocation
{
    public string Id { get; set; } = "";
    public string Country { get; set; } = "";      // ISO 3166-1 alpha-2, or "unknown"
    public LocalizedText Description { get; set; } = new();
    public LocalizedText Regime { get; set; } = new();
}

public sealed class InquiryDesk
{
    public LocalizedText Statement { get; set; } = new();
}

public sealed class Scope
{
    public LocalizedText Statement { get; set; } = new();
    public List<Service> Services { get; set; } = [];
}

public sealed class Service
{
    public string Id { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public string Kind { get; set; } = "";        // web, ios_app, android_app
    public string? Url { get; set; }
    /// <summary>§14: where a service's own terms override the general policy.</summary>
    public TermsOverride? TermsOverride { get; set; }
}

public sealed class TermsOverride
{
    public LocalizedText Terms { get; set; } = new();
    public List<string> Sections { get; set; } = [];
    public LocalizedText Note { get; set; } = new();
}

public sealed class AccreditedBody
{
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Office { get; set; } = new();
    public PostalAddress Address { get; set; } = new();
    public List<string> Phones { get; set; } = [];
    public LocalizedText Statement { get; set; } = new();
}

/// <summary>§11(7): what is known of one country's data-protection regime (外的環境の把握), said once for every store,
/// recipient and contractor there.</summary>
public sealed class CountryRegime
{
    public string Country { get; set; } = "";      // ISO 3166-1 alpha-2
    public LocalizedText Regime { get; set; } = new();
}

/// <summary>A data category with why it is treated apart (requests: kept by law, or not retained personal data).</summary>
public sealed class CategoryWithReason
{
    public string Category { get; set; } = "";
    public LocalizedText Reason { get; set; } = new();
}

/// <summary>The request settings with their defaults applied (extension members, so the policy's schema stays as written).</summary>
public static class RequestProcedureDefaults
{
    extension(RequestProcedure requests)
    {
        public IReadOnlyList<CategoryWithReason> CategoriesKeptByLaw => requests.KeptByLaw ?? [];
        public IReadOnlyList<CategoryWithReason> CategoriesNotRetained => requests.NotRetained ?? [];
        public int MaxDocumentBytes => requests.DocumentMaxBytes ?? 10 * 1024 * 1024;
        public int AnswerLinkValidDays => requests.AnswerLinkDays ?? 14;
    }
}
