using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Staff;
using Mamori.Tests.Cli;
using Mamori.Tests.Infrastructure;
using Mamori.Vault.Crypto;

namespace Mamori.Tests.Hardening;

/// <summary>
/// <c>mamori backup</c> while Mamori serves, <c>mamori restore</c> into fresh targets: everything comes back (row
/// counts per table, the audit chain, persons readable with the restored keys), a non-empty target is refused
/// without <c>--force</c>, and a person erased after the backup stays erased after the restore.
/// </summary>
public abstract class BackupRestoreTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] Target(TestDatabase database) => database.ConnectionString is { } pg
        ? ["--database", pg, "--data-dir", database.DataDirectory]
        : ["--data-dir", database.DataDirectory];

    [Fact]
    public async Task A_backup_taken_while_serving_restores_everything_and_later_erasures_hold()
    {
        var api = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var kept = await CreatePersonAsync(api, "保持");
        var erasedLater = await CreatePersonAsync(api, "削除");
        var device = Consent.ConsentClient.NewDeviceId();
        await Consent.ConsentClient.RecordAsync(host.CreateClient(), new { deviceId = device, choices = new { analytics = true }, method = "banner" });

        var before = await RawSql.RowCountsAsync(host.Database);
        var archive = Path.Combine(host.Database.DataDirectory, "..", $"mamori-backup-{Guid.NewGuid():N}.tar");
        try
        {
            var backup = await MamoriProcess.RunAsync(["backup", archive, .. Target(host.Database)]);
            Assert.True(backup.ExitCode == 0, backup.Stdout + backup.Stderr);

            // After the backup the person is erased: their key is destroyed, the log outside the database says so.
            var erased = await api.PostAsJsonAsync($"/api/v1/persons/{erasedLater}/erasure", new { reason = "request:deletion" }, Ct);
            Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

            // 1. Into an empty target: everything as it was at the backup (plus the backup's and restore's own audit entries).
            await using var fresh = TestDatabase.Create(host.Database.Name);
            var restore = await MamoriProcess.RunAsync(["restore", archive, .. Target(fresh)]);
            Assert.True(restore.ExitCode == 0, restore.Stdout + restore.Stderr);
            var after = await RawSql.RowCountsAsync(fresh);
            var expected = new SortedDictionary<string, long>(before, StringComparer.Ordinal) { ["audit_entries"] = before["audit_entries"] + 2 };
            Assert.Equal(expected, after);
            Assert.True(File.Exists(MasterKeyFile.PathIn(fresh.DataDirectory)));
            var verify = await MamoriProcess.RunAsync(["audit", "verify", .. Target(fresh)]);
            Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);

            // A second restore into it is refused without --force, and replaces it with --force.
            var refused = await MamoriProcess.RunAsync(["restore", archive, .. Target(fresh)]);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("[backup.target_not_empty]", refused.Stderr, StringComparison.Ordinal);
            var forced = await MamoriProcess.RunAsync(["restore", archive, "--force", .. Target(fresh)]);
            Assert.True(forced.ExitCode == 0, forced.Stdout + forced.Stderr);
            Assert.Equal(expected, await RawSql.RowCountsAsync(fresh));

            await using (var restored = new SharedDatabaseHost(fresh))
            {
                await restored.InitializeAsync();
                var reader = restored.CreateApiClient(await restored.CreateApiKeyAsync(Roles.PrivacyOfficer));
                Assert.Equal("保持", await NameAsync(reader, kept));
                Assert.Equal("削除", await NameAsync(reader, erasedLater)); // this target never heard of the erasure
                var consents = JsonDocument.Parse(await reader.GetStringAsync($"/api/v1/consents/{device}", Ct));
                Assert.True(consents.RootElement.GetProperty("choices").GetProperty("analytics").GetBoolean());
            }

            // 2. Into the place the erasure happened: its data directory (and shredded-keys.log) outlived the database.
            await using var replaced = TestDatabase.Create(host.Database.Name);
            File.Copy(ShreddedKeyLog.InDataDirectory(host.Database.DataDirectory).Path, ShreddedKeyLog.InDataDirectory(replaced.DataDirectory).Path);
            var again = await MamoriProcess.RunAsync(["restore", archive, .. Target(replaced)]);
            Assert.True(again.ExitCode == 0, again.Stdout + again.Stderr);
            Assert.Contains("1 data key(s) destroyed again", again.Stdout, StringComparison.Ordinal);
            await using (var restored = new SharedDatabaseHost(replaced))
            {
                await restored.InitializeAsync();
                var reader = restored.CreateApiClient(await restored.CreateApiKeyAsync(Roles.PrivacyOfficer));
                Assert.Equal("保持", await NameAsync(reader, kept));
                var gone = await reader.GetAsync($"/api/v1/persons/{erasedLater}?purpose=agency.identity_check", Ct);
                Assert.False(gone.IsSuccessStatusCode);
                Assert.True((int)gone.StatusCode < 500, $"{(int)gone.StatusCode}");
                Assert.Contains(await Consent.ConsentClient.ProblemCodeAsync(gone), new[] { "person.erased", CryptoErrors.KeyShredded });
            }
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_archive_with_its_code()
    {
        var archive = Path.Combine(host.Database.DataDirectory, "..", $"mamori-not-a-backup-{Guid.NewGuid():N}.tar");
        await File.WriteAllTextAsync(archive, "not a tar file", Ct);
        await using var fresh = TestDatabase.Create(host.Database.Name);
        try
        {
            var result = await MamoriProcess.RunAsync(["restore", archive, .. Target(fresh)]);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("[backup.archive_invalid]", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    private static async Task<Guid> CreatePersonAsync(HttpClient api, string name)
    {
        var response = await api.PostAsJsonAsync("/api/v1/persons", new
        {
            kind = "customer",
            channel = "direct",
            items = new Dictionary<string, string> { ["contact.name"] = name },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    private static async Task<string?> NameAsync(HttpClient api, Guid id)
    {
        using var read = JsonDocument.Parse(await api.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct));
        return read.RootElement.GetProperty("items").GetProperty("contact.name").GetString();
    }
}

public sealed class BackupRestoreOnSqlite(SqliteHost host) : BackupRestoreTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class BackupRestoreOnPostgres(PostgresHost host) : BackupRestoreTests<PostgresHost>(host), IClassFixture<PostgresHost>;
