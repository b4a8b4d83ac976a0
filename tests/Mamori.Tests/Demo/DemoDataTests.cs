using System.Net;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Inquiries;
using Mamori.Requests;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Mamori.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Demo;

/// <summary><c>serve --demo</c> on an empty database: staff, people, cookie choices, signals and a linked device,
/// all stored through the real use cases so they are encrypted, gated and audited like real data.</summary>
public abstract class DemoDataTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_fills_every_capability_through_the_real_use_cases()
    {
        var (persons, devices, stored, linked) = await host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<MamoriDb>();
            return (await db.Set<Person>().CountAsync(Ct),
                await db.Set<ConsentRecord>().Where(r => r.SubjectKind == ConsentSubjectKind.Device).Select(r => r.SubjectId).Distinct().CountAsync(Ct),
                await db.Set<Signal>().CountAsync(Ct),
                await db.Set<DeviceLink>().CountAsync(Ct));
        });
        Assert.Equal(7, persons);
        Assert.Equal(4, devices);
        // 7 days × 4 browsers, less the 7 page views of the browser that refused analytics (dropped at the gate).
        Assert.Equal(21, stored);
        Assert.Equal(1, linked);
        Assert.False(await host.RawDatabaseContainsAsync("taro.yamamoto@example.jp"), "demo people are encrypted like real ones");
        var (requests, inquiries) = await host.WithServiceAsync(async sp =>
            ((await sp.GetRequiredService<RequestCases>().QueueAsync(ct: Ct)).Count, (await sp.GetRequiredService<InquiryRegister>().ListAsync(ct: Ct)).Count));
        Assert.Equal((2, 1), (requests, inquiries));
        Assert.False(await host.RawDatabaseContainsAsync("保険商品のご案内の電話を止めてください"), "requests are encrypted too");
    }

    [Fact]
    public async Task A_demo_operator_sees_the_linked_customers_page_views_only_under_a_purpose_that_may_use_them()
    {
        var personId = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<DeviceLink>().Select(l => l.PersonId).SingleAsync(Ct));
        var client = host.CreateClient();
        await host.SignInAsync(client, Roles.Operator);

        var analysis = await client.GetStringAsync($"/console/persons/{personId}?purpose=agency.usage_analysis", Ct);
        Assert.Contains("id=\"linked-signals\"", analysis, StringComparison.Ordinal);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Count(analysis, "data-signal=\""));
        Assert.Contains("https://kakacom.example/", analysis, StringComparison.Ordinal);

        var claims = await client.GetAsync($"/console/persons/{personId}?purpose=agency.claims_and_changes", Ct);
        var page = await claims.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, claims.StatusCode);
        Assert.DoesNotContain("data-signal=\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://kakacom.example/", page, StringComparison.Ordinal);
    }
}

public sealed class DemoSqliteHost() : MamoriHost("sqlite")
{
    protected override bool Demo => true;
}

public sealed class DemoPostgresHost() : MamoriHost("postgres")
{
    protected override bool Demo => true;
}

public sealed class DemoDataOnSqlite(DemoSqliteHost host) : DemoDataTests<DemoSqliteHost>(host), IClassFixture<DemoSqliteHost>;

public sealed class DemoDataOnPostgres(DemoPostgresHost host) : DemoDataTests<DemoPostgresHost>(host), IClassFixture<DemoPostgresHost>;
