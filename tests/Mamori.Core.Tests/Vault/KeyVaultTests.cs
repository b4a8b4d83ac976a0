using Mamori.Data;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Mamori.Core.Tests.Vault.TestKeys;

namespace Mamori.Core.Tests.Vault;

public sealed class KeyVaultTests : IDisposable
{
    private const string Category = "contact.email";
    private readonly VaultDatabase database = new();
    private readonly TempDirectory dataDirectory = new();
    private readonly MasterKeyRing ring = NewRing();
    private readonly Guid person = Guid.NewGuid();
    private readonly Guid itemId = Guid.NewGuid();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ShreddedKeyLog Log => ShreddedKeyLog.InDataDirectory(dataDirectory.Path);

    public void Dispose()
    {
        database.Dispose();
        dataDirectory.Dispose();
    }

    private KeyVault Vault(MamoriDb db, MasterKeyRing? keys = null) => new(db, keys ?? ring, Log, Clock);

    /// <summary>Creates the person's key and one stored item, as the vault does when a person is added.</summary>
    private async Task<byte[]> StorePersonAsync(Guid personId, string value, MasterKeyRing? keys = null)
    {
        using var db = database.NewContext();
        using var key = await Vault(db, keys).CreateDataKeyAsync(personId, Ct);
        var envelope = ItemCipher.EncryptText(key, Category, itemId, value);
        await db.SaveChangesAsync(Ct);
        return envelope;
    }

    private async Task<string> ReadAsync(Guid personId, byte[] envelope, MasterKeyRing? keys = null)
    {
        using var db = database.NewContext();
        using var key = await Vault(db, keys).GetDataKeyAsync(personId, Ct);
        return ItemCipher.DecryptText(key, Category, itemId, envelope);
    }

    private async Task<MamoriException> ReadFailsAsync(Guid personId, byte[] envelope) =>
        await Assert.ThrowsAsync<MamoriException>(() => ReadAsync(personId, envelope));

    private async Task ShredAsync(Guid personId)
    {
        using var db = database.NewContext();
        await Vault(db).ShredAsync(personId, "request R-0042: erasure (消去)", "privacy.officer", Ct);
    }

    private async Task<List<PersonKey>> KeyRowsAsync()
    {
        using var db = database.NewContext();
        return await db.Set<PersonKey>().AsNoTracking().OrderBy(k => k.PersonId).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_stored_key_is_found_again_in_a_later_unit_of_work()
    {
        var envelope = await StorePersonAsync(person, "taro@example.jp");

        Assert.Equal("taro@example.jp", await ReadAsync(person, envelope));
        var row = Assert.Single(await KeyRowsAsync());
        Assert.Equal(ring.Current.Id, row.MasterKeyId);
        Assert.Equal(Clock.GetUtcNow(), row.CreatedAt);
    }

    [Fact]
    public async Task A_person_gets_one_key_only()
    {
        await StorePersonAsync(person, "x");
        using var db = database.NewContext();

        var e = await Assert.ThrowsAsync<MamoriException>(() => Vault(db).CreateDataKeyAsync(person, Ct));

        Assert.Equal(CryptoErrors.KeyExists, e.Code);
    }

    [Fact]
    public async Task A_person_without_a_key_is_reported_missing()
    {
        var e = await ReadFailsAsync(Guid.NewGuid(), new byte[40]);

        Assert.Equal(CryptoErrors.KeyMissing, e.Code);
    }

    [Fact]
    public async Task A_wrapped_key_copied_onto_another_person_is_tampering()
    {
        var victim = Guid.NewGuid();
        await StorePersonAsync(person, "x");
        await StorePersonAsync(victim, "y");
        using (var db = database.NewContext())
        {
            var source = await db.Set<PersonKey>().SingleAsync(k => k.PersonId == person, Ct);
            var target = await db.Set<PersonKey>().SingleAsync(k => k.PersonId == victim, Ct);
            target.Store(source.Wrapped, Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        }

        var e = await ReadFailsAsync(victim, new byte[40]);

        Assert.Equal(CryptoErrors.Tampered, e.Code);
    }

    [Fact]
    public async Task Shredding_destroys_the_key_and_items_become_unreadable()
    {
        var envelope = await StorePersonAsync(person, "taro@example.jp");

        await ShredAsync(person);

        Assert.Equal(CryptoErrors.KeyShredded, (await ReadFailsAsync(person, envelope)).Code);
        Assert.Empty(await KeyRowsAsync());
    }

    [Fact]
    public async Task Shredding_leaves_a_tombstone_in_the_database_and_the_log()
    {
        await StorePersonAsync(person, "x");

        await ShredAsync(person);

        using var db = database.NewContext();
        var tombstone = await db.Set<ShreddedKey>().SingleAsync(Ct);
        Assert.Equal(person, tombstone.PersonId);
        Assert.Equal(Clock.GetUtcNow(), tombstone.ShreddedAt);
        Assert.Equal("request R-0042: erasure (消去)", tombstone.Reason);
        Assert.Equal("privacy.officer", tombstone.Actor);
        var logged = Assert.Single(Log.ReadAll());
        Assert.Equivalent(tombstone, logged);
        Assert.True(await Vault(db).IsShreddedAsync(person, Ct));
    }

    [Fact]
    public async Task Shredding_twice_keeps_the_first_tombstone()
    {
        await ShredAsync(person);
        Clock.Advance(TimeSpan.FromDays(1));
        using var db = database.NewContext();

        var again = await Vault(db).ShredAsync(person, "again", "system", Ct);

        Assert.Equal("privacy.officer", again.Actor);
        Assert.Single(Log.ReadAll());
    }

    [Fact]
    public async Task An_erased_person_cannot_be_given_a_new_key()
    {
        await StorePersonAsync(person, "x");
        await ShredAsync(person);
        using var db = database.NewContext();

        var e = await Assert.ThrowsAsync<MamoriException>(() => Vault(db).CreateDataKeyAsync(person, Ct));

        Assert.Equal(CryptoErrors.KeyShredded, e.Code);
    }

    [Fact]
    public async Task Shredding_commits_what_the_caller_has_pending_in_the_same_transaction()
    {
        await StorePersonAsync(person, "x");
        var other = Guid.NewGuid();
        using (var db = database.NewContext())
        {
            using var pending = await Vault(db).CreateDataKeyAsync(other, Ct); // not saved by the caller
            await Vault(db).ShredAsync(person, "erasure", "system", Ct);
        }

        Assert.Equal(other, Assert.Single(await KeyRowsAsync()).PersonId);
    }

    [Fact]
    public async Task Rotation_rewraps_every_key_and_leaves_item_ciphertexts_unchanged()
    {
        var persons = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var envelopes = new List<byte[]>();
        foreach (var p in persons)
            envelopes.Add(await StorePersonAsync(p, $"{p}@example.jp"));
        var before = envelopes.Select(e => (byte[])e.Clone()).ToList();
        var rotated = ring.Rotate(Clock);
        Clock.Advance(TimeSpan.FromHours(1));

        int rewrapped;
        using (var db = database.NewContext())
            rewrapped = await Vault(db, rotated).RewrapAllAsync(Ct);

        Assert.Equal(3, rewrapped);
        Assert.All(await KeyRowsAsync(), k =>
        {
            Assert.Equal(rotated.Current.Id, k.MasterKeyId);
            Assert.Equal(Clock.GetUtcNow(), k.WrappedAt);
        });
        Assert.Equal(before, envelopes);
        var withoutOldKey = rotated.Without(ring.Current.Id);
        for (var i = 0; i < persons.Length; i++)
            Assert.Equal($"{persons[i]}@example.jp", await ReadAsync(persons[i], envelopes[i], withoutOldKey));
    }

    [Fact]
    public async Task After_rotation_only_the_new_key_is_in_use_and_a_second_run_has_nothing_to_do()
    {
        await StorePersonAsync(person, "x");
        var rotated = ring.Rotate(Clock);
        using var db = database.NewContext();
        var vault = Vault(db, rotated);
        Assert.Equal([ring.Current.Id], await vault.MasterKeyIdsInUseAsync(Ct));

        await vault.RewrapAllAsync(Ct);

        Assert.Equal([rotated.Current.Id], await vault.MasterKeyIdsInUseAsync(Ct));
        Assert.Equal(0, await vault.RewrapAllAsync(Ct));
    }

    [Fact]
    public async Task Rotation_moves_more_keys_than_one_batch()
    {
        using (var db = database.NewContext())
        {
            var vault = Vault(db);
            for (var i = 0; i < 1_203; i++)
                (await vault.CreateDataKeyAsync(Guid.NewGuid(), Ct)).Dispose();
            await db.SaveChangesAsync(Ct);
        }
        var rotated = ring.Rotate(Clock);

        using var rotation = database.NewContext();
        Assert.Equal(1_203, await Vault(rotation, rotated).RewrapAllAsync(Ct));
        Assert.Empty(rotation.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Reapplying_the_shredded_list_after_a_restore_destroys_the_resurrected_key()
    {
        var envelope = await StorePersonAsync(person, "taro@example.jp");
        var survivor = Guid.NewGuid();
        var survivorEnvelope = await StorePersonAsync(survivor, "hanako@example.jp");
        using var lastNightsBackup = database.Backup();
        await ShredAsync(person);

        database.Restore(lastNightsBackup);
        Assert.Equal("taro@example.jp", await ReadAsync(person, envelope)); // the danger: erased data is back

        KeyVault.Reapplied result;
        using (var db = database.NewContext())
            result = await Vault(db).ReapplyShreddingAsync(Ct);

        Assert.Equal(new KeyVault.Reapplied(TombstonesRestored: 1, KeysDestroyed: 1, LogEntriesRestored: 0), result);
        Assert.Equal(CryptoErrors.KeyShredded, (await ReadFailsAsync(person, envelope)).Code);
        Assert.Equal("hanako@example.jp", await ReadAsync(survivor, survivorEnvelope));
        using var check = database.NewContext();
        Assert.Equal("request R-0042: erasure (消去)", (await check.Set<ShreddedKey>().SingleAsync(Ct)).Reason);
    }

    [Fact]
    public async Task Reapplying_is_idempotent()
    {
        await StorePersonAsync(person, "x");
        await ShredAsync(person);
        using var db = database.NewContext();

        var result = await Vault(db).ReapplyShreddingAsync(Ct);

        Assert.Equal(new KeyVault.Reapplied(0, 0, 0), result);
    }

    [Fact]
    public async Task A_lost_log_file_is_rebuilt_from_the_database()
    {
        await ShredAsync(person);
        File.Delete(Log.Path);
        using var db = database.NewContext();

        var result = await Vault(db).ReapplyShreddingAsync(Ct);

        Assert.Equal(new KeyVault.Reapplied(0, 0, 1), result);
        Assert.Equal(person, Assert.Single(Log.ReadAll()).PersonId);
    }

    [Fact]
    public async Task A_logged_shred_whose_database_write_never_happened_is_finished()
    {
        await StorePersonAsync(person, "x");
        Log.Append(new ShreddedKey { PersonId = person, ShreddedAt = Clock.GetUtcNow(), Reason = "erasure", Actor = "system" });
        using var db = database.NewContext();

        var result = await Vault(db).ReapplyShreddingAsync(Ct);

        Assert.Equal(new KeyVault.Reapplied(1, 1, 0), result);
        Assert.Empty(await KeyRowsAsync());
    }
}
