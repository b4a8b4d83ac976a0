using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Retention.RetentionTestKit;

namespace Mamori.Tests.Cli;

/// <summary><c>mamori retention run [--dry-run]</c> through the real executable against the host's database.</summary>
public abstract class RetentionCommandTests<THost>(THost host) where THost : MamoriHost
{
    private string[] Target => host.Database.ConnectionString is { } pg
        ? ["--database", pg]
        : ["--data-dir", host.Database.DataDirectory];

    [Fact]
    public async Task A_dry_run_prints_every_rule_and_writes_nothing_and_a_run_writes_its_record()
    {
        var before = await DisposalCountAsync(host);
        var auditBefore = (await host.AuditEntriesAsync()).Count;
        var dry = await MamoriProcess.RunAsync(["retention", "run", "--dry-run", .. Target]);
        Assert.True(dry.ExitCode == 0, dry.Stderr);
        Assert.Contains("nothing was changed", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("customer.contract", dry.Stdout, StringComparison.Ordinal);
        Assert.Contains("provision.records", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, await DisposalCountAsync(host));
        Assert.Equal(auditBefore, (await host.AuditEntriesAsync()).Count);

        var run = await MamoriProcess.RunAsync(["retention", "run", .. Target]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("approved by cli", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(before + 1, await DisposalCountAsync(host));
        Assert.True((await host.VerifyAuditAsync()).Intact);
    }
}

public sealed class RetentionCommandOnSqlite(SqliteHost host) : RetentionCommandTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class RetentionCommandOnPostgres(PostgresHost host) : RetentionCommandTests<PostgresHost>(host), IClassFixture<PostgresHost>;
