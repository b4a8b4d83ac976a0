using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Consent.ConsentClient;

namespace Mamori.Tests.Consent;

/// <summary>A policy change is a restart on the same database with a new policy file; each class has its own host.</summary>
public abstract class ConsentPolicyChangeTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string AnalyticsBlock = "    - id: analytics\n      number: 2\n      mode: opt_out\n";

    [Fact]
    public async Task Choices_are_asked_again_only_after_a_change_that_needs_new_consent()
    {
        var device = NewDeviceId();
        await RecordAsync(host.CreateClient(), new { deviceId = device, choices = new { analytics = true, targeting = false }, method = "banner" });
        var staffKey = await host.CreateApiKeyAsync(Roles.Operator);

        // Reworded only: the choices stand, and the banner keeps them under the earlier version.
        await host.RestartWithPolicyAsync(PolicyVariant("2025-01-01", text => text.Replace(
            "閲覧ページや利用回数等を計測し、", "閲覧ページや利用回数等を計測して、", StringComparison.Ordinal)));
        Assert.False((await ReadAsync(host.CreateApiClient(staffKey), device)).GetProperty("needsReconsent").GetBoolean());
        Assert.Contains("\"valid\":[\"2024-07-01\",\"2025-01-01\"]", await host.CreateClient().GetStringAsync("/consent.js", Ct), StringComparison.Ordinal);

        // Analytics becomes opt-in: what was chosen under the opt-out wording must be asked again.
        await host.RestartWithPolicyAsync(PolicyVariant("2025-04-01", text => text.Replace(
            AnalyticsBlock, AnalyticsBlock.Replace("opt_out", "opt_in", StringComparison.Ordinal), StringComparison.Ordinal)));
        var stale = await ReadAsync(host.CreateApiClient(staffKey), device);
        Assert.True(stale.GetProperty("needsReconsent").GetBoolean());
        Assert.Equal("2024-07-01", Current(stale, "analytics").GetProperty("policyVersion").GetString());
        Assert.Contains("\"valid\":[\"2025-04-01\"]", await host.CreateClient().GetStringAsync("/consent.js", Ct), StringComparison.Ordinal);

        // Choosing again under the version in force settles it.
        var answer = await RecordAsync(host.CreateClient(), new { deviceId = device, choices = new { analytics = false, targeting = false }, method = "banner" });
        Assert.False(answer.GetProperty("needsReconsent").GetBoolean());
        Assert.Equal("2025-04-01", answer.GetProperty("policyVersion").GetString());
        Assert.False((await ReadAsync(host.CreateApiClient(staffKey), device)).GetProperty("needsReconsent").GetBoolean());
    }

    /// <summary>The agency's policy as a later version with one edit, written beside the test database.</summary>
    private string PolicyVariant(string version, Func<string, string> edit)
    {
        var text = File.ReadAllText(MamoriHost.PolicyPath);
        Assert.Contains(AnalyticsBlock, text, StringComparison.Ordinal);
        var changed = edit(text)
            .Replace("version: \"2024-07-01\"", $"version: \"{version}\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", $"effectiveFrom: {version}", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        var path = Path.Combine(host.Database.DataDirectory, $"policy-{version}.yaml");
        File.WriteAllText(path, changed);
        return path;
    }
}

public sealed class ConsentPolicyChangeOnSqlite(SqliteHost host) : ConsentPolicyChangeTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ConsentPolicyChangeOnPostgres(PostgresHost host) : ConsentPolicyChangeTests<PostgresHost>(host), IClassFixture<PostgresHost>;
