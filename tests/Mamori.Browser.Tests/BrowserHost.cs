using Mamori.Host.Web;
using Mamori.Staff;
using Mamori.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mamori.Browser.Tests;

/// <summary>Mamori on a real loopback port (SQLite in a temporary directory) and headless system Chromium.</summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string AdminPassword = "correct-horse-battery-staple";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("mamori-browser-").FullName;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    /// <summary>Mamori's services, to check what a click recorded on the server.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync()
    {
        var options = new ServeOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = _dataDir,
            PolicyFile = Path.Combine(AppContext.BaseDirectory, "policy", "policy.yaml"),
            AdminPassword = AdminPassword,
        };
        var loaded = PolicyFile.Load(options.ResolvePolicyFile());
        if (!loaded.Ok)
            throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Problems));
        _app = MamoriApp.Build(options, loaded.Policy!);
        await Startup.InitialiseAsync(_app.Services, options, CancellationToken.None);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A staff account with the admin's password; it enrols its authenticator on first sign-in.</summary>
    public async Task CreateStaffAsync(string userName, string role)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(userName, userName, role, AdminPassword);
    }

    /// <summary>Signs a staff member in on the console, as they would the first time: password, then the authenticator
    /// enrolled from the key the page shows.</summary>
    public async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync(BaseUrl + "/console");
        await page.GetByLabel("ユーザー名").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        await page.GetByLabel("確認コード（6桁）").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "確認" }).ClickAsync();
    }

    /// <summary>A person on record before the test starts, as an agency system would have stored them.</summary>
    public async Task<Guid> RecordPersonAsync(CreatePerson person)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PersonVault>().CreateAsync(person, "key:browser-test-seed")).Id;
    }

    private WebApplication App => _app ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
