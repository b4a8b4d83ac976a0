using System.Net;
using System.Text;
using System.Text.Json;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Hardening;

/// <summary>
/// Walks every discovered endpoint and page as no one, with an API key of every role and with a console session of
/// every role, and checks each answer against the permission table of <see cref="Roles"/>: refused exactly where the
/// table refuses (401 or 403 problems for the API, redirects to sign-in or to "denied" for pages), and never a 500.
/// </summary>
public abstract class AuthorisationWalkTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Answer { Allowed, Unauthenticated, Forbidden }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_permission_table_says()
    {
        var endpoints = WalkedEndpoint.Discover(host);
        Assert.Contains(endpoints, e => e.Pattern.TrimEnd('/') == "/api/v1/persons" && e.Method == "POST");
        Assert.Contains(endpoints, e => e.IsPage && e.Pattern.StartsWith("/console/audit", StringComparison.OrdinalIgnoreCase));
        var problems = new List<string>();
        Assert.True(endpoints.Count > 20, string.Join('\n', endpoints));

        foreach (var e in endpoints)
            await CheckAsync(problems, host.CreateClient(), e, "anonymous", null);

        foreach (var role in Roles.All)
        {
            var keyed = host.CreateApiClient(await host.CreateApiKeyAsync(role));
            foreach (var e in endpoints.Where(e => !e.IsPage))
                await CheckAsync(problems, keyed, e, "key:" + role, role);

            var user = "walk-" + role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
            await host.CreateStaffAsync(user, role);
            var session = host.CreateClient();
            await host.SignInAsync(session, user);
            foreach (var e in endpoints)
                await CheckAsync(problems, session, e, "session:" + role, role);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} answers differ from the permission table:\n" + string.Join('\n', problems));
    }

    private static async Task CheckAsync(List<string> problems, HttpClient client, WalkedEndpoint e, string caller, string? role)
    {
        using var request = new HttpRequestMessage(new HttpMethod(e.Method), e.Path);
        if (e.Method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request, Ct);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            problems.Add($"{e} as {caller}: {status}");
            return;
        }
        if (!e.IsPage && status is 401 or 403 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            problems.Add($"{e} as {caller}: {status} without a problem document");
        // A public endpoint or page has no rule to check beyond "never a 500": its own flow may send a caller on
        // (the second-factor page to sign-in without a pending sign-in, "denied" answers 403 by design).
        if (e.Anonymous)
            return;
        var answer = await ClassifyAsync(response, e);
        Answer expected;
        if (role is null)
            expected = Answer.Unauthenticated;
        else if (e.Allows(role) is { } allowed)
            expected = allowed ? Answer.Allowed : Answer.Forbidden;
        else
        {
            // A custom rule: a signed-in caller passes or is refused by it, never asked to sign in; the privacy
            // officer holds every permission and passes.
            if (answer == Answer.Unauthenticated || (role == Roles.PrivacyOfficer && answer != Answer.Allowed))
                problems.Add($"{e} as {caller}: {answer} ({status})");
            return;
        }
        if (answer != expected)
            problems.Add($"{e} as {caller}: expected {expected}, got {answer} ({status})");
    }

    /// <summary>What the answer means for authorisation. A 403 counts as a refusal only with the authorisation codes:
    /// a use the policy denies (e.g. <c>purpose.unknown</c>) is an answer of an endpoint the caller may call.</summary>
    private static async Task<Answer> ClassifyAsync(HttpResponseMessage response, WalkedEndpoint e)
    {
        if (e.IsPage)
        {
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/console/login", StringComparison.OrdinalIgnoreCase))
                return Answer.Unauthenticated;
            if (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/console/denied", StringComparison.OrdinalIgnoreCase))
                return Answer.Forbidden;
            return Answer.Allowed;
        }
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            return Answer.Allowed;
        var code = await CodeAsync(response);
        return code switch
        {
            "auth.unauthenticated" => Answer.Unauthenticated,
            "auth.forbidden" => Answer.Forbidden,
            _ => Answer.Allowed,
        };
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return response.StatusCode == HttpStatusCode.Unauthorized ? "auth.unauthenticated" : "auth.forbidden";
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}

public sealed class AuthorisationWalkOnSqlite(SqliteHost host) : AuthorisationWalkTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class AuthorisationWalkOnPostgres(PostgresHost host) : AuthorisationWalkTests<PostgresHost>(host), IClassFixture<PostgresHost>;
