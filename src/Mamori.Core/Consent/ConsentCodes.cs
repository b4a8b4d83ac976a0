namespace Mamori.Consent;

/// <summary>The problem codes of the consent capability: one per rule, stable, asserted by the tests.</summary>
public static class ConsentCodes
{
    public const string SubjectMissing = "consent.subject_missing";
    public const string SubjectAmbiguous = "consent.subject_ambiguous";
    public const string DeviceIdInvalid = "consent.device_id_invalid";
    public const string SubjectKindUnknown = "consent.subject_kind_unknown";
    public const string PersonIdInvalid = "consent.person_id_invalid";
    public const string PersonNotFound = "consent.person_not_found";
    public const string ChoicesMissing = "consent.choices_missing";
    public const string TooManyChoices = "consent.too_many_choices";
    public const string CategoryUnknown = "consent.category_unknown";
    public const string CategoryNotForDevice = "consent.category_not_for_device";
    public const string NecessaryNotOptional = "consent.necessary_not_optional";
    public const string MethodUnknown = "consent.method_unknown";
    public const string MethodNotAllowed = "consent.method_not_allowed";
    public const string GpcOnlyRefuses = "consent.gpc_only_refuses";
    public const string WrittenMethodRequired = "consent.written_method_required";
    public const string ReferenceInvalid = "consent.reference_invalid";
}
