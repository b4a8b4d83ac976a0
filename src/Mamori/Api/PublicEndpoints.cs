using Mamori.Policy;

namespace Mamori.Host.Api;

/// <summary>Small public documents that need only the policy.</summary>
public static class PublicEndpoints
{
    public sealed record GpcSupport(bool Gpc, string LastUpdate);

    public static void MapPublicEndpoints(this IEndpointRouteBuilder routes)
    {
        // Global Privacy Control: this site honours Sec-GPC as an opt-out of targeting (APPI.md §11).
        routes.MapGet("/.well-known/gpc.json", (CurrentPolicy policy) =>
                TypedResults.Json(new GpcSupport(true, policy.Document.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))
            .AllowAnonymous()
            .WithName("GpcSupport")
            .ExcludeFromDescription();

        // The notice's stylesheet ships inside Mamori.Core with the renderer that uses its classes.
        routes.MapGet("/css/notice.css", () => TypedResults.Text(Policy.Notice.NoticeStyles.Css, "text/css; charset=utf-8"))
            .AllowAnonymous()
            .WithName("NoticeStylesheet")
            .ExcludeFromDescription();
    }
}
