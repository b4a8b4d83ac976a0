using System.Net;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Cli;

public abstract class KeysCommandTests<THost>(THost host) where THost : MamoriHost
{
    private string[] Target => host.Database.ConnectionString is { } pg
        ? ["--database", pg]
        : ["--data-dir", host.Database.DataDirectory];

    [Fact]
    public async Task Keys_create_prints_a_working_key_once()
    {
        var result = await MamoriProcess.RunAsync(["keys", "create", "--name", "website", "--role", "system", .. Target]);

        Assert.Equal(0, result.ExitCode);
        var key = result.Stdout.Trim();
        Assert.Matches("^mk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key);
        Assert.Contains("shown only this once", result.Stderr, StringComparison.Ordinal);
        var who = await host.CreateApiClient(key).GetAsync("/api/v1/whoami", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, who.StatusCode);
    }

    [Fact]
    public async Task Keys_create_into_a_data_directory_that_does_not_exist_yet_makes_it()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mamori-new-" + Guid.NewGuid().ToString("N"), "data");
        try
        {
            var result = await MamoriProcess.RunAsync(["keys", "create", "--name", "first", "--role", "system", "--data-dir", directory]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.StartsWith("mk_", result.Stdout.Trim(), StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(directory, "mamori.db")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [Fact]
    public async Task Keys_create_refuses_an_unknown_role_with_its_code()
    {
        var result = await MamoriProcess.RunAsync(["keys", "create", "--name", "x", "--role", "superuser", .. Target]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[api_key.role_unknown]", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }
}

public sealed class KeysCommandOnSqlite(SqliteHost host) : KeysCommandTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class KeysCommandOnPostgres(PostgresHost host) : KeysCommandTests<PostgresHost>(host), IClassFixture<PostgresHost>;
