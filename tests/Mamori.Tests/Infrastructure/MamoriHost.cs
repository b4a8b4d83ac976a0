using System.Net;
using System.Text.RegularExpressions;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Host.Web;
using Mamori.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// One Mamori instance in memory (TestServer) over a fresh database, with a fake clock. Tests talk to it only
/// through HttpClient and the intent-named helpers below.
/// </summary>
public abstract partial class MamoriHost : IAsyncLifetime
{
    public const string AdminPassword = "correct-horse-battery-staple";

    private readonly bool _ownsDatabase;
    private WebApplication? _app;

    /// <summary>A host over a fresh database of the provider (sqlite or postgres), dropped with the host.</summary>
    protected MamoriHost(string provider)
    {
        Database = TestDatabase.Create(provider);
        _ownsDatabase = true;
    }

    /// <summary>A host over another host's database and data directory, left in place when this host stops.</summary>
    protected MamoriHost(TestDatabase database)
    {
        Database = database;
        _ownsDatabase = false;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    public WebApplication App => _app ?? throw new InvalidOperationException("The host has not started.");
    public ServeOptions Options { get; private set; } = new();
    /// <summary>Many tests sign in from the same (test) address; the limit itself has its own test host.</summary>
    protected virtual int SignInAttemptsPerMinute => 10_000;
    /// <summary>Likewise for recording consents (banner choices, the settings form).</summary>
    protected virtual int ConsentPostsPerMinute => 10_000;
    /// <summary>Likewise for signal batches and public form posts.</summary>
    protected virtual int OtherPostsPerMinute => 10_000;
    /// <summary>Likewise for the public inquiry form.</summary>
    protected virtual int InquiryPostsPerHour => 10_000;
    /// <summary>The master key ring as MAMORI_MASTER_KEY would give it; null means the key file in the data directory.</summary>
    protected virtual string? MasterKey => null;
    /// <summary>What the host is given as <c>--database</c>: the test database's connection string, unless a kind of
    /// host asks for more of the same database.</summary>
    protected virtual string? DatabaseOption => Database.ConnectionString;
    /// <summary><c>--demo</c>: the demo staff and content are seeded on first start.</summary>
    protected virtual bool Demo => false;

    public static string PolicyPath => Path.Combine(AppContext.BaseDirectory, "policy", "policy.yaml");

    /// <summary>The agency site allowed to call the consent endpoints from its pages (CORS).</summary>
    public const string SiteOrigin = "https://www.kakacom-insurance.example";

    public async ValueTask InitializeAsync()
    {
        Options = new ServeOptions
        {
            DataDirectory = Database.DataDirectory,
            Database = DatabaseOption,
            PolicyFile = PolicyPath,
            AdminPassword = AdminPassword,
            Urls = "http://localhost",
            SignInAttemptsPerMinute = SignInAttemptsPerMinute,
            ConsentPostsPerMinute = ConsentPostsPerMinute,
            SignalBatchesPerMinute = OtherPostsPerMinute,
            PublicFormPostsPerMinute = OtherPostsPerMinute,
            InquiryPostsPerHour = InquiryPostsPerHour,
            SiteOrigins = [SiteOrigin],
            MasterKey = MasterKey,
            Demo = Demo,
            ScheduledJobs = false,
        };
        await StartAsync();
    }

    /// <summary>Stops Mamori and starts it again on the same database with another policy file, as a policy change does.</summary>
    public async Task RestartWithPolicyAsync(string policyFile)
    {
        await App.DisposeAsync();
        _app = null;
        Options = Options with { PolicyFile = policyFile };
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var loaded = PolicyFile.Load(Options.ResolvePolicyFile());
        if (!loaded.Ok)
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
        _app = MamoriApp.Build(Options, loaded.Policy!, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Configure(builder);
        });
        await Startup.InitialiseAsync(_app.Services, Options, CancellationToken.None);
        await _app.StartAsync();
    }

    /// <summary>Lets a kind of host add to the application (e.g. a logging provider) before it is built.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_ownsDatabase)
            await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public HttpClient CreateClient() =>
        new(new CookieContainerHandler { InnerHandler = App.GetTestServer().CreateHandler() }) { BaseAddress = new Uri("http://localhost") };

    public async Task<T> WithServiceAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public Task<StaffUser> CreateStaffAsync(string userName, string role, string password = AdminPassword) =>
        WithServiceAsync(sp => sp.GetRequiredService<StaffAccounts>().CreateAsync(userName, userName, role, password));

    public async Task<string> CreateApiKeyAsync(string role) =>
        (await WithServiceAsync(sp => sp.GetRequiredService<ApiKeys>().CreateAsync("test-" + role, role, AuditActors.System))).Plaintext;

    /// <summary>Appends in a scope of its own, as one request would.</summary>
    public Task<AuditEntry> AppendAuditAsync(AuditEvent e) =>
        WithServiceAsync(sp => sp.GetRequiredService<AuditTrail>().AppendAsync(e));

    public Task<AuditVerification> VerifyAuditAsync() =>
        WithServiceAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());

    /// <summary>The whole trail in sequence order, as stored.</summary>
    public Task<List<AuditEntry>> AuditEntriesAsync() =>
        WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<AuditEntry>().AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());

    /// <summary>Raw SQL straight at the database, bypassing Mamori: how tests play an attacker with database access.</summary>
    public Task<int> ExecuteSqlAsync(string sql) =>
        WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Database.ExecuteSqlRawAsync(sql));

    public Task<Guid> StaffIdAsync(string userName) =>
        WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().StaffUsers.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public HttpClient CreateApiClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A client signed in to the console as a new staff member with the role (password, then TOTP enrolment).</summary>
    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        var user = role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
        await CreateStaffAsync(user, role);
        var client = CreateClient();
        await SignInAsync(client, user);
        return client;
    }

    /// <summary>Signs a staff member in through the real pages: password, then TOTP (enrolling on first use).
    /// Returns the TOTP secret so later sign-ins can produce codes.</summary>
    public async Task<string> SignInAsync(HttpClient client, string userName, string password = AdminPassword, string? totpSecret = null)
    {
        var login = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = userName, ["Password"] = password });
        if (login.StatusCode != HttpStatusCode.Redirect || login.Headers.Location?.OriginalString.StartsWith("/console/2fa", StringComparison.Ordinal) != true)
            throw new InvalidOperationException($"Password step failed for {userName}: {(int)login.StatusCode}");

        if (totpSecret is null)
        {
            var enrolment = await client.GetStringAsync("/console/2fa");
            totpSecret = SecretPattern().Match(enrolment).Groups[1].Value;
            if (totpSecret.Length == 0)
                throw new InvalidOperationException("The enrolment page shows no secret.");
        }
        Clock.Advance(TimeSpan.FromSeconds(30)); // a fresh time step: a code is accepted only once
        var verified = await Forms.PostAsync(client, "/console/2fa", new() { ["Code"] = TotpCode(totpSecret) });
        if (verified.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Second factor failed for {userName}: {(int)verified.StatusCode}");
        return totpSecret;
    }

    public string TotpCode(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Clock.GetUtcNow().UtcDateTime);

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();
}

public sealed class SqliteHost() : MamoriHost("sqlite");

public sealed class PostgresHost() : MamoriHost("postgres");

/// <summary>A host with the production-like sign-in limit of three attempts a minute (and three consent, signal and public form posts a minute, three inquiries an hour).</summary>
public abstract class RateLimitedHost(string provider) : MamoriHost(provider)
{
    protected override int SignInAttemptsPerMinute => 3;
    protected override int ConsentPostsPerMinute => 3;
    protected override int OtherPostsPerMinute => 3;
    protected override int InquiryPostsPerHour => 3;
}

public sealed class RateLimitedSqliteHost() : RateLimitedHost("sqlite");

public sealed class RateLimitedPostgresHost() : RateLimitedHost("postgres");

/// <summary>A host that keeps every log record, at Trace for every category, in <see cref="Logs"/>. On PostgreSQL it
/// asks for error detail, as an operator chasing a problem might: error messages then carry the values involved.</summary>
public abstract class LogCapturingHost(string provider) : MamoriHost(provider)
{
    public LogCapture Logs { get; } = new();

    protected override string? DatabaseOption =>
        Database.ConnectionString is { } pg ? new Npgsql.NpgsqlConnectionStringBuilder(pg) { IncludeErrorDetail = true }.ConnectionString : null;

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Logging.AddProvider(Logs);
        // A rule for this provider alone outranks every category rule of the application: it asks for everything.
        builder.Logging.AddFilter<LogCapture>(null, LogLevel.Trace);
    }
}

public sealed class LogCapturingSqliteHost() : LogCapturingHost("sqlite");

public sealed class LogCapturingPostgresHost() : LogCapturingHost("postgres");

/// <summary>A second host over an existing host's database and data directory (e.g. after an admin verb changed
/// them), optionally with the master key ring supplied as configuration.</summary>
public sealed class SharedDatabaseHost(TestDatabase database, string? masterKey = null) : MamoriHost(database)
{
    protected override string? MasterKey => masterKey;
}
