using System.Net;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Staff;

public abstract class SignInRateLimitTests<THost>(THost host) where THost : RateLimitedHost
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_while_the_form_still_shows()
    {
        var client = host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "admin", ["Password"] = "wrong password " + i })).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/login", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class SignInRateLimitOnSqlite(RateLimitedSqliteHost host) : SignInRateLimitTests<RateLimitedSqliteHost>(host), IClassFixture<RateLimitedSqliteHost>;

public sealed class SignInRateLimitOnPostgres(RateLimitedPostgresHost host) : SignInRateLimitTests<RateLimitedPostgresHost>(host), IClassFixture<RateLimitedPostgresHost>;
