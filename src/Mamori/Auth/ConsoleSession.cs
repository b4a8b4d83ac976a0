using System.Security.Claims;
using Mamori.Data;
using Mamori.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Host.Auth;

/// <summary>Issuing and checking the console session cookie.</summary>
public static class ConsoleSession
{
    public static ClaimsPrincipal PrincipalFor(StaffUser user, string scheme)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.UserName),
            new Claim(Permissions.RoleClaim, user.Role),
            new Claim(Permissions.StampClaim, user.SecurityStamp),
        ], scheme);
        return new ClaimsPrincipal(identity);
    }

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Rejects a session whose account was disabled, locked or had its credentials changed since sign-in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.UserId();
        var stamp = context.Principal?.FindFirstValue(Permissions.StampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<MamoriDb>();
        var user = id is null ? null : await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
        if (user is null || user.Disabled || !user.TotpEnabled || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Schemes.Console);
        }
    }
}
