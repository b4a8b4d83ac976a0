using System.Threading.RateLimiting;
using Mamori.Audit;
using Mamori.Host.Api;
using Mamori.Host.Auth;
using Mamori.Host.Logging;
using Mamori.Policy;
using Mamori.Staff;
using Mamori.Storage;
using Microsoft.AspNetCore.Identity;

namespace Mamori.Host.Web;

/// <summary>Builds the web application: the one place where services, middleware and endpoints are wired.</summary>
public static class MamoriApp
{
    public static WebApplication Build(ServeOptions options, CurrentPolicy policy, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // The host assembly, not the entry assembly: tests host Mamori too, and pages are found by this name.
            ApplicationName = typeof(MamoriApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1 * 1024 * 1024);
        // Logs carry ids and codes, never personal data: classified values are redacted, framework request data held back.
        builder.AddMamoriLogging();

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(policy);
        services.AddSingleton(TimeProvider.System);
        services.AddMamoriStorage(DatabaseSettings.For(options.DataDirectory, options.Database));
        services.AddMamoriDataProtection();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditWriter>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditSearch>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<ApiKeys>();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<PolicyVersions>();
        services.AddSingleton<PolicyArchive>();
        services.AddMamoriVault(options.DataDirectory, options.MasterKey, policy);
        services.AddMamoriConsent(options, policy);
        services.AddMamoriIncidents();
        services.AddMamoriProvision();
        services.AddMamoriParties();
        services.AddMamoriRequests();
        services.AddMamoriSignals(options.Signals);
        services.AddMamoriInquiries(options);
        services.AddMamoriProgramme(options);

        services.AddMamoriAuth();
        // Japanese stays Japanese in the HTML source (Razor would otherwise write every kana as &#x…;).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Console", Permissions.PolicyName(Permission.ViewConsole));
            o.Conventions.AllowAnonymousToPage("/Console/Login");
            o.Conventions.AllowAnonymousToPage("/Console/TwoFactor");
            o.Conventions.AllowAnonymousToFolder("/Privacy");
            // Every public form is limited per address, also those added later; a page may name a limit of its own.
            o.Conventions.AddFolderApplicationModelConvention("/Privacy", page =>
            {
                if (!page.HandlerTypeAttributes.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
                    page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(RateLimits.PublicForm));
            });
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mamori.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddCode);
        services.AddOpenApi("v1");
        services.AddMamoriForwardedHeaders(options.TrustedProxies);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the sign-in form is free, posting a password or code is limited.
            o.AddPolicy(RateLimits.SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(RateLimits.Signals, http => PerAddress(http, options.SignalBatchesPerMinute));
            o.AddPolicy(RateLimits.PublicForm, http => HttpMethods.IsPost(http.Request.Method)
                ? PerAddress(http, options.PublicFormPostsPerMinute)
                : RateLimitPartition.GetNoLimiter("read"));
        });

        configure?.Invoke(builder);
        var app = builder.Build();

        if (options.TrustedProxies.Count > 0)
            app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().WithName("Health").ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapPublicEndpoints();
        app.MapPolicyApi();
        app.MapWhoAmIApi();
        app.MapPersonsApi();
        app.MapDecisionsApi();
        app.MapConsentsApi();
        app.MapIncidentsApi();
        app.MapProvisionsApi();
        app.MapPartiesApi();
        app.MapSignalsApi();
        app.MapLinksApi();
        app.MapAudiencesApi();
        app.MapRequestForms();
        app.MapInquiriesApi();
        app.MapRequestsApi();
        app.MapProgrammeApi();
        app.MapConsentScript();
        app.MapRazorPages();
        return app;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

public static class RateLimits
{
    public const string Signals = "signals";
    public const string PublicForm = "public-form";

    public const string SignIn = "sign-in";
    public const string Consent = "consent";
    public const string Inquiry = "inquiry";
}
