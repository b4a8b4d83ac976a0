namespace Mamori.Policy;

/// <summary>
/// The stable codes of <see cref="PolicyProblem"/>. They are part of the public surface: the CLI prints them,
/// tests and scripts match on them, so a code is never renamed, only added.
/// </summary>
public static class PolicyProblemCodes
{
    // Reading the file and its YAML.
    public const string FileUnreadable = "file.unreadable";
    public const string YamlSyntax = "yaml.syntax";
    public const string YamlDuplicateKey = "yaml.duplicate_key";
    public const string YamlEmpty = "yaml.empty";
    public const string YamlMultipleDocuments = "yaml.multiple_documents";
    /// <summary>The schema passed but the model could not be filled (e.g. a number too large); a bug if ever seen.</summary>
    public const string YamlModel = "yaml.model";

    // The JSON Schema generated from the model (policy/policy.schema.json).
    public const string SchemaRequired = "schema.required";
    public const string SchemaUnknownKey = "schema.unknown_key";
    public const string SchemaType = "schema.type";
    public const string SchemaEnum = "schema.enum";
    public const string SchemaPattern = "schema.pattern";
    public const string SchemaEmptyText = "schema.empty_text";
    public const string SchemaDate = "schema.date";
    public const string SchemaMinimum = "schema.minimum";
    public const string SchemaOther = "schema.invalid";

    // Lists.
    public const string IdDuplicate = "id.duplicate";
    public const string ListDuplicate = "list.duplicate";
    public const string NumberSequence = "number.sequence";

    // Dates.
    public const string EffectiveBeforeEstablished = "date.effective_before_established";
    public const string RevisionOrder = "revision.order";
    public const string RevisionBeforeEstablished = "revision.before_established";
    public const string RevisionAfterEffective = "revision.after_effective";

    // §4 purposes and their subjects.
    public const string PurposeCategoryUnknown = "purpose.category.unknown";
    public const string PurposeSubjectKindUnknown = "purpose.subject_kind.unknown";
    public const string PurposeParentUnknown = "purpose.parent.unknown";
    public const string PurposeParentNested = "purpose.parent.nested";
    public const string PurposeParentSubjectKinds = "purpose.parent.subject_kinds";
    public const string SubjectKindUnused = "subject_kind.unused";

    // Recipients (§5–§7).
    public const string RecipientKindUnknown = "recipient.kind.unknown";
    public const string RecipientAddressMissing = "recipient.address.missing";
    public const string RecipientCountryInvalid = "recipient.country.invalid";

    // §5 third-party provision.
    public const string ThirdPartyRecipientKindUnknown = "third_party.recipient_kind.unknown";
    public const string ThirdPartyPurposeUnknown = "third_party.purpose.unknown";
    public const string CoSolicitationItemUnknown = "co_solicitation.item.unknown";

    // §6 joint use.
    public const string JointUseItemUnknown = "joint_use.item.unknown";
    public const string JointUseItemSensitive = "joint_use.item.sensitive";
    public const string JointUseUserUnknown = "joint_use.user.unknown";
    public const string JointUsePurposeUnknown = "joint_use.purpose.unknown";
    public const string JointUsePurposeNotCustomer = "joint_use.purpose.not_customer";
    public const string JointUseResponsiblePartyUnknown = "joint_use.responsible_party.unknown";
    public const string JointUseResponsiblePartyNotUser = "joint_use.responsible_party.not_user";
    public const string JointUseResponsiblePartyIncomplete = "joint_use.responsible_party.incomplete";
    /// <summary>The joint use's notice day falls after the version takes effect: the change is not told in advance.</summary>
    public const string JointUseNoticeLate = "joint_use.notice.late";

    // §7 outsourcing.
    public const string OutsourcingContractorUnknown = "outsourcing.contractor.unknown";
    public const string OutsourcingContractorKind = "outsourcing.contractor.kind";

    // §3 informative data, cookies and tags, device identifiers, location.
    public const string InformativeCategoryUnknown = "informative.category.unknown";
    public const string InformativeCategoryNotInformative = "informative.category.not_informative";
    public const string TagCategoryUnknown = "tag.category.unknown";
    public const string TagProviderUnknown = "tag.provider.unknown";
    public const string TagProviderMissing = "tag.provider.missing";
    public const string TagItemUnknown = "tag.item.unknown";
    public const string TagPurposeUnknown = "tag.purpose.unknown";
    public const string TagDisclosureIncomplete = "tag.disclosure.incomplete";
    public const string TagDmpNotUsed = "tag.dmp.not_used";
    public const string DevicePurposeUnknown = "device.purpose.unknown";
    public const string DeviceAdPurposeUnknown = "device.ad_purpose.unknown";
    public const string DeviceAdPurposeNotDevicePurpose = "device.ad_purpose.not_device_purpose";
    public const string LocationPurposeUnknown = "location.purpose.unknown";

    // §8 sensitive data.
    public const string SensitiveGroundWrittenConsent = "sensitive.ground.written_consent";

    // §9 requests.
    public const string RequestKindUnknown = "request.kind.unknown";
    public const string RequestKindMissing = "request.kind.missing";
    public const string RequestFeeNotAllowed = "request.fee.not_allowed";
    public const string RequestDeadline = "request.deadline";
    public const string RequestCategoryUnknown = "request.category.unknown";

    // §11(7) and §14.
    public const string StorageCountryInvalid = "storage.country.invalid";
    public const string CountryRegimeCountryInvalid = "country_regime.country.invalid";
    public const string ServiceKindUnknown = "service.kind.unknown";
}
