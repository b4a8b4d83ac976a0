using System.Text.Json.Serialization;

namespace Mamori.Consent;

// The Kantara Initiative Consent Receipt Specification v1.1 (KI-CR-v1.1.0), field for field. The JSON names are
// the standard's, spelled out here so no serializer setting can change them.

public sealed record ConsentReceipt(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("jurisdiction")] string Jurisdiction,
    [property: JsonPropertyName("consentTimestamp")] long ConsentTimestamp,
    [property: JsonPropertyName("collectionMethod")] string CollectionMethod,
    [property: JsonPropertyName("consentReceiptID")] string ConsentReceiptId,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("piiPrincipalId")] string PiiPrincipalId,
    [property: JsonPropertyName("piiControllers")] IReadOnlyList<ReceiptController> PiiControllers,
    [property: JsonPropertyName("policyUrl")] string PolicyUrl,
    [property: JsonPropertyName("services")] IReadOnlyList<ReceiptService> Services,
    [property: JsonPropertyName("sensitive")] bool Sensitive,
    [property: JsonPropertyName("spiCat")] IReadOnlyList<string> SpiCat)
{
    public const string SpecVersion = "KI-CR-v1.1.0";
}

public sealed record ReceiptController(
    [property: JsonPropertyName("piiController")] string PiiController,
    [property: JsonPropertyName("onBehalf")] bool OnBehalf,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("address")] ReceiptAddress Address,
    [property: JsonPropertyName("email"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    [property: JsonPropertyName("phone"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Phone,
    [property: JsonPropertyName("piiControllerUrl")] string PiiControllerUrl);

public sealed record ReceiptAddress(
    [property: JsonPropertyName("streetAddress")] string StreetAddress,
    [property: JsonPropertyName("postalCode")] string PostalCode,
    [property: JsonPropertyName("addressCountry")] string AddressCountry);

public sealed record ReceiptService(
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("purposes")] IReadOnlyList<ReceiptPurpose> Purposes);

public sealed record ReceiptPurpose(
    [property: JsonPropertyName("purpose")] string Purpose,
    [property: JsonPropertyName("purposeCategory")] IReadOnlyList<string> PurposeCategory,
    [property: JsonPropertyName("consentType")] string ConsentType,
    [property: JsonPropertyName("piiCategory")] IReadOnlyList<string> PiiCategory,
    [property: JsonPropertyName("primaryPurpose")] bool PrimaryPurpose,
    [property: JsonPropertyName("termination")] string Termination,
    [property: JsonPropertyName("thirdPartyDisclosure")] bool ThirdPartyDisclosure,
    [property: JsonPropertyName("thirdPartyName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThirdPartyName);
