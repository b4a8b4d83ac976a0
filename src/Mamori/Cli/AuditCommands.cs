using System.CommandLine;
using Mamori.Audit;
using Mamori.Storage;
using Microsoft.Data.Sqlite;

namespace Mamori.Host.Cli;

/// <summary><c>mamori audit verify</c>: checks the whole hash chain; exit 0 if intact, 1 naming the first break.</summary>
public static class AuditCommands
{
    /// <summary>The chain could not be checked at all (e.g. there is no database), as opposed to found broken.</summary>
    public const int CannotVerify = 2;

    public static Command Create()
    {
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var verify = new Command("verify",
            "Check the whole audit chain: exit 0 and the entry count if intact, exit 1 and the first broken entry if not.")
        {
            dataDir, database,
        };
        verify.SetAction(async (result, ct) =>
        {
            var settings = DatabaseSettings.For(result.GetValue(dataDir)!, result.GetValue(database));
            if (settings.Provider == DatabaseProvider.Sqlite && !File.Exists(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource))
            {
                await Console.Error.WriteLineAsync($"error: there is no Mamori database at {settings.Describe()}.");
                return CannotVerify;
            }
            await using var services = await AdminServices.OpenAsync(result.GetValue(dataDir)!, result.GetValue(database), ct);
            await using var scope = services.CreateAsyncScope();
            AuditVerification verification;
            using (var progress = new TerminalProgress())
                verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(progress, ct);
            return Report(verification);
        });
        return new Command("audit", "The audit trail.") { verify };
    }

    private static int Report(AuditVerification v)
    {
        if (v.Break is { } broken)
        {
            Console.WriteLine($"Audit trail BROKEN at entry {broken.Sequence}: {broken.Message} [{broken.Code}]");
            Console.WriteLine($"{v.Count} entries before it verified.");
            return 1;
        }
        Console.WriteLine($"Audit trail intact: {v.Count} entries.");
        // Keep this with the count: removing the newest entries can only be noticed against an earlier head.
        Console.WriteLine($"Head hash: {v.HeadHash}");
        return 0;
    }

    /// <summary>A running count on a terminal; nothing when stderr is redirected (scripts, tests).</summary>
    private sealed class TerminalProgress : IProgress<long>, IDisposable
    {
        private bool _shown;

        public void Report(long value)
        {
            if (Console.IsErrorRedirected)
                return;
            Console.Error.Write($"\rverified {value} entries…");
            _shown = true;
        }

        public void Dispose()
        {
            if (_shown)
                Console.Error.WriteLine();
        }
    }
}
