using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Provision;
using Mamori.Staff;

namespace Mamori.Host.Api;

/// <summary>
/// <c>/api/v1/provisions</c>, <c>/api/v1/provision-consents</c> and <c>/api/v1/provision-records</c>: hand-overs to
/// third parties with the Art. 29 record, the consents they rest on, the Art. 30/31 records of what the agency
/// receives, every record about a person, and the retention purge. Thin: each handler shapes one call.
/// </summary>
public static class ProvisionsApi
{
    public sealed record ProvisionRequest(
        [property: Pseudonymous] Guid? PersonId,
        [property: UncheckedInput] string? Recipient,
        [property: UncheckedInput] string? Purpose,
        [property: UncheckedInput] List<string>? Items,
        [property: UncheckedInput] string? Basis,
        bool? Batch,
        [property: UncheckedInput] string? ContractReference);
    public sealed record ProvisionConsentRequest(
        [property: Pseudonymous] Guid? PersonId,
        [property: UncheckedInput] string? Recipient,
        [property: UncheckedInput] string? RecipientKind,
        [property: UncheckedInput] List<string>? Purposes,
        [property: UncheckedInput] string? Method,
        [property: PersonalData] string? Reference,
        [property: UncheckedInput] string? CrossBorderCountry,
        [property: PersonalData] string? CrossBorderRegime,
        [property: PersonalData] string? RecipientMeasures);
    public sealed record ReceiptRequest(
        [property: Pseudonymous] Guid? PersonId,
        [property: PersonalData] string? ProviderName,
        [property: PersonalData] string? ProviderAddress,
        [property: PersonalData] string? ProviderRepresentative,
        [property: PersonalData] string? Acquisition,
        [property: UncheckedInput] List<string>? Items,
        [property: UncheckedInput] string? Basis,
        [property: UncheckedInput] string? ContractReference);
    public sealed record LinkingRequest(
        [property: Pseudonymous] Guid? PersonId,
        [property: PersonalData] string? ProviderName,
        [property: PersonalData] string? ProviderAddress,
        [property: PersonalData] string? ProviderRepresentative,
        [property: UncheckedInput] List<string>? Items,
        [property: UncheckedInput] string? ContractReference);

    /// <summary>The data handed over, and the Art. 29 record written (null where the law asks none: exceptions ①–④).</summary>
    public sealed record ProvisionResponse(Guid? RecordId, bool RecordRequired, bool Batch, string Basis, string? ConsentSource,
        [property: PersonalData] IReadOnlyDictionary<string, string> Data);
    public sealed record ConsentResponse(Guid Id, Guid LedgerReceiptId, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt);
    /// <summary>The other party: the recipient (Art. 29) or the provider (Arts. 30, 31).</summary>
    public sealed record Party(string? RecipientId, [property: PersonalData] string Name, [property: PersonalData] string? Address,
        [property: PersonalData] string? Representative, [property: PersonalData] string? Acquisition, string? Country);
    /// <summary>A record with the fields Arts. 29–31 (規則20/24/28) require, and its retention.</summary>
    public sealed record RecordResponse(Guid Id, string Kind, Guid PersonId, Party Party, string? Purpose, IReadOnlyList<string> Items,
        string Basis, bool ConsentObtained, DateOnly? OptOutDate, string? ConsentSource, string? ConsentReference, bool CrossBorderInformed,
        bool Batch, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt, string? ContractReference, DateTimeOffset KeepUntil);
    public sealed record RecordsResponse(Guid PersonId, IReadOnlyList<RecordResponse> Records);
    public sealed record PurgeResponse(Guid PurgeId, DateTimeOffset PurgedAt, int Count);

    public static void MapProvisionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/provisions", async (ProvisionRequest body, Provisions provisions, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var provided = await provisions.ProvideAsync(new ProvideCommand(RequiredId(body.PersonId), PersonsApi.Required(body.Recipient, "recipient"),
                    PersonsApi.Required(body.Purpose, "purpose"), body.Items ?? [], PersonsApi.Required(body.Basis, "basis"), body.Batch ?? false,
                    body.ContractReference), user.AuditActor(), ct);
                return TypedResults.Ok(new ProvisionResponse(provided.RecordId, provided.RecordId is not null, provided.Batch, provided.Basis,
                    provided.ConsentSource, provided.Data));
            })
            .RequirePermission(Permission.ProvideToThirdParties)
            .WithTags("Provision").WithName("Provide")
            .WithSummary("Hand a person's items to a third party on a basis (consent, request, exception:…); writes the Art. 29 record.");

        var consents = routes.MapGroup("/api/v1/provision-consents").WithTags("Provision");
        consents.MapPost("", async (ProvisionConsentRequest body, ProvisionConsents service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var consent = await service.GiveAsync(new GiveProvisionConsent(RequiredId(body.PersonId), body.Recipient, body.RecipientKind,
                    body.Purposes ?? [], PersonsApi.Required(body.Method, "method"), body.Reference, body.CrossBorderCountry, body.CrossBorderRegime,
                    body.RecipientMeasures), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/provision-consents/{consent.Id}",
                    new ConsentResponse(consent.Id, consent.LedgerReceiptId, consent.GivenAt, consent.WithdrawnAt));
            })
            .RequirePermission(Permission.ManageConsents)
            .WithName("GiveProvisionConsent").WithSummary("Record a person's consent to provision to a recipient (or kind) for purposes, with the Art. 28 information for one abroad.");
        consents.MapPost("/{id:guid}/withdrawal", async (Guid id, ProvisionConsents service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var consent = await service.WithdrawAsync(id, user.AuditActor(), ct);
                return TypedResults.Ok(new ConsentResponse(consent.Id, consent.LedgerReceiptId, consent.GivenAt, consent.WithdrawnAt));
            })
            .RequirePermission(Permission.ManageConsents)
            .WithName("WithdrawProvisionConsent").WithSummary("Withdraw a provision consent: provisions resting on it stop.");

        var records = routes.MapGroup("/api/v1/provision-records").WithTags("Provision");
        records.MapGet("", async (Guid? personId, ProvisionRecords service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var id = RequiredId(personId);
                var list = await service.ForPersonAsync(id, user.AuditActor(), ct);
                return TypedResults.Ok(new RecordsResponse(id, [.. list.Select(ToResponse)]));
            })
            .RequirePermission(Permission.ReadPersonalData)
            .WithName("GetProvisionRecords").WithSummary("Every Art. 29–31 record about a person: what a disclosure of records hands over.");
        records.MapPost("/receipts", async (ReceiptRequest body, ProvisionRecords service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var record = await service.ReceiveAsync(new ReceiveData(RequiredId(body.PersonId), body.ProviderName, body.ProviderAddress,
                    body.ProviderRepresentative, body.Acquisition, body.Items ?? [], body.Basis, body.ContractReference), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/provision-records?personId={record.PersonId}", ToResponse(record));
            })
            .RequirePermission(Permission.WritePersonalData)
            .WithName("RecordReceipt").WithSummary("Confirm the provider of data received and write the Art. 30 record.");
        records.MapPost("/linking", async (LinkingRequest body, ProvisionRecords service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var record = await service.LinkAsync(new LinkReceived(RequiredId(body.PersonId), body.ProviderName, body.ProviderAddress,
                    body.ProviderRepresentative, body.Items ?? [], body.ContractReference), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/provision-records?personId={record.PersonId}", ToResponse(record));
            })
            .RequirePermission(Permission.WritePersonalData)
            .WithName("RecordLinking").WithSummary("Confirm the person's Art. 31 consent for personal-related information to be linked and write the record.");
        records.MapPost("/purge", async (ProvisionRecords service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var purge = await service.PurgeExpiredAsync(user.AuditActor(), ct);
                return TypedResults.Ok(new PurgeResponse(purge.PurgeId, purge.PurgedAt, purge.Count));
            })
            .RequirePermission(Permission.ProvideToThirdParties)
            .WithName("PurgeProvisionRecords").WithSummary("Delete the records past their retention; the purge itself is recorded.");
    }

    internal static RecordResponse ToResponse(ProvisionRecord r) =>
        new(r.Id, r.Kind, r.PersonId, new Party(r.RecipientId, r.PartyName, r.PartyAddress, r.PartyRepresentative, r.PartyAcquisition, r.Country),
            r.Purpose, r.Items, r.Basis, r.ConsentObtained, r.OptOutDate, r.ConsentSource, r.ConsentReference, r.CrossBorderInformed,
            r.Batch, r.Count, r.FirstAt, r.LastAt, r.ContractReference, r.KeepUntil);

    private static Guid RequiredId(Guid? id) =>
        id is { } value && value != Guid.Empty ? value : throw new MamoriException(ProvisionCodes.PersonIdMissing, "'personId' is required.");
}
