using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Signals.SignalClient;

namespace Mamori.Tests.Hardening;

/// <summary>The partitioning script of docs/operations.md, applied to a PostgreSQL database with signals in it: every
/// row is kept, new batches land in the month's partition, and Mamori reads them as before.</summary>
public sealed class SignalPartitioningOnPostgres(PostgresHost host) : IClassFixture<PostgresHost>
{
    [Fact]
    public async Task Signals_partitioned_by_month_keep_their_rows_and_take_new_batches()
    {
        var site = await SiteAsync(host);
        var before = NewDeviceId();
        await IngestAsync(site, PageView(host, before), PageView(host, before));

        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "scripts", "postgres", "partition-signals.sql"), TestContext.Current.CancellationToken);
        await host.ExecuteSqlAsync(script);

        var after = NewDeviceId();
        var answer = await IngestAsync(site, PageView(host, after), PageView(host, after), PageView(host, after));
        Assert.Equal(3, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(2, (await StoredAsync(host, before)).Count);
        Assert.Equal(3, (await StoredAsync(host, after)).Count);
        Assert.Equal(1, await RawSql.CountAsync(host.Database, "SELECT COUNT(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid WHERE c.relname = 'signals'"));
        Assert.Equal(5, await RawSql.CountAsync(host.Database, "SELECT COUNT(*) FROM signals WHERE \"DeviceId\" IN (@p0, @p1)", before, after));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mamori.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
