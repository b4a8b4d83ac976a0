using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Decisions;
using Mamori.Host.Auth;
using Mamori.Host.Logging;
using Mamori.Staff;
using Mamori.Vault;

namespace Mamori.Host.Api;

/// <summary><c>POST /api/v1/decisions</c>: may these categories of this person (or device) be used for this purpose?</summary>
public static class DecisionsApi
{
    public sealed record DecisionRequestBody(
        [property: UncheckedInput] string? Purpose,
        [property: UncheckedInput] List<string>? Categories,
        [property: Pseudonymous] Guid? PersonId,
        [property: PersonalData] string? DeviceId);
    public sealed record DecisionResponse(bool Allowed, IReadOnlyList<string> Reasons);

    public static void MapDecisionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/decisions", async (DecisionRequestBody body, PersonVault vault, DeviceDecisions devices, DecisionEngine engine,
                ILogger<DecisionEngine> log, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var purpose = PersonsApi.Required(body.Purpose, "purpose");
                var categories = body.Categories ?? [];
                if (categories.Count > 256)
                    throw new MamoriException("request.too_many_categories", "At most 256 categories.");
                Decision decision;
                if (body.PersonId is { } personId)
                    decision = await vault.DecideAsync(personId, purpose, categories, user.AuditActor(), ct);
                else if (!string.IsNullOrWhiteSpace(body.DeviceId))
                    decision = await devices.DecideAsync(body.DeviceId, purpose, categories, user.AuditActor(), ct);
                else
                    throw new MamoriException("request.field_missing", "Give 'personId' or 'deviceId'.");
                if (!decision.IsAllowed)
                {
                    // The purpose only if the policy knows it: a caller may have sent anything there.
                    var loggedPurpose = engine.Policy.PurposeId(purpose) == CompiledPolicy.Unknown ? "(unknown purpose)" : purpose;
                    var subject = body.PersonId is { } id ? $"person {id}" : "a device";
                    log.UseDenied(loggedPurpose, subject, categories.Count, string.Join(", ", decision.Reasons));
                }
                return TypedResults.Ok(new DecisionResponse(decision.IsAllowed, decision.Reasons));
            })
            .RequirePermission(Permission.DecideUse)
            .WithName("Decide")
            .WithSummary("Allow or deny a use of a person's (or device's) categories for a purpose, with reason codes.")
            .WithTags("Decisions");
    }
}
