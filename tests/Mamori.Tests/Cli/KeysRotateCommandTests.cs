using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Data;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Mamori.Vault;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Cli;

/// <summary>What <c>mamori keys rotate</c> is judged by: a new master key wraps every data key, items are the same bytes,
/// and a host started afterwards reads every person back.</summary>
internal static class Rotation
{
    public const string MasterKeyVariable = "MAMORI_MASTER_KEY";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The raw rows rotation may and may not touch.</summary>
    public sealed record Storage(Dictionary<Guid, string> Items, Dictionary<Guid, (string MasterKeyId, string Wrapped)> Keys);

    public static string[] Target(MamoriHost host) => host.Database.ConnectionString is { } pg
        ? ["--data-dir", host.Database.DataDirectory, "--database", pg]
        : ["--data-dir", host.Database.DataDirectory];

    public static string KeyFile(MamoriHost host) => MasterKeyFile.PathIn(host.Database.DataDirectory);

    /// <summary>Persons with their email, created through the API.</summary>
    public static async Task<Dictionary<Guid, string>> CreatePersonsAsync(MamoriHost host, int count)
    {
        var client = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var persons = new Dictionary<Guid, string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"rotate.{Guid.NewGuid():N}@example.jp";
            var response = await client.PostAsJsonAsync("/api/v1/persons", new
            {
                kind = "customer",
                channel = "direct",
                items = new Dictionary<string, string> { ["contact.email"] = email, ["contact.name"] = "鈴木 花子" },
            }, Ct);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            persons[body.RootElement.GetProperty("id").GetGuid()] = email;
        }
        return persons;
    }

    public static Task<Storage> ReadStorageAsync(MamoriHost host) => host.WithServiceAsync(async sp =>
    {
        var db = sp.GetRequiredService<MamoriDb>();
        var items = await db.Set<PersonItem>().AsNoTracking().ToDictionaryAsync(i => i.Id, i => Convert.ToHexString(i.Ciphertext), Ct);
        var keys = await db.Set<PersonKey>().AsNoTracking()
            .ToDictionaryAsync(k => k.PersonId, k => (k.MasterKeyId, Convert.ToHexString([.. k.Nonce, .. k.Ciphertext])), Ct);
        return new Storage(items, keys);
    });

    /// <summary>Rotation changed the wrapping of every data key, and nothing else.</summary>
    public static void AssertRewrapped(Storage before, Storage after, string newKeyId)
    {
        Assert.Equal(before.Items.OrderBy(i => i.Key), after.Items.OrderBy(i => i.Key));
        Assert.Equal(before.Keys.Keys.Order(), after.Keys.Keys.Order());
        Assert.All(after.Keys, k =>
        {
            Assert.Equal(newKeyId, k.Value.MasterKeyId);
            Assert.NotEqual(before.Keys[k.Key].MasterKeyId, k.Value.MasterKeyId);
            Assert.NotEqual(before.Keys[k.Key].Wrapped, k.Value.Wrapped);
        });
    }

    /// <summary>A fresh host over the same database reads every person's values back.</summary>
    public static async Task AssertReadableAsync(MamoriHost host, Dictionary<Guid, string> persons, string? masterKey = null)
    {
        await using var fresh = new SharedDatabaseHost(host.Database, masterKey);
        await fresh.InitializeAsync();
        var client = fresh.CreateApiClient(await fresh.CreateApiKeyAsync(Roles.PrivacyOfficer));
        foreach (var (id, email) in persons)
        {
            using var read = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/persons/{id}?purpose=agency.identity_check", Ct));
            Assert.Equal(email, read.RootElement.GetProperty("items").GetProperty("contact.email").GetString());
        }
    }
}

public abstract class KeysRotateCommandTests<THost>(THost host) where THost : MamoriHost
{
    [Fact]
    public async Task Rotate_rewraps_every_data_key_under_a_new_key_in_the_key_file_and_leaves_items_untouched()
    {
        var persons = await Rotation.CreatePersonsAsync(host, 3);
        var before = await Rotation.ReadStorageAsync(host);
        var oldRing = MasterKeyFile.Load(Rotation.KeyFile(host));

        var result = await MamoriProcess.RunAsync(new Dictionary<string, string?> { [Rotation.MasterKeyVariable] = null },
            ["keys", "rotate", .. Rotation.Target(host)]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var ring = MasterKeyFile.Load(Rotation.KeyFile(host)); // still owner-only, or Load would refuse it
        Assert.NotEqual(oldRing.Current.Id, ring.Current.Id);
        Assert.Equal([ring.Current.Id], ring.Keys.Select(k => k.Id)); // the old key is retired once nothing needs it
        Assert.Contains($"New master key {ring.Current.Id} (was {oldRing.Current.Id}).", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Re-wrapped {persons.Count} data key(s); item data was not re-encrypted.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Retired 1 master key(s) no longer in use; the ring holds 1 wrapping key(s).", result.Stdout, StringComparison.Ordinal);
        Rotation.AssertRewrapped(before, await Rotation.ReadStorageAsync(host), ring.Current.Id);
        await Rotation.AssertReadableAsync(host, persons);
    }
}

public abstract class KeysRotateConfiguredRingTests<THost>(THost host) where THost : MamoriHost
{
    [Fact]
    public async Task With_the_ring_in_configuration_rotate_prints_the_new_ring_before_and_after_rewrapping()
    {
        var persons = await Rotation.CreatePersonsAsync(host, 2);
        var before = await Rotation.ReadStorageAsync(host);
        // The key file moved into configuration as it is (one format for both).
        var keyFile = await File.ReadAllBytesAsync(Rotation.KeyFile(host), Rotation.Ct);
        var configured = MasterKeyFile.Load(Rotation.KeyFile(host));

        var result = await MamoriProcess.RunAsync(new Dictionary<string, string?> { [Rotation.MasterKeyVariable] = configured.ToBase64() },
            ["keys", "rotate", .. Rotation.Target(host)]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var printed = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, printed.Length); // stdout holds the rings and nothing else
        var during = MasterKeyRing.FromBase64(printed[0]);
        var after = MasterKeyRing.FromBase64(printed[1]);
        Assert.Equal(new[] { configured.Current.Id, during.Current.Id }.Order(), during.Keys.Select(k => k.Id).Order());
        Assert.Equal([during.Current.Id], after.Keys.Select(k => k.Id));
        Assert.Contains($"Store the ring printed last as {Rotation.MasterKeyVariable}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Re-wrapped {persons.Count} data key(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(keyFile, await File.ReadAllBytesAsync(Rotation.KeyFile(host), Rotation.Ct)); // configuration mode leaves files alone
        Rotation.AssertRewrapped(before, await Rotation.ReadStorageAsync(host), after.Current.Id);
        await Rotation.AssertReadableAsync(host, persons, masterKey: printed[1]);
    }
}

public sealed class KeysRotateWithoutARingTests
{
    [Fact]
    public async Task Rotate_without_a_key_file_or_configured_ring_fails_with_its_code_and_creates_nothing()
    {
        var dataDir = Directory.CreateTempSubdirectory("mamori-rotate-").FullName;
        var result = await MamoriProcess.RunAsync(new Dictionary<string, string?> { [Rotation.MasterKeyVariable] = null },
            "keys", "rotate", "--data-dir", dataDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[keys.ring_missing]", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dataDir));
        Directory.Delete(dataDir);
    }
}

public sealed class KeysRotateOnSqlite(SqliteHost host) : KeysRotateCommandTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class KeysRotateOnPostgres(PostgresHost host) : KeysRotateCommandTests<PostgresHost>(host), IClassFixture<PostgresHost>;

public sealed class KeysRotateConfiguredRingOnSqlite(SqliteHost host) : KeysRotateConfiguredRingTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class KeysRotateConfiguredRingOnPostgres(PostgresHost host) : KeysRotateConfiguredRingTests<PostgresHost>(host), IClassFixture<PostgresHost>;
