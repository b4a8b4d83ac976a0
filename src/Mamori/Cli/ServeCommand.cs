using System.CommandLine;
using Mamori.Host.Web;

namespace Mamori.Host.Cli;

/// <summary><c>mamori serve</c>: validates the policy, migrates the database, then serves.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://localhost:5080" };
        var dataDir = MamoriCli.DataDirOption();
        var database = MamoriCli.DatabaseOption();
        var policy = new Option<string?>("--policy") { Description = "Policy file (default: policy/policy.yaml)." };
        var demo = new Option<bool>("--demo") { Description = "Fill an empty database with Japanese demo data." };
        var command = new Command("serve", "Run the service.") { urls, dataDir, database, policy, demo };
        command.SetAction(async (result, ct) =>
        {
            var defaults = new ServeOptions();
            var options = new ServeOptions
            {
                Urls = result.GetValue(urls)!,
                DataDirectory = result.GetValue(dataDir)!,
                Database = result.GetValue(database),
                PolicyFile = result.GetValue(policy),
                Demo = result.GetValue(demo),
                AdminPassword = Environment.GetEnvironmentVariable("MAMORI_ADMIN_PASSWORD"),
                MasterKey = Environment.GetEnvironmentVariable("MAMORI_MASTER_KEY"),
                Signals = Mamori.Signals.SignalSettings.FromEnvironment(),
                TrustedProxies = List("MAMORI_TRUSTED_PROXIES"),
                SignInAttemptsPerMinute = Limit("MAMORI_SIGN_IN_ATTEMPTS_PER_MINUTE", defaults.SignInAttemptsPerMinute),
                ConsentPostsPerMinute = Limit("MAMORI_CONSENT_POSTS_PER_MINUTE", defaults.ConsentPostsPerMinute),
                SignalBatchesPerMinute = Limit("MAMORI_SIGNAL_BATCHES_PER_MINUTE", defaults.SignalBatchesPerMinute),
                PublicFormPostsPerMinute = Limit("MAMORI_FORM_POSTS_PER_MINUTE", defaults.PublicFormPostsPerMinute),
                SiteOrigins = List("MAMORI_SITE_ORIGINS"),
            };
            return await RunAsync(options, Console.Out, Console.Error, ct);
        });
        return command;
    }

    /// <summary>A comma-separated list from the environment; empty when unset.</summary>
    private static string[] List(string variable) =>
        (Environment.GetEnvironmentVariable(variable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A per-minute rate limit from the environment (load tests raise them); the default when unset.</summary>
    private static int Limit(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : fallback;

    public static async Task<int> RunAsync(ServeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var loaded = PolicyFile.Load(options.ResolvePolicyFile());
        if (!loaded.Ok)
        {
            foreach (var problem in loaded.Problems)
                await stderr.WriteLineAsync(problem);
            await stderr.WriteLineAsync("mamori: the policy is invalid; not starting.");
            return 1;
        }
        var app = MamoriApp.Build(options, loaded.Policy!);
        var startup = await Startup.InitialiseAsync(app.Services, options, ct);
        await app.StartAsync(ct);
        await stdout.WriteLineAsync($"Mamori is running: open {options.Urls.Split(';')[0].TrimEnd('/')}/privacy (notice) and /console (staff).");
        await stdout.WriteLineAsync($"Policy {loaded.Policy!.Version} · database {startup.Database}");
        if (startup.GeneratedAdminPassword is not null)
            await stdout.WriteLineAsync($"Created staff account 'admin' with password: {startup.GeneratedAdminPassword}  (shown once; set MAMORI_ADMIN_PASSWORD to choose it)");
        else if (startup.CreatedAdmin)
            await stdout.WriteLineAsync("Created staff account 'admin' with the password from MAMORI_ADMIN_PASSWORD.");
        if (startup.DemoStaff.Count > 0)
            await stdout.WriteLineAsync($"Demo staff (same password): {string.Join(", ", startup.DemoStaff)}");
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
