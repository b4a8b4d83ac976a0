using Mamori.Data;
using Mamori.Signals;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Cli;

/// <summary><c>mamori signals import</c> through the real executable, on a small generated access log with a few bad lines.</summary>
public abstract class SignalsImportCommandTests<THost>(THost host) where THost : MamoriHost
{
    private string[] Target => host.Database.ConnectionString is { } pg
        ? ["--database", pg]
        : ["--data-dir", host.Database.DataDirectory];

    /// <summary>Five good lines, three bad ones (3: not a log line, 5: a broken time, 8: a time in the future) and a blank one.</summary>
    private static string[] Log(string path) =>
    [
        $"203.0.113.77 - frank [10/Oct/2025:13:55:36 +0900] \"GET {path}/index.html HTTP/1.1\" 200 2326 \"https://search.example/\" \"Mozilla/5.0 (Windows NT 10.0)\"",
        $"2001:db8:1234:5678::1 - - [10/Oct/2025:13:55:37 +0900] \"GET {path}/car/ HTTP/2.0\" 200 512 \"-\" \"Mozilla/5.0 (iPhone)\"",
        "this is not an access log line",
        $"198.51.100.4 - - [10/Oct/2025:13:56:00 +0900] \"POST {path}/quote HTTP/1.1\" 302 0 \"{path}/car/\" \"Mozilla/5.0 (Macintosh)\"",
        $"198.51.100.4 - - [31/Foo/2025:99:00:00 +0900] \"GET {path}/ HTTP/1.1\" 200 10 \"-\" \"-\"",
        "",
        $"192.0.2.1 - - [11/Oct/2025:08:00:00 +0900] \"GET {path}/faq HTTP/1.1\" 404 150",
        $"192.0.2.1 - - [01/Jan/2099:00:00:00 +0900] \"GET {path}/future HTTP/1.1\" 200 1 \"-\" \"-\"",
        $"192.0.2.2 - - [11/Oct/2025:08:00:01 +0900] \"GET {path}/faq?q=\\\"quoted\\\" HTTP/1.1\" 200 99 \"-\" \"curl/8.5\"",
    ];

    [Fact]
    public async Task Import_loads_the_good_lines_reports_the_bad_ones_with_file_and_line_and_never_stores_twice()
    {
        var path = "/cli-" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(host.Database.DataDirectory, "access.log");
        await File.WriteAllLinesAsync(file, Log(path), TestContext.Current.CancellationToken);

        var result = await MamoriProcess.RunAsync(["signals", "import", file, "--site", "www.kakacom-insurance.example", .. Target]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("8 lines read, 5 accepted, 3 rejected.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}:3: not a line in the combined or common log format", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}:5: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}:8: at: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);

        var stored = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<Signal>().AsNoTracking()
            .Where(s => s.Url!.StartsWith(path)).OrderBy(s => s.Id).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, stored.Count);
        Assert.All(stored, s => Assert.Equal((SignalTypes.ServerLog, (string?)null), (s.Type, s.DeviceId)));
        Assert.Equal(["203.0.113.0", "2001:db8:1234::", "198.51.100.0", "192.0.2.0", "192.0.2.0"], stored.Select(s => s.Ip));
        Assert.Equal(new DateTimeOffset(2025, 10, 10, 4, 55, 36, TimeSpan.Zero), stored[0].At);
        Assert.Equal(("https://search.example/", "Mozilla/5.0 (Windows NT 10.0)"), (stored[0].Referrer, stored[0].UserAgent));
        Assert.Equal($"\"GET {path}/index.html HTTP/1.1\" 200 2326", stored[0].LogLine);
        Assert.Equal($"\"GET {path}/faq?q=\"quoted\" HTTP/1.1\" 200 99", stored[4].LogLine);
        Assert.False(await host.RawDatabaseContainsAsync("frank"));

        var again = await MamoriProcess.RunAsync(["signals", "import", file, "--site", "www.kakacom-insurance.example", .. Target]);
        Assert.Contains("8 lines read, 0 accepted, 3 rejected, 5 already imported before.", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_missing_file_says_so()
    {
        var result = await MamoriProcess.RunAsync(["signals", "import", Path.Combine(host.Database.DataDirectory, "nope.log"), .. Target]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("there is no file", result.Stderr, StringComparison.Ordinal);
    }
}

public sealed class SignalsImportCommandOnSqlite(SqliteHost host) : SignalsImportCommandTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class SignalsImportCommandOnPostgres(PostgresHost host) : SignalsImportCommandTests<PostgresHost>(host), IClassFixture<PostgresHost>;
