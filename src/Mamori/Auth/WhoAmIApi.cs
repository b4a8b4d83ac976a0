using System.Security.Claims;
using Mamori.Staff;

namespace Mamori.Host.Auth;

/// <summary><c>GET /api/v1/whoami</c>: lets an integrator check a key and see what its role may do.</summary>
public static class WhoAmIApi
{
    public sealed record WhoAmI(string Name, string Role, IReadOnlyList<string> Permissions);

    public static void MapWhoAmIApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/whoami", (ClaimsPrincipal user) =>
            {
                var role = user.FindFirstValue(Auth.Permissions.RoleClaim) ?? "";
                return TypedResults.Ok(new WhoAmI(user.Identity?.Name ?? "", role, [.. Roles.PermissionsOf(role).Select(p => p.ToString())]));
            })
            .RequireAuthorization(Auth.Permissions.AnyCallerPolicy)
            .WithName("WhoAmI")
            .WithSummary("The calling key (or console session), its role and permissions.")
            .WithTags("Auth");
    }
}
