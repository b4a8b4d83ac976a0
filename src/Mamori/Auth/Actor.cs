using System.Security.Claims;

namespace Mamori.Host.Auth;

/// <summary>Who acts, as recorded in provenance and the audit trail: a staff id or an API key id, never a name.</summary>
public static class Actor
{
    public static string Of(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) switch
    {
        null => "anonymous",
        var id when id.StartsWith("key:", StringComparison.Ordinal) => id,
        var id => "staff:" + id,
    };
}
