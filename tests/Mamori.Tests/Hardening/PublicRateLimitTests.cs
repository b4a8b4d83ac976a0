using System.Net;
using Mamori.Host.Web;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Signals.SignalClient;

namespace Mamori.Tests.Hardening;

/// <summary>The public surface is limited per client address: signal batches (a site key may sit in any page) and
/// every public form, including forms added later.</summary>
public abstract class PublicRateLimitTests<THost>(THost host) where THost : RateLimitedHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signal_batches_beyond_the_limit_are_refused_with_429_and_a_code()
    {
        var site = await SiteAsync(host);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(site, NewBatchId(), PageView(host, NewDeviceId()))).StatusCode);

        var refused = await PostAsync(site, NewBatchId(), PageView(host, NewDeviceId()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal((429, "rate_limited"), await CodeAsync(refused));
    }

    [Fact]
    public void Every_public_page_and_anonymous_post_endpoint_names_a_rate_limit()
    {
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var publicPages = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath.StartsWith("/Privacy/", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(publicPages);
        Assert.All(publicPages, e => Assert.NotNull(e.Metadata.GetMetadata<EnableRateLimitingAttribute>()));

        // Anonymous API writes: each is limited (the signals endpoint is by site key, which is public too).
        var anonymousWrites = endpoints.Where(e =>
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null &&
                e.Metadata.GetMetadata<PageActionDescriptor>() is null &&
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Any(m => m != "GET" && m != "HEAD") == true)
            .Select(e => e.RoutePattern.RawText).ToList();
        var unlimited = endpoints.Where(e => anonymousWrites.Contains(e.RoutePattern.RawText) && e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        Assert.Empty(unlimited);
        Assert.Equal(RateLimits.Signals, endpoints.Single(e => e.RoutePattern.RawText == "/api/v1/signals").Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
    }
}

public sealed class PublicRateLimitOnSqlite(RateLimitedSqliteHost host) : PublicRateLimitTests<RateLimitedSqliteHost>(host), IClassFixture<RateLimitedSqliteHost>;

public sealed class PublicRateLimitOnPostgres(RateLimitedPostgresHost host) : PublicRateLimitTests<RateLimitedPostgresHost>(host), IClassFixture<RateLimitedPostgresHost>;
