using System.Security.Claims;
using System.Text.Encodings.Web;
using Mamori.Host.Api;
using Mamori.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Auth;

public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary><c>Authorization: Bearer mk_…</c>. Failures answer with a problem document, never a redirect. A key
/// verified recently is answered from <see cref="ApiKeyCache"/> without touching the database; only a miss resolves
/// <see cref="ApiKeys"/> (and with it a database context).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache cache)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var presented = header["Bearer ".Length..].Trim();
        var key = cache.Find(presented)
            ?? await Context.RequestServices.GetRequiredService<ApiKeys>().VerifyAsync(presented, Context.RequestAborted);
        if (key is null)
            return AuthenticateResult.Fail("Invalid API key.");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "key:" + key.Id),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(Permissions.RoleClaim, key.Role),
        ], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "auth.unauthenticated",
            "A valid API key (Authorization: Bearer …) or a console session is required.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "auth.forbidden",
            "This key's role does not allow this action.");
}
