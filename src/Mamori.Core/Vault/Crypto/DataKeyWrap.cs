using System.Security.Cryptography;

namespace Mamori.Vault.Crypto;

/// <summary>
/// Envelope encryption of data keys under the master key ring. Re-wrapping changes only the small wrapped key,
/// never an item's ciphertext: that is what makes master-key rotation cheap.
/// </summary>
public static class DataKeyWrap
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int CiphertextSize = DataKey.Size + TagSize;

    // Domain label + person id: a wrapped key only opens for the person it was made for.
    private static ReadOnlySpan<byte> Label => "mamori/data-key/v1"u8;

    public static WrappedDataKey Wrap(MasterKeyRing ring, DataKey key)
    {
        var master = ring.Current;
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[CiphertextSize];
        Span<byte> aad = stackalloc byte[Label.Length + 16];
        WriteAad(key.PersonId, aad);

        using var aes = new AesGcm(master.Material, TagSize);
        aes.Encrypt(nonce, key.Material, ciphertext.AsSpan(0, DataKey.Size), ciphertext.AsSpan(DataKey.Size), aad);
        return new WrappedDataKey(master.Id, nonce, ciphertext);
    }

    public static DataKey Unwrap(MasterKeyRing ring, Guid personId, WrappedDataKey wrapped)
    {
        if (wrapped.Nonce.Length != NonceSize || wrapped.Ciphertext.Length != CiphertextSize)
            throw Tampered(personId);
        var master = ring.Get(wrapped.MasterKeyId);
        Span<byte> aad = stackalloc byte[Label.Length + 16];
        WriteAad(personId, aad);
        Span<byte> plain = stackalloc byte[DataKey.Size];
        try
        {
            using var aes = new AesGcm(master.Material, TagSize);
            aes.Decrypt(wrapped.Nonce, wrapped.Ciphertext.AsSpan(0, DataKey.Size), wrapped.Ciphertext.AsSpan(DataKey.Size), plain, aad);
            return new DataKey(personId, plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw Tampered(personId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>The same data key wrapped under the ring's current master key (key rotation).</summary>
    public static WrappedDataKey Rewrap(MasterKeyRing ring, Guid personId, WrappedDataKey wrapped)
    {
        using var key = Unwrap(ring, personId, wrapped);
        return Wrap(ring, key);
    }

    private static void WriteAad(Guid personId, Span<byte> aad)
    {
        Label.CopyTo(aad);
        personId.TryWriteBytes(aad[Label.Length..]);
    }

    private static MamoriException Tampered(Guid personId) =>
        new(CryptoErrors.Tampered, $"The wrapped data key of person {personId} failed authentication (altered, or not this person's).");
}
