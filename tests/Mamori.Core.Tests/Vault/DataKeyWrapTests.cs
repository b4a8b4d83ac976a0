using Mamori.Vault.Crypto;
using Xunit;
using static Mamori.Core.Tests.Vault.TestKeys;

namespace Mamori.Core.Tests.Vault;

public sealed class DataKeyWrapTests
{
    private readonly MasterKeyRing ring = NewRing();
    private readonly Guid person = Guid.NewGuid();
    private readonly Guid itemId = Guid.NewGuid();

    [Fact]
    public void A_wrapped_key_unwraps_to_the_same_key()
    {
        using var key = NewDataKey(person);
        var envelope = ItemCipher.EncryptText(key, "contact.name", itemId, "山田太郎");

        var wrapped = DataKeyWrap.Wrap(ring, key);
        using var unwrapped = DataKeyWrap.Unwrap(ring, person, wrapped);

        Assert.Equal(ring.Current.Id, wrapped.MasterKeyId);
        Assert.Equal(12, wrapped.Nonce.Length);
        Assert.Equal(48, wrapped.Ciphertext.Length);
        Assert.Equal("山田太郎", ItemCipher.DecryptText(unwrapped, "contact.name", itemId, envelope));
    }

    [Fact]
    public void A_wrapped_key_copied_to_another_person_does_not_unwrap()
    {
        using var key = NewDataKey(person);
        var wrapped = DataKeyWrap.Wrap(ring, key);

        var e = Fails(() => DataKeyWrap.Unwrap(ring, Guid.NewGuid(), wrapped));

        Assert.Equal(CryptoErrors.Tampered, e.Code);
    }

    [Theory]
    [InlineData("nonce")]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    public void A_flipped_bit_in_a_wrapped_key_is_tampering(string part)
    {
        using var key = NewDataKey(person);
        var w = DataKeyWrap.Wrap(ring, key);
        var altered = part switch
        {
            "nonce" => w with { Nonce = Flip(w.Nonce, 5) },
            "ciphertext" => w with { Ciphertext = Flip(w.Ciphertext, 0) },
            _ => w with { Ciphertext = Flip(w.Ciphertext, 47) },
        };

        Assert.Equal(CryptoErrors.Tampered, Fails(() => DataKeyWrap.Unwrap(ring, person, altered)).Code);
    }

    [Fact]
    public void A_wrapped_key_of_the_wrong_size_is_tampering()
    {
        using var key = NewDataKey(person);
        var w = DataKeyWrap.Wrap(ring, key);

        Assert.Equal(CryptoErrors.Tampered, Fails(() => DataKeyWrap.Unwrap(ring, person, w with { Nonce = [1, 2, 3] })).Code);
        Assert.Equal(CryptoErrors.Tampered, Fails(() => DataKeyWrap.Unwrap(ring, person, w with { Ciphertext = w.Ciphertext[..40] })).Code);
    }

    [Fact]
    public void Another_installations_ring_cannot_unwrap()
    {
        using var key = NewDataKey(person);
        var wrapped = DataKeyWrap.Wrap(ring, key);

        Assert.Equal(CryptoErrors.UnknownKeyId, Fails(() => DataKeyWrap.Unwrap(NewRing(), person, wrapped)).Code);
    }

    [Fact]
    public void Rewrap_moves_the_key_to_the_new_master_key_and_leaves_items_untouched()
    {
        using var key = NewDataKey(person);
        var envelope = ItemCipher.EncryptText(key, "contact.email", itemId, "taro@example.jp");
        var before = (byte[])envelope.Clone();
        var wrapped = DataKeyWrap.Wrap(ring, key);

        var rotated = ring.Rotate(Clock);
        var rewrapped = DataKeyWrap.Rewrap(rotated, person, wrapped);
        using var unwrapped = DataKeyWrap.Unwrap(rotated.Without(ring.Current.Id), person, rewrapped);

        Assert.Equal(rotated.Current.Id, rewrapped.MasterKeyId);
        Assert.NotEqual(wrapped.MasterKeyId, rewrapped.MasterKeyId);
        Assert.Equal(before, envelope);
        Assert.Equal("taro@example.jp", ItemCipher.DecryptText(unwrapped, "contact.email", itemId, envelope));
    }
}
