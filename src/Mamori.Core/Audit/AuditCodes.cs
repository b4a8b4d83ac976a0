namespace Mamori.Audit;

// The codes stored in audit entries. They are read by auditors and by tools long after they were written:
// a code never changes meaning once published; add new ones instead.

/// <summary>How an entry names who acted. Staff are named by id, never by a user name.</summary>
public static class AuditActors
{
    /// <summary>Mamori itself: start-up, scheduled work.</summary>
    public const string System = "system";

    /// <summary>Someone not (yet) known, e.g. a sign-in with a user name that matches no account.</summary>
    public const string Anonymous = "anonymous";

    public static string Staff(Guid staffId) => "staff:" + staffId.ToString("D");

    public static string ApiKey(Guid keyId) => "key:" + keyId.ToString("D");

    /// <summary>An admin verb run on the server, named by the operating-system account when it is a plain name.</summary>
    public static string CommandLine(string osUser)
    {
        var actor = "cli:" + osUser;
        return AuditEvent.IsCode(actor, AuditEntry.MaxActorLength) ? actor : "cli";
    }
}

/// <summary>The actions audited so far. Capabilities add theirs here as they land.</summary>
public static class AuditActions
{
    public const string StaffCreated = "staff.created";
    public const string StaffSignIn = "staff.sign_in";
    public const string StaffSignOut = "staff.sign_out";
    public const string StaffTotpEnrolment = "staff.totp_enrolment";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string PolicyPublished = "policy.published";
    public const string AuditVerified = "audit.verified";
    public const string PersonCreated = "person.created";
    public const string PersonRead = "person.read";
    public const string PersonUpdated = "person.updated";
    public const string PersonFileAdded = "person.file_added";
    public const string PersonFileRead = "person.file_read";
    public const string PersonSearched = "person.searched";
    public const string PersonErased = "person.erased";
    public const string Decision = "decision";
    public const string ConsentRecorded = "consent.recorded";
    public const string ConsentMerged = "consent.merged";
    public const string IncidentRecorded = "incident.recorded";
    public const string IncidentReportDrafted = "incident.report_drafted";
    public const string IncidentNoticesDrafted = "incident.notices_drafted";
    /// <summary>A hand-over to a third party (allowed or denied); the target names the record written, or the recipient.</summary>
    public const string Provision = "provision";
    public const string ProvisionConsentRecorded = "provision_consent.recorded";
    public const string ProvisionConsentWithdrawn = "provision_consent.withdrawn";
    /// <summary>An Art. 30 record of personal data received from a third party.</summary>
    public const string ProvisionReceiptRecorded = "provision_record.receipt";
    /// <summary>An Art. 31 record: personal-related information received to be linked, the person's consent confirmed.</summary>
    public const string ProvisionLinkingRecorded = "provision_record.linking";
    public const string ProvisionRecordsRead = "provision_record.read";
    public const string ProvisionRecordsPurged = "provision_record.purged";
    /// <summary>A device linked to a person (照合); the purpose is the §3(1) linking purpose, the target <c>link:{id}</c>.</summary>
    public const string LinkCreated = "link.created";
    public const string LinkRemoved = "link.removed";
    /// <summary>A person's signals (from linked devices) read under a purpose.</summary>
    public const string SignalsRead = "signals.read";
    /// <summary>Device IDs of an audience handed to a recipient; the target is <c>audience_export:{id}</c>.</summary>
    public const string AudienceExported = "audience.exported";
    // Hardening: backup and restore (mamori backup / restore); the target is the archive's file name.
    public const string BackupTaken = "backup.taken";
    public const string BackupRestored = "backup.restored";
    /// <summary>Inquiries (§12): the target is <c>inquiry:{id}</c>; reading one opens what the sender wrote.</summary>
    public const string InquiryReceived = "inquiry.received";
    public const string InquiryRead = "inquiry.read";
    public const string InquiryAssigned = "inquiry.assigned";
    public const string InquiryAnswered = "inquiry.answered";
    public const string InquiryClosed = "inquiry.closed";
    /// <summary>A party of the registry (§5–§7) recorded, changed or ended; the target is <c>party:{id}</c>.</summary>
    public const string PartyCreated = "party.created";
    public const string PartyUpdated = "party.updated";
    public const string PartyEnded = "party.ended";
    /// <summary>A contractor's handling evaluated (§7 supervision); the reason is the result, the target <c>party:{id}</c>.</summary>
    public const string ContractorEvaluated = "contractor.evaluated";
    // Requests from data subjects (開示等の請求等); the target is request:{id}, the reasons carry the new status.
    public const string RequestOpened = "request.opened";
    public const string RequestDocumentAdded = "request.document_added";
    public const string RequestDocumentRead = "request.document_read";
    public const string RequestPersonMatched = "request.person_matched";
    public const string RequestChecked = "request.checked";
    public const string RequestVerified = "request.verified";
    public const string RequestFeeReceived = "request.fee_received";
    public const string RequestFulfilled = "request.fulfilled";
    public const string RequestAnswered = "request.answered";
    public const string RequestRefused = "request.refused";
    public const string RequestWithdrawn = "request.withdrawn";
    public const string RequestRead = "request.read";
    public const string RequestPackageRead = "request.package_read";
    public const string RequestDownloaded = "request.downloaded";
    /// <summary>A closed request's data key destroyed (crypto-shredding of the requester's data).</summary>
    public const string RequestShredded = "request.shredded";
    /// <summary>A person's items corrected or added at their request (categories only; before/after stay with the request, encrypted).</summary>
    public const string PersonCorrected = "person.corrected";
    public const string PersonItemsDeleted = "person.items_deleted";
    public const string PersonSuspended = "person.suspended";
    /// <summary>A disclosure of everything retained about a person was assembled.</summary>
    public const string DisclosureBuilt = "disclosure.built";

    // Running the programme (§11(2)–(4)).
    /// <summary>A retention run; the target is <c>disposal:{id}</c>, the reasons the rules that disposed of something.</summary>
    public const string RetentionRun = "retention.run";
    /// <summary>A person's items of expired categories deleted by a retention run (the reason is the rule).</summary>
    public const string RetentionItemsDeleted = "retention.items_deleted";
    public const string LegalHoldSet = "legal_hold.set";
    public const string LegalHoldReleased = "legal_hold.released";
    public const string LedgerExported = "ledger.exported";
    public const string LedgerReviewed = "ledger.reviewed";
    public const string AnonymisedDatasetRegistered = "anonymised_dataset.registered";
    public const string TrainingRecorded = "training.recorded";
    public const string PledgeRecorded = "pledge.recorded";

    public static readonly IReadOnlyList<string> All =
    [
        StaffCreated, StaffSignIn, StaffSignOut, StaffTotpEnrolment, ApiKeyCreated, ApiKeyRevoked, PolicyPublished, AuditVerified,
        PersonCreated, PersonRead, PersonUpdated, PersonFileAdded, PersonFileRead, PersonSearched, PersonErased, Decision, ConsentRecorded, ConsentMerged,
        IncidentRecorded, IncidentReportDrafted, IncidentNoticesDrafted,
        Provision, ProvisionConsentRecorded, ProvisionConsentWithdrawn, ProvisionReceiptRecorded, ProvisionLinkingRecorded,
        ProvisionRecordsRead, ProvisionRecordsPurged,
        LinkCreated, LinkRemoved, SignalsRead, AudienceExported,
        BackupTaken, BackupRestored,
        InquiryReceived, InquiryRead, InquiryAssigned, InquiryAnswered, InquiryClosed,
        PartyCreated, PartyUpdated, PartyEnded, ContractorEvaluated,
        RequestOpened, RequestDocumentAdded, RequestDocumentRead, RequestPersonMatched, RequestChecked, RequestVerified, RequestFeeReceived,
        RequestFulfilled, RequestAnswered, RequestRefused, RequestWithdrawn, RequestRead, RequestPackageRead, RequestDownloaded, RequestShredded,
        PersonCorrected, PersonItemsDeleted, PersonSuspended, DisclosureBuilt,
        RetentionRun, RetentionItemsDeleted, LegalHoldSet, LegalHoldReleased, LedgerExported, LedgerReviewed,
        AnonymisedDatasetRegistered, TrainingRecorded, PledgeRecorded,
    ];
}

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Failure = "failure";
    /// <summary>A failed attempt that locked the account.</summary>
    public const string LockedOut = "locked_out";
    /// <summary>A use of personal data that the decision engine allowed or denied.</summary>
    public const string Allowed = "allowed";
    public const string Denied = "denied";

    public static readonly IReadOnlyList<string> All = [Success, Failure, LockedOut, Allowed, Denied];
}

/// <summary>Why a staff action failed. Decisions bring their own codes (<c>Mamori.Decisions.DecisionCodes</c>).</summary>
public static class AuditReasons
{
    public const string AccountUnknown = "account.unknown";
    public const string AccountDisabled = "account.disabled";
    public const string AccountLocked = "account.locked";
    public const string PasswordInvalid = "password.invalid";
    public const string TotpInvalid = "totp.invalid";
    public const string TotpNotEnrolled = "totp.not_enrolled";
    /// <summary>A code for enrolment arrived when none was pending (already enrolled, or never started).</summary>
    public const string TotpEnrolmentNotPending = "totp.enrolment_not_pending";
}
