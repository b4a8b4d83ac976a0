using System.Net;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Consent.ConsentClient;

namespace Mamori.Tests.Consent;

public abstract class ConsentRateLimitTests<THost>(THost host) where THost : RateLimitedHost
{
    [Fact]
    public async Task Recording_choices_beyond_the_limit_gets_429_while_the_banner_still_loads()
    {
        var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await PostAsync(client, new { deviceId = NewDeviceId(), choices = new { analytics = i % 2 == 0 }, method = "banner" })).StatusCode);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        var limited = await PostAsync(client, new { deviceId = NewDeviceId(), choices = new { analytics = true }, method = "banner" });
        Assert.Equal("rate_limited", await ProblemCodeAsync(limited));
        // The settings form counts against the same limit, but showing it and the banner's files never do.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Forms.PostAsync(client, "/privacy/cookies", new() { ["Choice[analytics]"] = "off" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/consent.js", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/privacy/cookies", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class ConsentRateLimitOnSqlite(RateLimitedSqliteHost host) : ConsentRateLimitTests<RateLimitedSqliteHost>(host), IClassFixture<RateLimitedSqliteHost>;

public sealed class ConsentRateLimitOnPostgres(RateLimitedPostgresHost host) : ConsentRateLimitTests<RateLimitedPostgresHost>(host), IClassFixture<RateLimitedPostgresHost>;
