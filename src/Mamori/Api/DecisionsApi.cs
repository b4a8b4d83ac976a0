using System.Security.Claims;
using Mamori.Decisions;
using Mamori.Host.Auth;
using Mamori.Staff;
using Mamori.Vault;

namespace Mamori.Host.Api;

/// <summary><c>POST /api/v1/decisions</c>: may these categories of this person (or device) be used for this purpose?</summary>
public static class DecisionsApi
{
    public sealed record DecisionRequestBody(string? Purpose, List<string>? Categories, Guid? PersonId, string? DeviceId);
    public sealed record DecisionResponse(bool Allowed, IReadOnlyList<string> Reasons);

    public static void MapDecisionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/decisions", async (DecisionRequestBody body, PersonVault vault, DeviceDecisions devices, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var purpose = PersonsApi.Required(body.Purpose, "purpose");
                var categories = body.Categories ?? [];
                if (categories.Count > 256)
                    throw new MamoriException("request.too_many_categories", "At most 256 categories.");
                Decision decision;
                if (body.PersonId is { } personId)
                    decision = await vault.DecideAsync(personId, purpose, categories, user.AuditActor(), ct);
                else if (!string.IsNullOrWhiteSpace(body.DeviceId))
                    decision = await devices.DecideAsync(body.DeviceId, purpose, categories, default, user.AuditActor(), ct);
                else
                    throw new MamoriException("request.field_missing", "Give 'personId' or 'deviceId'.");
                return TypedResults.Ok(new DecisionResponse(decision.IsAllowed, decision.Reasons));
            })
            .RequirePermission(Permission.DecideUse)
            .WithName("Decide")
            .WithSummary("Allow or deny a use of a person's (or device's) categories for a purpose, with reason codes.")
            .WithTags("Decisions");
    }
}
