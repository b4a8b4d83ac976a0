using System.Net;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Staff;

/// <summary>Verified keys are kept in memory for <see cref="ApiKeyCache.Lifetime"/> (ADR-014).</summary>
public abstract class ApiKeyCacheTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_revoked_on_another_node_stops_working_here_within_the_cache_lifetime()
    {
        var key = await host.CreateApiKeyAsync(Roles.System);
        var api = host.CreateApiClient(key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/whoami", Ct)).StatusCode);

        // Another node has a cache of its own: revoking there does not evict this node's entry.
        await host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<MamoriDb>();
            var elsewhere = new ApiKeys(db, sp.GetRequiredService<AuditTrail>(), new ApiKeyCache(host.Clock), host.Clock);
            var id = db.ApiKeys.Single(k => k.Prefix == key.Split('_')[1]).Id;
            await elsewhere.RevokeAsync(id, AuditActors.CommandLine("test"), Ct);
            return id;
        });
        host.Clock.Advance(ApiKeyCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/whoami", Ct)).StatusCode);

        host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/whoami", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_secret_for_a_cached_key_is_refused()
    {
        var key = await host.CreateApiKeyAsync(Roles.System);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateApiClient(key).GetAsync("/api/v1/whoami", Ct)).StatusCode);

        // Same prefix, another secret of the same length: the cache is keyed by the secret's hash too.
        var secret = key.Split('_', 3)[2];
        var forged = key[..^secret.Length] + new string(secret.Select(c => c == 'A' ? 'B' : 'A').ToArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateApiClient(forged).GetAsync("/api/v1/whoami", Ct)).StatusCode);
    }
}

public sealed class ApiKeyCacheOnSqlite(SqliteHost host) : ApiKeyCacheTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ApiKeyCacheOnPostgres(PostgresHost host) : ApiKeyCacheTests<PostgresHost>(host), IClassFixture<PostgresHost>;
