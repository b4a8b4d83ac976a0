using System.Net;
using Mamori.Host.Auth;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Staff;

public abstract class AuthorisationTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every endpoint states its rule: public on purpose, or a named authorisation policy.</summary>
    [Fact]
    public void Every_endpoint_has_an_explicit_authorisation_rule()
    {
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var unruled = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(unruled);
    }

    public static TheoryData<string, string, bool> ConsolePages => new()
    {
        { "/console", Roles.Auditor, true },
        { "/console/keys", Roles.PrivacyOfficer, true },
        { "/console/keys", Roles.Operator, false },
        { "/console/keys", Roles.Auditor, false },
        { "/console/keys", Roles.Marketing, false },
        { "/console/policy", Roles.Auditor, true },
        { "/console/policy", Roles.Operator, false },
        { "/console/audit", Roles.Auditor, true },
        { "/console/audit", Roles.PrivacyOfficer, true },
        { "/console/audit", Roles.Operator, false },
        { "/console/audit", Roles.Marketing, false },
    };

    [Theory]
    [MemberData(nameof(ConsolePages))]
    public async Task Console_pages_follow_the_permission_table(string page, string role, bool allowed)
    {
        var user = role.Replace('_', '-') + "-" + Guid.NewGuid().ToString("N")[..6];
        await host.CreateStaffAsync(user, role);
        var client = host.CreateClient();
        await host.SignInAsync(client, user);

        var response = await client.GetAsync(page, Ct);
        if (allowed)
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_system_role_cannot_use_the_console()
    {
        await host.CreateStaffAsync("integration", Roles.System);
        var client = host.CreateClient();
        await host.SignInAsync(client, "integration");
        var response = await client.GetAsync("/console", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/console/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_role_table_grants_the_privacy_officer_everything_and_the_auditor_no_personal_data()
    {
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(Roles.Allows(Roles.PrivacyOfficer, p)));
        Assert.False(Roles.Allows(Roles.Auditor, Permission.ReadPersonalData));
        Assert.False(Roles.Allows(Roles.Marketing, Permission.ReadPersonalData));
        Assert.False(Roles.Allows("nobody", Permission.ViewConsole));
        Assert.Equal(Permissions.PolicyName(Permission.ManageApiKeys),
            new RequirePermissionAttribute(Permission.ManageApiKeys).Policy);
    }
}

public sealed class AuthorisationOnSqlite(SqliteHost host) : AuthorisationTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class AuthorisationOnPostgres(PostgresHost host) : AuthorisationTests<PostgresHost>(host), IClassFixture<PostgresHost>;
