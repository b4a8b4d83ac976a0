using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Mamori.Vault.Crypto;

/// <summary>
/// AES-256-GCM of one item value (text as UTF-8, or a file's bytes alike) under the person's data key.
/// </summary>
/// <remarks>
/// <para>Envelope, version 1: <c>[version 1 byte][nonce 12][tag 16][ciphertext]</c> — 29 bytes of overhead.</para>
/// <para>Associated data: version, person id, item id and category id. A ciphertext copied onto another person,
/// item or category therefore fails to decrypt instead of showing a value where it does not belong.</para>
/// <para>Nonces are random: a data key encrypts one person's items, far below the 2^32 messages where random
/// 96-bit nonces would start to risk a repeat.</para>
/// </remarks>
public static class ItemCipher
{
    public const byte Version1 = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = 1 + NonceSize + TagSize;
    public const int MaxCategoryIdBytes = 128;

    private const int NonceAt = 1;
    private const int TagAt = NonceAt + NonceSize;
    private const int CiphertextAt = TagAt + TagSize;
    private const int StackLimit = 256;

    public static int GetSealedLength(int plaintextLength) => checked(Overhead + plaintextLength);

    public static int GetPlaintextLength(ReadOnlySpan<byte> envelope) =>
        envelope.Length >= Overhead ? envelope.Length - Overhead : throw Tampered();

    /// <summary>Encrypts into <paramref name="envelope"/>, which must be exactly <see cref="GetSealedLength"/> long.</summary>
    public static void Encrypt(DataKey key, string categoryId, Guid itemId, ReadOnlySpan<byte> plaintext, Span<byte> envelope)
    {
        if (envelope.Length != GetSealedLength(plaintext.Length))
            throw new ArgumentException("The envelope buffer must be GetSealedLength(plaintext.Length) bytes.", nameof(envelope));
        Span<byte> aad = stackalloc byte[AadMaxLength];
        aad = WriteAad(Version1, key.PersonId, categoryId, itemId, aad);

        envelope[0] = Version1;
        var nonce = envelope.Slice(NonceAt, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plaintext, envelope[CiphertextAt..], envelope.Slice(TagAt, TagSize), aad);
    }

    /// <summary>Decrypts into <paramref name="plaintext"/>, which must be exactly <see cref="GetPlaintextLength"/> long.</summary>
    /// <exception cref="MamoriException"><see cref="CryptoErrors.Tampered"/> when the envelope was altered or belongs
    /// elsewhere; <see cref="CryptoErrors.UnsupportedVersion"/> for an unknown format.</exception>
    public static void Decrypt(DataKey key, string categoryId, Guid itemId, ReadOnlySpan<byte> envelope, Span<byte> plaintext)
    {
        if (plaintext.Length != GetPlaintextLength(envelope))
            throw new ArgumentException("The plaintext buffer must be GetPlaintextLength(envelope) bytes.", nameof(plaintext));
        if (envelope[0] != Version1)
            throw new MamoriException(CryptoErrors.UnsupportedVersion, $"Item envelope version {envelope[0]} is not supported.");
        Span<byte> aad = stackalloc byte[AadMaxLength];
        aad = WriteAad(Version1, key.PersonId, categoryId, itemId, aad);

        try
        {
            using var aes = new AesGcm(key.Material, TagSize);
            aes.Decrypt(envelope.Slice(NonceAt, NonceSize), envelope[CiphertextAt..], envelope.Slice(TagAt, TagSize), plaintext, aad);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw Tampered(); // AesGcm has already cleared the plaintext buffer.
        }
    }

    public static byte[] Encrypt(DataKey key, string categoryId, Guid itemId, ReadOnlySpan<byte> plaintext)
    {
        var envelope = new byte[GetSealedLength(plaintext.Length)];
        Encrypt(key, categoryId, itemId, plaintext, envelope);
        return envelope;
    }

    public static byte[] Decrypt(DataKey key, string categoryId, Guid itemId, ReadOnlySpan<byte> envelope)
    {
        var plaintext = new byte[GetPlaintextLength(envelope)];
        Decrypt(key, categoryId, itemId, envelope, plaintext);
        return plaintext;
    }

    /// <summary>Encrypts text as UTF-8; the temporary UTF-8 bytes are zeroed afterwards.</summary>
    public static byte[] EncryptText(DataKey key, string categoryId, Guid itemId, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        byte[]? rented = null;
        var utf8 = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        utf8 = utf8[..Encoding.UTF8.GetBytes(text, utf8)];
        try
        {
            return Encrypt(key, categoryId, itemId, utf8);
        }
        finally
        {
            Release(utf8, rented);
        }
    }

    public static string DecryptText(DataKey key, string categoryId, Guid itemId, ReadOnlySpan<byte> envelope)
    {
        var length = GetPlaintextLength(envelope);
        byte[]? rented = null;
        var utf8 = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        utf8 = utf8[..length];
        try
        {
            Decrypt(key, categoryId, itemId, envelope, utf8);
            return Encoding.UTF8.GetString(utf8);
        }
        finally
        {
            Release(utf8, rented);
        }
    }

    private const int AadMaxLength = 1 + 16 + 16 + MaxCategoryIdBytes;

    // Fixed-width fields first, the variable category last: the encoding is unambiguous without separators.
    private static Span<byte> WriteAad(byte version, Guid personId, string categoryId, Guid itemId, Span<byte> aad)
    {
        if (string.IsNullOrEmpty(categoryId))
            throw new ArgumentException("A category id is required.", nameof(categoryId));
        aad[0] = version;
        personId.TryWriteBytes(aad[1..17]);
        itemId.TryWriteBytes(aad[17..33]);
        if (!Encoding.UTF8.TryGetBytes(categoryId, aad[33..], out var written))
            throw new ArgumentException($"A category id is at most {MaxCategoryIdBytes} UTF-8 bytes.", nameof(categoryId));
        return aad[..(33 + written)];
    }

    private static void Release(Span<byte> used, byte[]? rented)
    {
        CryptographicOperations.ZeroMemory(used);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }

    private static MamoriException Tampered() =>
        new(CryptoErrors.Tampered, "The item's ciphertext failed authentication (altered, truncated, or not this person's, category's or item's).");
}
