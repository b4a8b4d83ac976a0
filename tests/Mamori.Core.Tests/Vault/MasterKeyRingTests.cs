using System.Text;
using Mamori.Vault.Crypto;
using Xunit;
using static Mamori.Core.Tests.Vault.TestKeys;

namespace Mamori.Core.Tests.Vault;

public sealed class MasterKeyRingTests
{
    [Fact]
    public void A_new_ring_has_one_current_key()
    {
        var ring = NewRing();

        Assert.Single(ring.Keys);
        Assert.Same(ring.Current, ring.Keys[0]);
        Assert.Matches("^[0-9a-f]{8}$", ring.Current.Id);
    }

    [Fact]
    public void Rotation_adds_a_current_key_keeps_the_old_and_leaves_blind_indexes_alone()
    {
        var ring = NewRing();

        var rotated = ring.Rotate(Clock);

        Assert.Equal(2, rotated.Keys.Count);
        Assert.NotEqual(ring.Current.Id, rotated.Current.Id);
        Assert.Contains(rotated.Keys, k => k.Id == ring.Current.Id);
        Assert.Equal(new BlindIndex(ring).Email("a@example.jp"), new BlindIndex(rotated).Email("a@example.jp"));
    }

    [Fact]
    public void The_current_key_cannot_be_removed()
    {
        var ring = NewRing().Rotate(Clock);

        Assert.Equal(CryptoErrors.CurrentKeyInUse, Fails(() => ring.Without(ring.Current.Id)).Code);
        Assert.Single(ring.Without(ring.Keys[0].Id).Keys);
    }

    [Fact]
    public void A_ring_survives_the_configuration_round_trip()
    {
        var ring = NewRing().Rotate(Clock);
        using var key = NewDataKey();
        var wrapped = DataKeyWrap.Wrap(ring, key);

        var restored = MasterKeyRing.FromBase64(ring.ToBase64());

        Assert.Equal(ring.Current.Id, restored.Current.Id);
        Assert.Equal(ring.Keys.Select(k => k.Id), restored.Keys.Select(k => k.Id));
        using var unwrapped = DataKeyWrap.Unwrap(restored, key.PersonId, wrapped);
        Assert.Equal(new BlindIndex(ring).Phone("03-1234-5678"), new BlindIndex(restored).Phone("03-1234-5678"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("e30=")] // "{}"
    [InlineData("bnVsbA==")] // "null"
    public void A_bad_configured_ring_fails_with_its_code(string configured)
    {
        Assert.Equal(CryptoErrors.ConfigInvalid, Fails(() => MasterKeyRing.FromBase64(configured)).Code);
    }

    [Fact]
    public void A_configured_ring_with_a_short_key_is_refused()
    {
        var json = $$"""
            {"format":"mamori-master-keys/1","current":"k1",
             "wrappingKeys":[{"id":"k1","created":"2025-04-01T00:00:00Z","key":"{{Convert.ToBase64String(new byte[16])}}"}],
             "blindIndexKey":"{{Convert.ToBase64String(new byte[32])}}"}
            """;

        var e = Fails(() => MasterKeyRing.FromBase64(Convert.ToBase64String(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(CryptoErrors.ConfigInvalid, e.Code);
    }

    [Fact]
    public void Configuration_wins_over_the_key_file()
    {
        using var dir = new TempDirectory();
        var configured = NewRing();

        var ring = MasterKeyRing.Resolve(configured.ToBase64(), dir.Path, Clock);

        Assert.Equal(configured.Current.Id, ring.Current.Id);
        Assert.False(File.Exists(MasterKeyFile.PathIn(dir.Path)));
    }

    [Fact]
    public void Without_configuration_the_key_file_is_used()
    {
        using var dir = new TempDirectory();

        var first = MasterKeyRing.Resolve(null, dir.Path, Clock);
        var second = MasterKeyRing.Resolve("", dir.Path, Clock);

        Assert.Equal(first.Current.Id, second.Current.Id);
    }

    [Fact]
    public void Neither_ring_nor_key_shows_material_in_ToString()
    {
        var ring = NewRing();

        Assert.DoesNotContain(Convert.ToBase64String(ring.Current.Material), ring.ToString() + ring.Current);
    }
}
