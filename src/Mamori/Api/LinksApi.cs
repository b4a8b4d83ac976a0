using Mamori.Compliance;
using System.Security.Claims;
using Mamori.Host.Auth;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Vault;

namespace Mamori.Host.Api;

/// <summary>Linking devices to persons (照合) and reading a person's signals: <c>/api/v1/links</c> and <c>/api/v1/persons/{id}/…</c>.</summary>
public static class LinksApi
{
    public sealed record LinkRequest(
        [property: PersonalData] string? DeviceId,
        [property: Pseudonymous] Guid? PersonId,
        [property: UncheckedInput] string? Purpose);
    public sealed record LinkDto(Guid Id, string DeviceId, Guid PersonId, string Purpose, DateTimeOffset LinkedAt, string LinkedBy,
        DateTimeOffset? UnlinkedAt, string? UnlinkedBy);
    public sealed record LinksResponse(Guid PersonId, IReadOnlyList<LinkDto> Links);
    public sealed record SignalsResponse(Guid PersonId, string Purpose, IReadOnlyList<LinkDto> Links, IReadOnlyList<SignalView> Signals,
        IReadOnlyList<WithheldItem> Withheld, long? Next);

    public static void MapLinksApi(this IEndpointRouteBuilder routes)
    {
        var links = routes.MapGroup("/api/v1/links").WithTags("Signals");

        links.MapPost("", async Task<IResult> (LinkRequest body, DeviceLinks devices, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var personId = body.PersonId ?? throw new MamoriException("request.field_missing", "'personId' is required.");
                var (link, created) = await devices.LinkAsync(PersonsApi.Required(body.DeviceId, "deviceId"), personId,
                    PersonsApi.Required(body.Purpose, "purpose"), user.AuditActor(), ct);
                return created ? TypedResults.Created($"/api/v1/links/{link.Id}", Dto(link)) : TypedResults.Ok(Dto(link));
            })
            .RequirePermission(Permission.WritePersonalData)
            .Produces<LinkDto>(StatusCodes.Status201Created)
            .Produces<LinkDto>()
            .WithName("LinkDevice")
            .WithSummary("Link a device to a person for one of §3(1)'s linking purposes: its signals become the person's personal data; consents merge.");

        links.MapDelete("/{id:guid}", async (Guid id, DeviceLinks devices, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Dto(await devices.UnlinkAsync(id, user.AuditActor(), ct))))
            .RequirePermission(Permission.WritePersonalData)
            .WithName("UnlinkDevice")
            .WithSummary("End a link; it stays on record with when and by whom.");

        var persons = routes.MapGroup("/api/v1/persons").WithTags("Signals");

        persons.MapGet("/{id:guid}/links", async (Guid id, DeviceLinks devices, CancellationToken ct) =>
                TypedResults.Ok(new LinksResponse(id, [.. (await devices.ForPersonAsync(id, ct)).Select(Dto)])))
            .RequirePermission(Permission.ReadPersonalData)
            .WithName("GetPersonLinks")
            .WithSummary("The devices linked to a person, current and ended.");

        persons.MapGet("/{id:guid}/signals", async (Guid id, string? purpose, int? limit, long? before, LinkedSignals signals, ClaimsPrincipal user,
                CancellationToken ct) =>
            {
                var view = await signals.ReadAsync(id, PersonsApi.Required(purpose, "purpose"), user.AuditActor(), limit, before, ct: ct);
                return TypedResults.Ok(new SignalsResponse(view.PersonId, view.Purpose, [.. view.Links.Select(Dto)], view.Signals, view.Withheld, view.Next));
            })
            .RequirePermission(Permission.ReadPersonalData)
            .WithName("GetPersonSignals")
            .WithSummary("The signals of a person's linked devices, newest first, with what the purpose may not use withheld.");
    }

    private static LinkDto Dto(DeviceLink l) => new(l.Id, l.DeviceId, l.PersonId, l.Purpose, l.LinkedAt, l.LinkedBy, l.UnlinkedAt, l.UnlinkedBy);
}
