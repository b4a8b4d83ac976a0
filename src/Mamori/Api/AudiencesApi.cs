using System.Security.Claims;
using Mamori.Host.Auth;
using Mamori.Signals;
using Mamori.Staff;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/audiences</c>: device IDs of a segment for a targeting recipient (DMP), and the records of each hand-over.</summary>
public static class AudiencesApi
{
    public sealed record ExportsResponse(IReadOnlyList<AudienceExport> Exports);

    public static void MapAudiencesApi(this IEndpointRouteBuilder routes)
    {
        var audiences = routes.MapGroup("/api/v1/audiences").WithTags("Signals");

        audiences.MapPost("/export", async (AudienceRequest body, Audiences exports, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await exports.ExportAsync(body, user.AuditActor(), ct)))
            .RequirePermission(Permission.ProvideToThirdParties)
            .WithName("ExportAudience")
            .WithSummary("Device IDs of a segment for a recipient: only devices whose targeting is allowed, never GPC or linked devices; a linking recipient gets only devices with Art. 31 consent. Recorded.");

        audiences.MapGet("/exports", async (int? take, Audiences exports, CancellationToken ct) =>
                TypedResults.Ok(new ExportsResponse(await exports.RecordsAsync(take ?? 100, ct))))
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.Api).RequireAuthenticatedUser()
                .RequireAssertion(ctx => ctx.User.Has(Permission.ProvideToThirdParties) || ctx.User.Has(Permission.ViewAudit)))
            .WithName("GetAudienceExports")
            .WithSummary("The records of audience hand-overs (recipient, items, count, date, consent confirmed and how), newest first.");
    }
}
