using System.Net;
using System.Text.Json;
using Mamori.Policy;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Policy;

public abstract class PublicPagesTests<THost>(THost host) where THost : MamoriHost
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Health_answers_ok()
    {
        var response = await _client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Privacy_is_Japanese_by_default_and_English_on_request()
    {
        var ja = await _client.GetStringAsync("/privacy", TestContext.Current.CancellationToken);
        var en = await _client.GetStringAsync("/privacy?lang=en", TestContext.Current.CancellationToken);

        Assert.Contains("<html lang=\"ja\">", ja, StringComparison.Ordinal);
        Assert.Contains("株式会社カカコム・インシュアランス", WebUtility.HtmlDecode(ja), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", en, StringComparison.Ordinal);
        Assert.Contains("Privacy Policy", en, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", ja, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await _client.GetAsync("/privacy", TestContext.Current.CancellationToken);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Gpc_support_is_declared()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/.well-known/gpc.json", TestContext.Current.CancellationToken));
        Assert.True(doc.RootElement.GetProperty("gpc").GetBoolean());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", doc.RootElement.GetProperty("lastUpdate").GetString());
    }

    [Fact]
    public async Task OpenApi_describes_the_policy_api()
    {
        var openApi = await _client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(openApi);
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/policy", out _));
    }

    [Fact]
    public async Task Policy_api_is_public_and_carries_the_contract_fields()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/policy", TestContext.Current.CancellationToken));
        var root = doc.RootElement;

        Assert.Equal("2024-07-01", root.GetProperty("version").GetString());
        var purposes = root.GetProperty("purposes").EnumerateArray().ToList();
        Assert.True(purposes.Count >= 26, $"expected every purpose of §4, got {purposes.Count}");
        Assert.All(purposes, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("id").GetString()));
            Assert.NotEmpty(p.GetProperty("subjectKinds").EnumerateArray());
            Assert.Equal(JsonValueKind.Array, p.GetProperty("categories").ValueKind);
        });
        var categories = root.GetProperty("dataCategories").EnumerateArray().ToList();
        Assert.Contains(categories, c => c.GetProperty("sensitive").GetBoolean());
        Assert.Contains(categories, c => !c.GetProperty("sensitive").GetBoolean());
        var modes = root.GetProperty("cookieCategories").EnumerateArray().Select(c => c.GetProperty("mode").GetString()).ToList();
        Assert.Equal(3, modes.Count);
        Assert.All(modes, m => Assert.Contains(m, new[] { "opt_in", "opt_out", "necessary" }));
        Assert.Equal(5, root.GetProperty("channels").GetArrayLength());
        Assert.NotEmpty(root.GetProperty("recipients").EnumerateArray());
    }

    [Fact]
    public async Task Earlier_versions_are_listed_and_shown_as_published()
    {
        var yaml = (await File.ReadAllTextAsync(MamoriHost.PolicyPath, TestContext.Current.CancellationToken))
            .Replace("version: \"2024-07-01\"", "version: \"2023-01-01\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", "effectiveFrom: 2023-01-01", StringComparison.Ordinal)
            .Replace("- date: 2024-07-01", "- date: 2023-01-01", StringComparison.Ordinal);
        var parsed = PolicyLoader.Load("old.yaml", yaml);
        Assert.Empty(parsed.Problems);
        Assert.True(parsed.Succeeded);
        await host.WithServiceAsync(sp => sp.GetRequiredService<PolicyVersions>()
            .PublishAsync("2023-01-01", new DateOnly(2023, 1, 1), yaml, parsed.ContentHash, TestContext.Current.CancellationToken));

        var index = await _client.GetStringAsync("/privacy", TestContext.Current.CancellationToken);
        Assert.Contains("/privacy/versions/2023-01-01", index, StringComparison.Ordinal);
        var old = await _client.GetAsync("/privacy/versions/2023-01-01?lang=en", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/privacy/versions/1999-01-01", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/privacy/external-transmission", "Google LLC")]
    [InlineData("/privacy/external-transmission?lang=en", "Google LLC")]
    [InlineData("/privacy/cookies", "mamori_device_id")]
    [InlineData("/privacy/cookies?lang=en", "mamori_device_id")]
    [InlineData("/privacy/versions", "2024-07-01")]
    public async Task Policy_pages_render_from_the_policy(string path, string expected)
    {
        var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(expected, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_published_version_never_changes()
    {
        var error = await Assert.ThrowsAsync<MamoriException>(() => host.WithServiceAsync(sp => sp.GetRequiredService<PolicyVersions>()
            .PublishAsync("2024-07-01", new DateOnly(2024, 7, 1), "changed", new string('0', 64), TestContext.Current.CancellationToken)));
        Assert.Equal("policy.version_changed", error.Code);
    }
}

public sealed class PublicPagesOnSqlite(SqliteHost host) : PublicPagesTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class PublicPagesOnPostgres(PostgresHost host) : PublicPagesTests<PostgresHost>(host), IClassFixture<PostgresHost>;
