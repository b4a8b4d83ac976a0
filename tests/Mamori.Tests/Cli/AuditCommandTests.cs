using Mamori.Audit;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Cli;

/// <summary>
/// <c>mamori audit verify</c> through the real executable, after tampering with the table as someone with direct
/// database access would. Each test restores the table afterwards, so the chain is whole for the next.
/// </summary>
public abstract class AuditCommandTests<THost>(THost host) where THost : MamoriHost
{
    private string[] Target => host.Database.ConnectionString is { } pg
        ? ["--database", pg]
        : ["--data-dir", host.Database.DataDirectory];

    private Task<MamoriProcess.Result> VerifyAsync() => MamoriProcess.RunAsync(["audit", "verify", .. Target]);

    /// <summary>Makes sure there are at least eight entries, tampers, runs the verifier, and puts the table back.</summary>
    private async Task<MamoriProcess.Result> VerifyTamperedAsync(string sql)
    {
        for (var i = (await host.VerifyAuditAsync()).Count; i < 8; i++)
            await host.AppendAuditAsync(new(AuditActors.System, "test.filler", AuditOutcomes.Success));
        await host.ExecuteSqlAsync("CREATE TABLE audit_backup AS SELECT * FROM audit_entries");
        try
        {
            await host.ExecuteSqlAsync(sql);
            return await VerifyAsync();
        }
        finally
        {
            await host.ExecuteSqlAsync("DELETE FROM audit_entries; INSERT INTO audit_entries SELECT * FROM audit_backup; DROP TABLE audit_backup");
        }
    }

    [Fact]
    public async Task An_intact_chain_exits_0_with_the_entry_count()
    {
        var count = (await host.VerifyAuditAsync()).Count;
        var result = await VerifyAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Audit trail intact: {count} entries.", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("Head hash: [0-9a-f]{64}", result.Stdout);
    }

    [Fact]
    public async Task A_changed_field_is_caught_at_its_entry()
    {
        var result = await VerifyTamperedAsync("""UPDATE audit_entries SET "Outcome" = 'tampered' WHERE "Sequence" = 5""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BROKEN at entry 5:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[{AuditProblems.EntryChanged}]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 entries before it verified.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_is_caught_at_its_sequence_number()
    {
        var result = await VerifyTamperedAsync("""DELETE FROM audit_entries WHERE "Sequence" = 3""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BROKEN at entry 3:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[{AuditProblems.EntryMissing}]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_swapped_entries_are_caught_at_the_first()
    {
        var result = await VerifyTamperedAsync("""
            UPDATE audit_entries SET "Sequence" = -1 WHERE "Sequence" = 4;
            UPDATE audit_entries SET "Sequence" = 4 WHERE "Sequence" = 6;
            UPDATE audit_entries SET "Sequence" = 6 WHERE "Sequence" = -1;
            """);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BROKEN at entry 4:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"[{AuditProblems.EntryOutOfOrder}]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewritten_hash_is_caught_too()
    {
        var result = await VerifyTamperedAsync("""UPDATE audit_entries SET "Hash" = "PreviousHash" WHERE "Sequence" = 2""");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("BROKEN at entry 2:", result.Stdout, StringComparison.Ordinal);
    }
}

public sealed class AuditCommandOnSqlite(SqliteHost host) : AuditCommandTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class AuditCommandOnPostgres(PostgresHost host) : AuditCommandTests<PostgresHost>(host), IClassFixture<PostgresHost>;

/// <summary>Needs no host: a data directory with no database in it.</summary>
public sealed class AuditCommandWithoutDatabaseTests
{
    [Fact]
    public async Task A_missing_database_is_not_reported_as_intact_nor_created()
    {
        var empty = Directory.CreateTempSubdirectory("mamori-empty-").FullName;
        var result = await MamoriProcess.RunAsync("audit", "verify", "--data-dir", empty);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("there is no Mamori database", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(empty, "mamori.db")));
        Directory.Delete(empty);
    }
}
