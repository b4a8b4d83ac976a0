using System.Net;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Consent.ConsentClient;

namespace Mamori.Tests.Consent;

public abstract class CookieSettingsPageTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_settings_form_works_without_javascript_and_shows_the_choices_in_force()
    {
        var client = host.CreateClient();
        var page = await client.GetStringAsync("/privacy/cookies", Ct);
        Assert.Contains("name=\"__RequestVerificationToken\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Choice[analytics]\" value=\"on\" checked=\"checked\"", page, StringComparison.Ordinal);   // opt-out: on by default
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.True(page.IndexOf("id=\"consent-settings\"", StringComparison.Ordinal) < page.IndexOf("notice-cookies", StringComparison.Ordinal),
            "the settings come above the inventory");

        var saved = await Forms.PostAsync(client, "/privacy/cookies", new() { ["Choice[analytics]"] = "off", ["Choice[targeting]"] = "on" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/privacy/cookies?saved=true", saved.Headers.Location?.OriginalString);
        var cookies = saved.Headers.GetValues("Set-Cookie").ToList();
        var deviceId = CookieValue(cookies, "mamori_device_id");
        Assert.Matches("^[A-Za-z0-9_-]{22}$", deviceId);
        Assert.Equal("v=2024-07-01&analytics=0&targeting=1", CookieValue(cookies, "mamori_consent"));
        Assert.All(cookies, c => Assert.Contains("samesite=lax", c, StringComparison.OrdinalIgnoreCase));

        var after = await client.GetStringAsync("/privacy/cookies?saved=true", Ct);
        Assert.Contains("role=\"status\"", after, StringComparison.Ordinal);
        Assert.Contains("name=\"Choice[analytics]\" value=\"off\" checked=\"checked\"", after, StringComparison.Ordinal);
        Assert.Contains("name=\"Choice[targeting]\" value=\"on\" checked=\"checked\"", after, StringComparison.Ordinal);
        Assert.Matches(@"前回の選択: <time datetime=""[^""]+"">\d{4}-\d{2}-\d{2} \d{2}:\d{2}</time>", after);
        Assert.Contains($">{host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm}</time>", after, StringComparison.Ordinal);

        var staff = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.Operator));
        var analytics = Assert.Single(History(await ReadAsync(staff, deviceId), "analytics"));
        Assert.Equal("settings_page", analytics.GetProperty("method").GetString());
        Assert.False(analytics.GetProperty("given").GetBoolean());

        // Withdrawing is as easy as giving: the same form, the same device.
        await Forms.PostAsync(client, "/privacy/cookies", new() { ["Choice[analytics]"] = "on", ["Choice[targeting]"] = "off" });
        Assert.Equal([false, true], History(await ReadAsync(staff, deviceId), "analytics").Select(r => r.GetProperty("given").GetBoolean()));
    }

    [Fact]
    public async Task Global_Privacy_Control_keeps_targeting_off_on_the_settings_page()
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Sec-GPC", "1");
        var saved = await Forms.PostAsync(client, "/privacy/cookies", new() { ["Choice[analytics]"] = "on", ["Choice[targeting]"] = "on" });
        Assert.Equal("v=2024-07-01&analytics=1&targeting=0&gpc=1", CookieValue(saved.Headers.GetValues("Set-Cookie"), "mamori_consent"));
        var page = await client.GetStringAsync("/privacy/cookies", Ct);
        Assert.Contains("name=\"Choice[targeting]\" value=\"off\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("GPC", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await host.CreateClient().PostAsync("/privacy/cookies",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Choice[analytics]"] = "off" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string CookieValue(IEnumerable<string> setCookies, string name) =>
        Uri.UnescapeDataString(setCookies.Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0][(name.Length + 1)..]);
}

public sealed class CookieSettingsPageOnSqlite(SqliteHost host) : CookieSettingsPageTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class CookieSettingsPageOnPostgres(PostgresHost host) : CookieSettingsPageTests<PostgresHost>(host), IClassFixture<PostgresHost>;
