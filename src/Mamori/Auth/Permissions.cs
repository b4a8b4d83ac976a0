using System.Security.Claims;
using Mamori.Staff;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mamori.Host.Auth;

/// <summary>One authorisation policy per <see cref="Permission"/>, granted by the role table in <see cref="Roles"/>.</summary>
public static class Permissions
{
    public const string RoleClaim = "mamori:role";
    public const string StampClaim = "mamori:stamp";

    /// <summary>The policy for console pages: a console session with the permission.</summary>
    public static string PolicyName(Permission permission) => "perm:" + permission;

    /// <summary>The policy for API endpoints: an API key, or a console session, with the permission.</summary>
    public static string ApiPolicyName(Permission permission) => "api:" + permission;

    /// <summary>Any authenticated API caller, whatever its role.</summary>
    public const string AnyCallerPolicy = "api:any";

    public static bool Has(this ClaimsPrincipal user, Permission permission) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(RoleClaim) is { } role && Roles.Allows(role, permission);

    public static IServiceCollection AddMamoriAuth(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Schemes.Console;
                o.DefaultChallengeScheme = Schemes.Console;
            })
            .AddCookie(Schemes.Console, o =>
            {
                o.Cookie.Name = "mamori.console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/console/login";
                o.LogoutPath = "/console/logout";
                o.AccessDeniedPath = "/console/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ConsoleSession.ValidateAsync;
            })
            // Holds only "password checked, second factor pending" for five minutes.
            .AddCookie(Schemes.PendingSecondFactor, o =>
            {
                o.Cookie.Name = "mamori.2fa";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                o.SlidingExpiration = false;
                o.LoginPath = "/console/login";
            })
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(Schemes.ApiKey, null)
            // API callers present a key; the console's own scripts may use its session. Either way a refusal
            // is a problem document, never a redirect to the login page.
            .AddPolicyScheme(Schemes.Api, "API key or console session", o =>
            {
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.Authorization.Count > 0 ? Schemes.ApiKey : Schemes.Console;
                o.ForwardChallenge = Schemes.ApiKey;
                o.ForwardForbid = Schemes.ApiKey;
            });

        services.AddAuthorization(o =>
        {
            o.AddPolicy(AnyCallerPolicy, p => p.AddAuthenticationSchemes(Schemes.Api).RequireAuthenticatedUser());
            foreach (var permission in Enum.GetValues<Permission>())
            {
                o.AddPolicy(PolicyName(permission), p => p
                    .AddAuthenticationSchemes(Schemes.Console)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(ctx => ctx.User.Has(permission)));
                o.AddPolicy(ApiPolicyName(permission), p => p
                    .AddAuthenticationSchemes(Schemes.Api)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(ctx => ctx.User.Has(permission)));
            }
        });
        return services;
    }

    /// <summary>Restricts an API endpoint to callers (API key or console session) holding the permission.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiPolicyName(permission));
}

public static class Schemes
{
    public const string Console = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string PendingSecondFactor = "PendingSecondFactor";
    public const string ApiKey = "ApiKey";
    public const string Api = "Api";
}
