using System.Net;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Hardening;

/// <summary>The keys that sign console sessions and antiforgery tokens are stored encrypted under the master key ring:
/// reading the database alone does not give what is needed to forge a session.</summary>
public abstract class DataProtectionKeyTests<THost>(THost host) where THost : MamoriHost
{
    [Fact]
    public async Task Data_protection_keys_are_encrypted_at_rest_and_still_sign_sessions()
    {
        var client = host.CreateClient();
        await host.SignInAsync(client, "admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console", TestContext.Current.CancellationToken)).StatusCode);

        Assert.True(await RawSql.CountAsync(host.Database, "SELECT COUNT(*) FROM data_protection_keys") > 0);
        Assert.Equal(0, await RawSql.CountAsync(host.Database, "SELECT COUNT(*) FROM data_protection_keys WHERE \"Xml\" LIKE '%<masterKey%'"));
        Assert.Equal(0, await RawSql.CountAsync(host.Database, "SELECT COUNT(*) FROM data_protection_keys WHERE \"Xml\" NOT LIKE '%<encryptedKey%'"));
    }
}

public sealed class DataProtectionKeyOnSqlite(SqliteHost host) : DataProtectionKeyTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class DataProtectionKeyOnPostgres(PostgresHost host) : DataProtectionKeyTests<PostgresHost>(host), IClassFixture<PostgresHost>;
