namespace Mamori.Provision;

/// <summary>
/// The problem codes of the provision capability: one per rule, stable, asserted by the tests. Vault decisions
/// bring their own (<c>Mamori.Decisions.DecisionCodes</c>), e.g. <c>subject.provision_suspended</c>.
/// </summary>
public static class ProvisionCodes
{
    public const string RecipientUnknown = "provision.recipient_unknown";
    /// <summary>The registered party's relationship has ended (the registry says so).</summary>
    public const string RecipientEnded = "provision.recipient_ended";
    public const string PurposeNotForProvision = "provision.purpose_not_for_provision";
    public const string ItemsMissing = "provision.items_missing";
    public const string BasisUnknown = "provision.basis_unknown";
    public const string ExceptionUnknown = "provision.exception_unknown";
    /// <summary>The agency has filed no opt-out notification with the PPC (Art. 27(2)); it never provides by opt-out.</summary>
    public const string OptOutNotNotified = "provision.opt_out_not_notified";
    /// <summary>要配慮 data is never provided by opt-out (Art. 27(2) proviso).</summary>
    public const string SensitiveByOptOut = "provision.sensitive_by_opt_out";
    /// <summary>Neither an explicit consent nor the notice agreed to at acquisition covers this recipient and purpose.</summary>
    public const string ConsentMissing = "provision.consent_missing";
    /// <summary>The person's latest choice on third-party provision in the consent ledger is a refusal.</summary>
    public const string ConsentWithdrawn = "provision.consent_withdrawn";
    /// <summary>A customer's own request goes to a co-solicitor only (§5 table).</summary>
    public const string RequestNotCoSolicitor = "provision.request_not_co_solicitor";
    /// <summary>At the customer's request, only the §5 table's items go to a co-solicitor.</summary>
    public const string ItemNotInCoSolicitation = "provision.item_not_in_co_solicitation";
    /// <summary>A recipient abroad (not Japan, not an EU/EEA or UK adequacy country) needs consent given with the three
    /// Art. 28(2) information items: the country, its regime, the recipient's measures.</summary>
    public const string CrossBorderInfoMissing = "provision.cross_border_info_missing";
    /// <summary>Joint use (§6) is with the joint users named there only.</summary>
    public const string NotJointUser = "provision.not_joint_user";
    /// <summary>Joint use serves §6's purposes (§4(1)⑨–⑬) only.</summary>
    public const string PurposeNotJointUse = "provision.purpose_not_joint_use";
    /// <summary>Only §6's items are used jointly.</summary>
    public const string ItemNotJointUse = "provision.item_not_joint_use";
    public const string ItemNotHeld = "provision.item_not_held";
    public const string PersonIdMissing = "provision.person_id_missing";

    public const string ConsentInvalid = "provision_consent.invalid";
    public const string ConsentNotFound = "provision_consent.not_found";

    /// <summary>Before receiving, the provider's name, address and representative are confirmed (規則22).</summary>
    public const string ProviderUnconfirmed = "receipt.provider_unconfirmed";
    /// <summary>Before receiving, how the provider obtained the data (取得の経緯) is confirmed (規則22).</summary>
    public const string AcquisitionUnconfirmed = "receipt.acquisition_unconfirmed";
    /// <summary>Data received under the provider's opt-out carries the date of receipt and no consent flag.</summary>
    public const string ReceiptBasisInvalid = "receipt.basis_invalid";
    /// <summary>Personal-related information is linked only with the person's Art. 31 consent on record.</summary>
    public const string Art31ConsentMissing = "receipt.art31_consent_missing";
    public const string ItemsInvalid = "receipt.items_invalid";
}
