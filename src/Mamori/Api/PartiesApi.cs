using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Parties;
using Mamori.Policy;
using Party = Mamori.Parties.Party;
using Mamori.Staff;

namespace Mamori.Host.Api;

/// <summary>
/// <c>/api/v1/parties</c> and <c>/api/v1/contractors</c>: the registry of concrete recipients, co-solicitors and
/// contractors (§5–§7), each with what is known of its country's regime (§11(7)), and contractor supervision with the
/// overdue evaluations. Thin: each handler shapes one call to <see cref="PartyRegistry"/> or <see cref="ContractorSupervision"/>.
/// </summary>
public static class PartiesApi
{
    public sealed record EvaluationRequest(DateOnly? EvaluatedOn, [property: UncheckedInput] string? Result, [property: UncheckedInput] string? Notes);

    public sealed record PartyResponse(Guid Id, string Code, string Kind, string? PolicyRecipientId, string NameJa, string NameEn, string? Address,
        [property: PersonalData] string? Representative, string Country, LocalizedText? CountryRegime, string? Contract, string? Relationship,
        bool Listed, string? EntrustedWork, IReadOnlyList<string> EntrustedItems, int EvaluationIntervalMonths, DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt);
    public sealed record EvaluationResponse(Guid Id, Guid PartyId, DateOnly EvaluatedOn, string Result, string? Notes, DateTimeOffset RecordedAt);
    public sealed record PartyDetailResponse(PartyResponse Party, IReadOnlyList<EvaluationResponse> Evaluations);
    public sealed record ContractorResponse(PartyResponse Party, EvaluationResponse? Latest, DateOnly? NextDue, string State);

    public static void MapPartiesApi(this IEndpointRouteBuilder routes)
    {
        var parties = routes.MapGroup("/api/v1/parties").WithTags("Parties");
        parties.MapGet("", async (string? kind, PartyRegistry registry, CurrentPolicy policy, CancellationToken ct) =>
                TypedResults.Ok((await registry.ListAsync(kind, ct)).Select(p => ToResponse(p, policy.Document)).ToList()))
            .RequirePermission(Permission.ManageParties)
            .WithName("ListParties").WithSummary("The registered parties, of one kind or all, with their country's regime.");
        parties.MapPost("", async (SaveParty body, PartyRegistry registry, CurrentPolicy policy, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var party = await registry.CreateAsync(body, user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/parties/{party.Id}", ToResponse(party, policy.Document));
            })
            .RequirePermission(Permission.ManageParties)
            .WithName("CreateParty").WithSummary("Register a party: a recipient of a policy kind, a co-solicitor, an insurer or a contractor.");
        parties.MapGet("/{id:guid}", async (Guid id, PartyRegistry registry, ContractorSupervision supervision, CurrentPolicy policy, CancellationToken ct) =>
            {
                var party = await registry.GetAsync(id, ct);
                var evaluations = await supervision.EvaluationsAsync(id, ct);
                return TypedResults.Ok(new PartyDetailResponse(ToResponse(party, policy.Document), [.. evaluations.Select(ToResponse)]));
            })
            .RequirePermission(Permission.ManageParties)
            .WithName("GetParty").WithSummary("A party with its evaluations (contractors).");
        parties.MapPut("/{id:guid}", async (Guid id, SaveParty body, PartyRegistry registry, CurrentPolicy policy, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(ToResponse(await registry.UpdateAsync(id, body, user.AuditActor(), ct), policy.Document)))
            .RequirePermission(Permission.ManageParties)
            .WithName("UpdateParty").WithSummary("Change a party's particulars (its code stays).");
        parties.MapPost("/{id:guid}/end", async (Guid id, PartyRegistry registry, CurrentPolicy policy, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(ToResponse(await registry.EndAsync(id, user.AuditActor(), ct), policy.Document)))
            .RequirePermission(Permission.ManageParties)
            .WithName("EndParty").WithSummary("End the relationship: no further provision goes to the party.");
        parties.MapPost("/{id:guid}/evaluations", async (Guid id, EvaluationRequest body, ContractorSupervision supervision, ClaimsPrincipal user,
                CancellationToken ct) =>
            {
                var evaluation = await supervision.EvaluateAsync(id, new RecordEvaluation(
                    body.EvaluatedOn ?? throw new MamoriException(PartyCodes.EvaluationDateInvalid, "'evaluatedOn' (YYYY-MM-DD) is required."),
                    body.Result, body.Notes), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/parties/{id}", ToResponse(evaluation));
            })
            .RequirePermission(Permission.ManageParties)
            .WithName("EvaluateContractor").WithSummary("Record an evaluation of a contractor's handling (§7 supervision).");

        routes.MapGet("/api/v1/contractors", async (ContractorSupervision supervision, CurrentPolicy policy, CancellationToken ct) =>
                TypedResults.Ok((await supervision.ContractorsAsync(ct)).Select(s =>
                    new ContractorResponse(ToResponse(s.Party, policy.Document), s.Latest is null ? null : ToResponse(s.Latest), s.NextDue, s.State)).ToList()))
            .RequirePermission(Permission.ManageParties)
            .WithTags("Parties").WithName("ListContractors")
            .WithSummary("Active contractors with their latest evaluation, next due day and state (never_evaluated, overdue, current).");
    }

    internal static PartyResponse ToResponse(Party p, PolicyDocument document) =>
        new(p.Id, p.Code, p.Kind, p.PolicyRecipientId, p.NameJa, p.NameEn, p.Address, p.Representative, p.Country, ForeignRegimes.For(document, p.Country),
            p.Contract, p.Relationship, p.Listed, p.EntrustedWork, p.EntrustedItems, p.EvaluationIntervalMonths, p.CreatedAt, p.UpdatedAt, p.EndedAt);

    private static EvaluationResponse ToResponse(ContractorEvaluation v) => new(v.Id, v.PartyId, v.EvaluatedOn, v.Result, v.Notes, v.RecordedAt);
}
