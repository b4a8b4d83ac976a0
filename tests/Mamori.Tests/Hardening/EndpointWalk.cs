using System.Text.RegularExpressions;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Hardening;

/// <summary>
/// Every endpoint the running host maps (minimal APIs and Razor pages), found through <see cref="EndpointDataSource"/>
/// rather than listed by hand, so endpoints added later are walked too — with the rule its metadata states.
/// </summary>
internal sealed partial record WalkedEndpoint(string Method, string Path, string Pattern, bool IsPage, bool Anonymous,
    IReadOnlyList<Permission> Permissions, bool CustomPolicy, bool AcceptsJson)
{
    /// <summary>Whether the role passes the endpoint's rule by the permission table; null when the rule is a custom
    /// policy the table cannot decide (only "signed in" is then checked).</summary>
    public bool? Allows(string role) => CustomPolicy && Permissions.Count == 0 ? null : Permissions.All(p => Roles.Allows(role, p));

    public override string ToString() => $"{Method} {Pattern}";

    public static IReadOnlyList<WalkedEndpoint> Discover(MamoriHost host)
    {
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var walked = new List<WalkedEndpoint>();
        foreach (var e in endpoints)
        {
            var isPage = e.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            // Pages are walked by GET: their posts need the page's own antiforgery token (the fuzz test posts them).
            var methods = isPage ? ["GET"] : e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var names = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var permissions = new List<Permission>();
            var custom = false;
            foreach (var name in names)
            {
                if (name == Mamori.Host.Auth.Permissions.AnyCallerPolicy)
                    continue; // any signed-in caller: no permission to hold
                if (name is not null && PolicyPattern().Match(name) is { Success: true } m && Enum.TryParse<Permission>(m.Groups[1].Value, out var permission))
                    permissions.Add(permission);
                else
                    custom = true;
            }
            custom |= e.Metadata.GetMetadata<AuthorizationPolicy>() is not null;
            var acceptsJson = e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
                .Any(a => a.ContentTypes.Any(t => t.Contains("json", StringComparison.Ordinal)));
            foreach (var method in methods.Where(m => m != "HEAD" && m != "OPTIONS"))
                walked.Add(new WalkedEndpoint(method, Fill(e.RoutePattern), "/" + e.RoutePattern.RawText?.TrimStart('/'), isPage, anonymous, permissions, custom, acceptsJson));
        }
        // Signing out last: it would end the session the walk uses.
        return [.. walked.DistinctBy(w => (w.Method, w.Pattern)).OrderBy(w => w.Path.Contains("logout", StringComparison.OrdinalIgnoreCase)).ThenBy(w => w.Pattern, StringComparer.Ordinal)];
    }

    /// <summary>A concrete path for a pattern: a fresh GUID for guid parameters, a number for int ones, a word otherwise.</summary>
    private static string Fill(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content?.StartsWith("guid", StringComparison.Ordinal) == true) => Guid.NewGuid().ToString(),
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
            RoutePatternParameterPart p when p.Name == "documentName" => "v1",
            RoutePatternParameterPart => "x" + Guid.NewGuid().ToString("N")[..8],
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    [GeneratedRegex("^(?:perm|api):([A-Za-z]+)$")]
    private static partial Regex PolicyPattern();
}
