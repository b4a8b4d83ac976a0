using System.Text;
using Mamori.Vault.Crypto;
using Xunit;
using static Mamori.Core.Tests.Vault.TestKeys;

namespace Mamori.Core.Tests.Vault;

public sealed class ItemCipherTests : IDisposable
{
    private const string Category = "contact.email";
    private readonly DataKey key = NewDataKey();
    private readonly Guid itemId = Guid.NewGuid();

    public void Dispose() => key.Dispose();

    [Theory]
    [InlineData("taro.yamada@example.jp")]
    [InlineData("山田　太郎")]
    [InlineData("")]
    public void Text_round_trips(string text)
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, text);

        Assert.Equal(text, ItemCipher.DecryptText(key, Category, itemId, envelope));
    }

    [Fact]
    public void File_bytes_round_trip_like_text()
    {
        var scan = new byte[1_000_003];
        Random.Shared.NextBytes(scan);

        var envelope = ItemCipher.Encrypt(key, "application.scan", itemId, scan);

        Assert.Equal(scan, ItemCipher.Decrypt(key, "application.scan", itemId, envelope));
    }

    [Fact]
    public void Long_text_beyond_the_stack_buffer_round_trips()
    {
        var text = string.Concat(Enumerable.Repeat("保険契約の備考。", 500));

        Assert.Equal(text, ItemCipher.DecryptText(key, Category, itemId, ItemCipher.EncryptText(key, Category, itemId, text)));
    }

    [Fact]
    public void Span_api_writes_into_caller_buffers()
    {
        var plaintext = "090-1234-5678"u8;
        Span<byte> envelope = stackalloc byte[ItemCipher.GetSealedLength(plaintext.Length)];
        ItemCipher.Encrypt(key, "contact.phone", itemId, plaintext, envelope);

        Span<byte> decrypted = stackalloc byte[ItemCipher.GetPlaintextLength(envelope)];
        ItemCipher.Decrypt(key, "contact.phone", itemId, envelope, decrypted);

        Assert.True(decrypted.SequenceEqual(plaintext));
    }

    [Fact]
    public void Envelope_is_version_nonce_tag_ciphertext_and_hides_the_value()
    {
        var value = "hidden-value-7f3a"u8.ToArray();

        var envelope = ItemCipher.Encrypt(key, Category, itemId, value);

        Assert.Equal(1 + 12 + 16 + value.Length, envelope.Length);
        Assert.Equal(ItemCipher.Version1, envelope[0]);
        Assert.Equal(-1, envelope.AsSpan().IndexOf(value));
    }

    [Fact]
    public void Same_value_encrypts_differently_each_time()
    {
        var first = ItemCipher.EncryptText(key, Category, itemId, "same");
        var second = ItemCipher.EncryptText(key, Category, itemId, "same");

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData(1, "nonce, first byte")]
    [InlineData(12, "nonce, last byte")]
    [InlineData(13, "tag, first byte")]
    [InlineData(28, "tag, last byte")]
    [InlineData(29, "ciphertext, first byte")]
    [InlineData(-1, "ciphertext, last byte")]
    public void A_flipped_bit_anywhere_is_tampering(int index, string where)
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, "taro.yamada@example.jp");
        var at = index < 0 ? envelope.Length + index : index;

        var e = Fails(() => ItemCipher.DecryptText(key, Category, itemId, Flip(envelope, at, 0x80)));

        Assert.True(e.Code == CryptoErrors.Tampered, where);
    }

    [Fact]
    public void An_unknown_version_byte_is_reported_as_such()
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, "x");

        var e = Fails(() => ItemCipher.DecryptText(key, Category, itemId, Flip(envelope, 0, 0x02)));

        Assert.Equal(CryptoErrors.UnsupportedVersion, e.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(28)]
    public void A_truncated_envelope_is_tampering(int length)
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, "x");

        var e = Fails(() => ItemCipher.DecryptText(key, Category, itemId, envelope.AsSpan(0, length)));

        Assert.Equal(CryptoErrors.Tampered, e.Code);
    }

    [Fact]
    public void A_ciphertext_moved_to_another_person_does_not_decrypt()
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, "taro.yamada@example.jp");
        using var sameKeyOtherPerson = SameKeyFor(key, Guid.NewGuid());

        var e = Fails(() => ItemCipher.DecryptText(sameKeyOtherPerson, Category, itemId, envelope));

        Assert.Equal(CryptoErrors.Tampered, e.Code);
    }

    [Fact]
    public void A_ciphertext_moved_to_another_category_does_not_decrypt()
    {
        var envelope = ItemCipher.EncryptText(key, "contact.email", itemId, "taro.yamada@example.jp");

        var e = Fails(() => ItemCipher.DecryptText(key, "contact.email_work", itemId, envelope));

        Assert.Equal(CryptoErrors.Tampered, e.Code);
    }

    [Fact]
    public void A_ciphertext_moved_to_another_item_does_not_decrypt()
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, "taro.yamada@example.jp");

        var e = Fails(() => ItemCipher.DecryptText(key, Category, Guid.NewGuid(), envelope));

        Assert.Equal(CryptoErrors.Tampered, e.Code);
    }

    [Fact]
    public void Another_persons_key_does_not_decrypt()
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, "x");
        using var other = NewDataKey(key.PersonId);

        Assert.Equal(CryptoErrors.Tampered, Fails(() => ItemCipher.DecryptText(other, Category, itemId, envelope)).Code);
    }

    [Fact]
    public void A_disposed_key_is_zeroed_and_refuses_work()
    {
        var disposable = NewDataKey();
        disposable.Dispose();

        Assert.Throws<ObjectDisposedException>(() => ItemCipher.EncryptText(disposable, Category, itemId, "x"));
    }

    [Fact]
    public void Category_ids_are_bounded()
    {
        var tooLong = new string('c', ItemCipher.MaxCategoryIdBytes + 1);

        Assert.Throws<ArgumentException>(() => ItemCipher.EncryptText(key, tooLong, itemId, "x"));
        Assert.Throws<ArgumentException>(() => ItemCipher.EncryptText(key, "", itemId, "x"));
    }

    [Fact]
    public void Utf8_is_the_text_encoding()
    {
        var envelope = ItemCipher.EncryptText(key, Category, itemId, "やまだ");

        Assert.Equal(Encoding.UTF8.GetBytes("やまだ"), ItemCipher.Decrypt(key, Category, itemId, envelope));
    }
}
