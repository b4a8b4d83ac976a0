using Mamori.Host.Web;
using Mamori.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Mamori.Bench.Macro;

/// <summary>
/// Mamori's own service container for a data directory, built by <see cref="MamoriApp.Build"/> exactly as
/// <c>mamori serve</c> builds it, but never started: the use cases run in this process, without HTTP.
/// </summary>
public sealed class MamoriServices : IAsyncDisposable
{
    public const string AdminPassword = "bench-admin-password-0";

    private readonly WebApplication _app;
    private readonly ServeOptions _options;

    private MamoriServices(WebApplication app, ServeOptions options, CurrentPolicy policy)
    {
        _app = app;
        _options = options;
        Policy = policy;
    }

    public IServiceProvider Services => _app.Services;
    public CurrentPolicy Policy { get; }

    public static MamoriServices Open(string dataDirectory)
    {
        var options = new ServeOptions { DataDirectory = dataDirectory, PolicyFile = PolicyPath, AdminPassword = AdminPassword };
        var loaded = PolicyFile.Load(options.ResolvePolicyFile());
        if (!loaded.Ok)
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
        Directory.CreateDirectory(dataDirectory);
        var app = MamoriApp.Build(options, loaded.Policy!, builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        return new MamoriServices(app, options, loaded.Policy!);
    }

    /// <summary>What <c>mamori serve</c> does before serving: migrations, shredding re-applied, the policy version, the first admin.</summary>
    public Task InitialiseAsync(CancellationToken ct = default) => Startup.InitialiseAsync(_app.Services, _options, ct);

    public static string PolicyPath => DecisionBenchmarks.FindPolicy();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
