namespace Mamori.Inquiries;

/// <summary>The stable codes of the inquiry desk's errors (problem <c>code</c>s and page messages).</summary>
public static class InquiryCodes
{
    public const string NotFound = "inquiry.not_found";
    public const string KindUnknown = "inquiry.kind_unknown";
    public const string FieldMissing = "inquiry.field_missing";
    public const string TextTooLong = "inquiry.text_too_long";
    /// <summary>The step does not follow from the inquiry's state (e.g. answering one that is closed).</summary>
    public const string TransitionInvalid = "inquiry.transition_invalid";
    /// <summary>Someone else changed the inquiry at the same moment.</summary>
    public const string Conflict = "inquiry.conflict";
    public const string AssigneeInvalid = "inquiry.assignee_invalid";
    /// <summary>The form was sent faster than a person fills it in.</summary>
    public const string TooFast = "inquiry.too_fast";
    /// <summary>The form's timing token is missing, forged or too old: reload the form.</summary>
    public const string FormExpired = "inquiry.form_expired";
    /// <summary>The form was filled in by a robot (the hidden field is filled).</summary>
    public const string Rejected = "inquiry.rejected";
}
