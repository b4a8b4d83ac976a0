namespace Mamori.Parties;

/// <summary>The problem codes of the party registry and contractor supervision: stable, asserted by the tests.</summary>
public static class PartyCodes
{
    public const string CodeInvalid = "party.code_invalid";
    public const string CodeTaken = "party.code_taken";
    /// <summary>A party's code is what provisions and their records name: it never changes.</summary>
    public const string CodeFixed = "party.code_fixed";
    public const string KindUnknown = "party.kind_unknown";
    public const string PolicyRecipientUnknown = "party.policy_recipient_unknown";
    /// <summary>The party belongs to a policy recipient of another kind, or its code is a policy recipient's id but it names another.</summary>
    public const string PolicyRecipientMismatch = "party.policy_recipient_mismatch";
    /// <summary>Several policy recipients have the kind: name the one the party belongs to.</summary>
    public const string PolicyRecipientRequired = "party.policy_recipient_required";
    public const string NameMissing = "party.name_missing";
    public const string TextTooLong = "party.text_too_long";
    public const string CountryInvalid = "party.country_invalid";
    public const string ItemsInvalid = "party.items_invalid";
    public const string IntervalInvalid = "party.interval_invalid";
    public const string NotFound = "party.not_found";
    public const string Ended = "party.ended";

    public const string EvaluationNotContractor = "evaluation.not_contractor";
    public const string EvaluationResultUnknown = "evaluation.result_unknown";
    public const string EvaluationDateInvalid = "evaluation.date_invalid";
    public const string EvaluationNotesTooLong = "evaluation.notes_too_long";
}
