using System.Security.Claims;
using Mamori.Audit;

namespace Mamori.Host.Auth;

/// <summary>How the signed-in caller is named in the audit trail.</summary>
public static class AuditActorClaims
{
    /// <summary><c>staff:{id}</c> for a console session, <c>key:{id}</c> for an API key, else <c>anonymous</c>.</summary>
    public static string AuditActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || user.Identity?.IsAuthenticated != true)
            return AuditActors.Anonymous;
        // API keys already carry "key:{id}" (ApiKeyAuthenticationHandler); console sessions carry the bare staff id.
        return Guid.TryParse(id, out var staffId) ? AuditActors.Staff(staffId) : id;
    }
}
