using System.Threading.RateLimiting;
using Mamori.Consent;
using Mamori.Policy;

namespace Mamori.Host.Web;

public static class ConsentServices
{
    /// <summary>The agency's own sites (ServeOptions.SiteOrigins) may call the consent endpoints from their pages; no one else.</summary>
    public const string SitesCorsPolicy = "agency-sites";
    public const string SitesSignalsCorsPolicy = "agency-sites-signals";

    /// <summary>The consent ledger and receipts, the banner script, the per-address limit on recording choices, and CORS for the sites.</summary>
    public static IServiceCollection AddMamoriConsent(this IServiceCollection services, ServeOptions options, CurrentPolicy policy)
    {
        services.AddSingleton(ConsentCatalog.For(policy.Document));
        services.AddSingleton<ReconsentCheck>();
        services.AddSingleton<ConsentReceipts>();
        services.AddSingleton<ConsentScript>();
        services.AddScoped<ConsentLedger>();
        services.AddScoped<Dashboard.IDashboardTile, Dashboard.ConsentTile>();

        // Recording a choice is public: each client address may do it a few times a minute; reading pages is free.
        services.AddRateLimiter(o => o.AddPolicy(RateLimits.Consent, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ConsentPostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read")));

        services.AddCors(o =>
        {
            o.AddPolicy(SitesCorsPolicy, cors => cors
                .WithOrigins([.. options.SiteOrigins])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Content-Type"));
            // A site's pages may post their signals straight from the browser with the site key (role site: nothing else).
            o.AddPolicy(SitesSignalsCorsPolicy, cors => cors
                .WithOrigins([.. options.SiteOrigins])
                .WithMethods(HttpMethods.Post)
                .WithHeaders("Content-Type", "Authorization"));
        });
        return services;
    }

    /// <summary><c>/consent.js</c> and the texts it loads when it has something to show.</summary>
    public static void MapConsentScript(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/consent.js", async (HttpContext http, ConsentScript script, CancellationToken ct) => ConsentScript.Serve(http, await script.ScriptAsync(ct)))
            .AllowAnonymous()
            .WithName("ConsentScript")
            .ExcludeFromDescription();

        routes.MapGet("/consent/{lang:regex(^(ja|en)$)}.json", (string lang, HttpContext http, ConsentScript script) => ConsentScript.Serve(http, script.Texts(lang)))
            .AllowAnonymous()
            .RequireCors(SitesCorsPolicy)
            .WithName("ConsentTexts")
            .ExcludeFromDescription();
    }
}
