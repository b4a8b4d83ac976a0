using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Tests.Cli;
using Mamori.Tests.Infrastructure;
using Mamori.Vault.Crypto;
using OtpNet;

namespace Mamori.Tests.Hardening;

/// <summary>
/// Two real <c>mamori serve</c> processes against one PostgreSQL database, as behind a load balancer: every request
/// may land on either node, so neither may keep state of its own (keys, sessions, antiforgery, consent).
/// </summary>
public sealed partial class TwoNodeTests(TwoNodeTests.Nodes nodes) : IClassFixture<TwoNodeTests.Nodes>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServeProcess A => nodes.A;
    private ServeProcess B => nodes.B;

    /// <summary>One PostgreSQL database, node A with the key file, node B with the same ring as configuration.</summary>
    public sealed class Nodes : IAsyncLifetime
    {
        private readonly string _dataDirectoryB = Directory.CreateTempSubdirectory("mamori-test-node-b-").FullName;
        private ServeProcess? _a;
        private ServeProcess? _b;

        public PostgresTestDatabase Database { get; } = PostgresTestDatabase.Create();
        public ServeProcess A => _a!;
        public ServeProcess B => _b!;

        public async ValueTask InitializeAsync()
        {
            _a = await ServeProcess.StartAsync(Database.DataDirectory, Database.ConnectionString);
            // Production hands every node the same ring by configuration; node A made it as its key file.
            var ring = Convert.ToBase64String(await File.ReadAllBytesAsync(MasterKeyFile.PathIn(Database.DataDirectory)));
            _b = await ServeProcess.StartAsync(_dataDirectoryB, Database.ConnectionString, new Dictionary<string, string>
            {
                ["MAMORI_MASTER_KEY"] = ring,
                // B sits behind a TLS proxy on this machine; A trusts no proxy.
                ["MAMORI_TRUSTED_PROXIES"] = "127.0.0.1",
            });
        }

        public async ValueTask DisposeAsync()
        {
            if (_a is not null)
                await _a.DisposeAsync();
            if (_b is not null)
                await _b.DisposeAsync();
            await Database.DisposeAsync();
            try { Directory.Delete(_dataDirectoryB, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_person_written_on_one_node_is_read_on_the_other_with_the_same_keys()
    {
        var key = await CreateApiKeyAsync();
        using var onA = A.CreateClient(apiKey: key);
        using var onB = B.CreateClient(apiKey: key);

        var tag = Guid.NewGuid().ToString("N")[..8];
        var created = await onA.PostAsJsonAsync("/api/v1/persons", new
        {
            kind = "customer",
            channel = "direct",
            items = new Dictionary<string, string> { ["contact.name"] = "二ノ宮 " + tag, ["contact.email"] = $"ni.{tag}@example.jp" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var read = JsonDocument.Parse(await onB.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct));
        Assert.Equal($"ni.{tag}@example.jp", read.RootElement.GetProperty("items").GetProperty("contact.email").GetString());

        // A change on B is read back on A at once: no node caches a person or their key.
        var patch = await onB.PatchAsJsonAsync($"/api/v1/persons/{id}",
            new { purpose = "agency.identity_check", items = new Dictionary<string, string> { ["contact.email"] = $"b.{tag}@example.jp" } }, Ct);
        Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync(Ct));
        using var again = JsonDocument.Parse(await onA.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct));
        Assert.Equal($"b.{tag}@example.jp", again.RootElement.GetProperty("items").GetProperty("contact.email").GetString());
    }

    [Fact]
    public async Task A_console_sign_in_alternating_between_nodes_keeps_its_antiforgery_and_session()
    {
        var cookies = new CookieContainer(); // both nodes are 127.0.0.1: a browser sends their cookies to either
        using var onA = A.CreateClient(cookies);
        using var onB = B.CreateClient(cookies);

        // The form (and its antiforgery token and cookie) from A, the post to B.
        var token = await Forms.TokenAsync(onA, "/console/login");
        var password = await onB.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = ServeProcess.AdminPassword, ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/console/2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The pending second factor (a cookie B issued) is read on A; the code goes back to B.
        var enrolment = await onA.GetStringAsync("/console/2fa", Ct);
        var secret = SecretPattern().Match(enrolment).Groups[1].Value;
        Assert.NotEmpty(secret);
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);
        var second = await onB.PostAsync("/console/2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["__RequestVerificationToken"] = await Forms.TokenAsync(onA, "/console/2fa"),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        // The session cookie B issued opens the console on A.
        var console = await onA.GetAsync("/console", Ct);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        var audit = await onB.GetAsync("/console/audit", Ct);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Fact]
    public async Task A_consent_given_on_one_node_is_in_force_on_the_other()
    {
        var key = await CreateApiKeyAsync();
        var device = Consent.ConsentClient.NewDeviceId();
        using var banner = B.CreateClient();
        var recorded = await banner.PostAsJsonAsync("/api/v1/consents",
            new { deviceId = device, choices = new { analytics = true, targeting = false }, method = "banner" }, Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        using var onA = A.CreateClient(apiKey: key);
        using var state = JsonDocument.Parse(await onA.GetStringAsync($"/api/v1/consents/{device}", Ct));
        var choices = state.RootElement.GetProperty("choices");
        Assert.True(choices.GetProperty("analytics").GetBoolean());
        Assert.False(choices.GetProperty("targeting").GetBoolean());

        // Withdrawn on A, gone on B.
        using var bannerA = A.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await bannerA.PostAsJsonAsync("/api/v1/consents",
            new { deviceId = device, choices = new { analytics = false, targeting = false }, method = "banner" }, Ct)).StatusCode);
        using var onB = B.CreateClient(apiKey: key);
        using var after = JsonDocument.Parse(await onB.GetStringAsync($"/api/v1/consents/{device}", Ct));
        Assert.False(after.RootElement.GetProperty("choices").GetProperty("analytics").GetBoolean());
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_only_from_a_trusted_proxy()
    {
        Assert.StartsWith("https://mamori.example/", await PolicyUrlAsync(B), StringComparison.Ordinal);
        Assert.StartsWith("http://mamori.example/", await PolicyUrlAsync(A), StringComparison.Ordinal);
    }

    /// <summary>The receipt's policy URL, built from the scheme and host the node believes it was called on.</summary>
    private static async Task<string> PolicyUrlAsync(ServeProcess node)
    {
        using var client = node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/consents")
        {
            Content = JsonContent.Create(new { deviceId = Consent.ConsentClient.NewDeviceId(), choices = new { analytics = true }, method = "banner" }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Host = "mamori.example";
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receipt").GetProperty("policyUrl").GetString()!;
    }

    private async Task<string> CreateApiKeyAsync()
    {
        var result = await MamoriProcess.RunAsync(["keys", "create", "--name", "two-nodes-" + Guid.NewGuid().ToString("N")[..6],
            "--role", "privacy_officer", "--database", nodes.Database.ConnectionString!, "--data-dir", nodes.Database.DataDirectory]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Trim();
    }

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();
}
