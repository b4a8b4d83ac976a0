using System.Net;
using System.Text.Json;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Staff;

public abstract class SignInTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_console_needs_a_session()
    {
        var response = await host.CreateClient().GetAsync("/console", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/console/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_then_totp_enrolment_then_totp_signs_in()
    {
        await host.CreateStaffAsync("officer1", Roles.PrivacyOfficer);
        var client = host.CreateClient();
        var secret = await host.SignInAsync(client, "officer1");

        var home = await client.GetStringAsync("/console", Ct);
        Assert.Contains("officer1", home, StringComparison.Ordinal);
        Assert.Contains(Roles.PrivacyOfficer, home, StringComparison.Ordinal);

        // A second sign-in asks for the code of the enrolled authenticator, not a new enrolment.
        var again = host.CreateClient();
        await host.SignInAsync(again, "officer1", totpSecret: secret);
        Assert.Contains("officer1", await again.GetStringAsync("/console", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_is_refused_with_the_same_message()
    {
        await host.CreateStaffAsync("operator1", Roles.Operator);
        var client = host.CreateClient();
        var wrong = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "operator1", ["Password"] = "not the password" });
        var unknown = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "nobody", ["Password"] = "not the password" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("ユーザー名またはパスワードが正しくありません。", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("ユーザー名またはパスワードが正しくありません。", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await host.CreateClient().GetAsync("/console", Ct)).StatusCode);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_until_the_lockout_ends()
    {
        await host.CreateStaffAsync("operator2", Roles.Operator);
        var client = host.CreateClient();
        for (var i = 0; i < StaffAccounts.MaxFailedSignIns; i++)
            await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "operator2", ["Password"] = "wrong password " + i });

        var locked = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "operator2", ["Password"] = MamoriHost.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("ロックされています", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        host.Clock.Advance(StaffAccounts.LockoutDuration + TimeSpan.FromSeconds(1));
        await host.SignInAsync(host.CreateClient(), "operator2");
    }

    [Fact]
    public async Task A_wrong_or_replayed_totp_code_is_refused()
    {
        await host.CreateStaffAsync("auditor1", Roles.Auditor);
        var secret = await host.SignInAsync(host.CreateClient(), "auditor1");

        var client = host.CreateClient();
        var login = await Forms.PostAsync(client, "/console/login", new() { ["UserName"] = "auditor1", ["Password"] = MamoriHost.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var wrong = await Forms.PostAsync(client, "/console/2fa", new() { ["Code"] = "000000" == host.TotpCode(secret) ? "111111" : "000000" });
        Assert.Contains("確認コードが正しくありません。", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The code that completed the first sign-in (same time step) cannot be used again.
        var replay = await Forms.PostAsync(client, "/console/2fa", new() { ["Code"] = host.TotpCode(secret) });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_second_factor_page_needs_the_password_step_first()
    {
        var response = await host.CreateClient().GetAsync("/console/2fa", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_rejected()
    {
        var response = await host.CreateClient().PostAsync("/console/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = MamoriHost.AdminPassword }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await host.CreateStaffAsync("marketing1", Roles.Marketing);
        var client = host.CreateClient();
        await host.SignInAsync(client, "marketing1");
        var logout = await Forms.PostAsync(client, "/console", new(), action: "/console/logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console", Ct)).StatusCode);
    }

    [Fact]
    public async Task Api_keys_are_shown_once_work_and_stop_working_when_revoked()
    {
        await host.CreateStaffAsync("officer2", Roles.PrivacyOfficer);
        var console = host.CreateClient();
        await host.SignInAsync(console, "officer2");
        var created = await Forms.PostAsync(console, "/console/keys", new() { ["Name"] = "crm", ["Role"] = Roles.System }, action: "/console/keys?handler=Create");
        var page = await created.Content.ReadAsStringAsync(Ct);
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"new-key\">(mk_[^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("mk_", key, StringComparison.Ordinal);

        var api = host.CreateApiClient(key);
        using (var who = JsonDocument.Parse(await api.GetStringAsync("/api/v1/whoami", Ct)))
            Assert.Equal(Roles.System, who.RootElement.GetProperty("role").GetString());

        // The listing shows the prefix only; the secret is never shown again.
        var listing = await console.GetStringAsync("/console/keys", Ct);
        Assert.DoesNotContain(key, listing, StringComparison.Ordinal);
        // The officer is told how soon a revocation binds other nodes (ADR-014).
        Assert.Contains("30秒以内", listing, StringComparison.Ordinal);

        var id = System.Text.RegularExpressions.Regex.Match(listing, "name=\"Id\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        await Forms.PostAsync(console, "/console/keys", new() { ["Id"] = id }, action: "/console/keys?handler=Revoke");
        var revoked = await api.GetAsync("/api/v1/whoami", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task Api_without_a_key_answers_a_problem_with_a_code()
    {
        var response = await host.CreateClient().GetAsync("/api/v1/whoami", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("auth.unauthenticated", problem.RootElement.GetProperty("code").GetString());

        var bogus = host.CreateApiClient("mk_000000000000_notarealkeynotarealkeynotarealkey");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/whoami", Ct)).StatusCode);
    }
}

public sealed class SignInOnSqlite(SqliteHost host) : SignInTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class SignInOnPostgres(PostgresHost host) : SignInTests<PostgresHost>(host), IClassFixture<PostgresHost>;
