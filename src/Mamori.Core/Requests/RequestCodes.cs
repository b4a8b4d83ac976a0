namespace Mamori.Requests;

/// <summary>The stable problem codes of requests from data subjects.</summary>
public static class RequestCodes
{
    public const string NotFound = "request.not_found";
    /// <summary>Someone else changed the case between reading and writing it.</summary>
    public const string Conflict = "request.conflict";
    public const string KindUnknown = "request.kind_unknown";
    public const string ChannelUnknown = "request.channel_unknown";
    public const string OnlineFormClosed = "request.online_form_closed";
    public const string AgentTypeUnknown = "request.agent_type_unknown";
    public const string AgentMissing = "request.agent_missing";
    public const string ResponseMethodUnknown = "request.response_method_unknown";
    public const string RequesterInvalid = "request.requester_invalid";
    public const string TextTooLong = "request.text_too_long";
    public const string ChangesMissing = "request.changes_missing";
    public const string CategoriesMissing = "request.categories_missing";
    public const string ReceivedInFuture = "request.received_in_future";
    public const string DocumentUnknown = "request.document_unknown";
    public const string DocumentSize = "request.document_size";
    public const string DocumentType = "request.document_type";
    public const string DocumentNotFound = "request.document_not_found";
    public const string PersonNotMatched = "request.person_not_matched";
    public const string ChecklistIncomplete = "request.checklist_incomplete";
    public const string IdentityUnverified = "request.identity_unverified";
    public const string FeeNotRequired = "request.fee_not_required";
    public const string FeeAlreadyReceived = "request.fee_already_received";
    public const string FeeUnpaid = "request.fee_unpaid";
    public const string InvalidTransition = "request.invalid_transition";
    public const string GroundUnknown = "request.ground_unknown";
    public const string ReasonMissing = "request.reason_missing";
    public const string NotReady = "request.not_ready";
    public const string DownloadUnknown = "request.download_unknown";
    public const string DownloadExpired = "request.download_expired";
    public const string DownloadLocked = "request.download_locked";
    public const string DownloadPassword = "request.download_password";
    public const string Shredded = "request.shredded";
}
