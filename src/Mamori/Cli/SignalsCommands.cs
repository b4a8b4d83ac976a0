using System.CommandLine;
using Mamori.Audit;
using Mamori.Consent;
using Mamori.Host.Web;
using Mamori.Signals;

namespace Mamori.Host.Cli;

/// <summary><c>mamori signals import FILE</c>: loads a web server access log through the consent gate and the writer.</summary>
public static class SignalsCommands
{
    /// <summary>Enough rejected lines to see what is wrong with a file without flooding the terminal.</summary>
    private const int MaxRejectedShown = 1_000;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "An access log in the combined (or common) log format." };
        var site = new Option<string>("--site")
        {
            Description = "The site the log is from; importing the same file for the same site again stores nothing twice.",
            DefaultValueFactory = _ => "access-log",
        };
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var import = new Command("import",
            "Load a web server access log (combined log format) as server-log signals; reports lines read, accepted and rejected (FILE:LINE: why).")
        {
            file, site, dataDir, database,
        };
        import.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"error: there is no file {path}.");
                return 2;
            }
            var policy = PolicyFile.Load(new ServeOptions().ResolvePolicyFile());
            if (!policy.Ok)
            {
                await Console.Error.WriteLineAsync("error: the policy does not load; run 'mamori policy check'.");
                return 2;
            }
            await using var services = await AdminServices.OpenAsync(result.GetValue(dataDir)!, result.GetValue(database), ct, s => s
                .AddSingleton(policy.Policy!)
                .AddSingleton(ConsentCatalog.For(policy.Policy!.Document))
                // Lines of a linked device are sealed under the person's key, as the API does.
                .AddMamoriVault(result.GetValue(dataDir)!, Environment.GetEnvironmentVariable(KeysCommands.MasterKeyVariable), policy.Policy!)
                .AddMamoriSignals(SignalSettings.FromEnvironment()));

            var shown = 0;
            ImportSummary summary;
            using (var progress = new TerminalProgress())
            {
                summary = await services.GetRequiredService<SignalImport>().ImportAsync(path.FullName, result.GetValue(site)!,
                    AuditActors.CommandLine(Environment.UserName),
                    rejected =>
                    {
                        if (shown++ < MaxRejectedShown)
                            progress.Line($"{path}:{rejected.Line}: {rejected.Reason}");
                    },
                    progress, ct);
            }
            if (summary.Rejected > MaxRejectedShown)
                await Console.Error.WriteLineAsync($"… and {summary.Rejected - MaxRejectedShown} more rejected lines.");
            var already = summary.AlreadyImported > 0 ? $", {summary.AlreadyImported} already imported before" : "";
            Console.WriteLine($"{path}: {summary.LinesRead} lines read, {summary.Accepted} accepted, {summary.Rejected} rejected{already}.");
            return summary.Rejected == 0 ? 0 : 1;
        });
        return new Command("signals", "Device signals (informative data, §3(1)).") { import };
    }

    /// <summary>A progress line on a terminal (stderr), rewritten in place; nothing when stderr is redirected (scripts, tests).</summary>
    private sealed class TerminalProgress : IProgress<ImportProgress>, IDisposable
    {
        private readonly bool _live = !Console.IsErrorRedirected;
        private bool _shown;

        public void Report(ImportProgress value)
        {
            if (!_live)
                return;
            var percent = value.TotalBytes == 0 ? 100 : value.BytesRead * 100 / value.TotalBytes;
            Console.Error.Write($"\rread {value.Lines} lines ({percent}%)…");
            _shown = true;
        }

        /// <summary>A message of its own, on a fresh line below any progress.</summary>
        public void Line(string message)
        {
            if (_shown)
                Console.Error.WriteLine();
            _shown = false;
            Console.Error.WriteLine(message);
        }

        public void Dispose()
        {
            if (_shown)
                Console.Error.WriteLine();
        }
    }
}
