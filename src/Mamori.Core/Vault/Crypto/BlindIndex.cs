using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Mamori.Vault.Crypto;

/// <summary>The kinds of searchable field; each has its own derived key, so equal values in different kinds never
/// share an index.</summary>
public enum BlindIndexKind
{
    Email,
    Phone,
    Name,
    NameBirthdate,
}

/// <summary>
/// Blind indexes: HMAC-SHA256 over a normalised value, truncated to 16 bytes and hex-encoded (32 characters).
/// Stored beside the encrypted item, they let the vault find a person by exact email, phone or name + birthdate
/// without the database ever holding the value. Keys are derived with HKDF from the ring's blind-index root,
/// which master-key rotation leaves alone, so indexes stay valid across rotations. Thread-safe.
/// </summary>
/// <remarks>
/// A name alone is low in entropy and shared by many; search by <see cref="NameAndBirthdate"/> wherever possible.
/// Store one combined index per written form (kanji and kana) so either finds the person.
/// </remarks>
public sealed class BlindIndex
{
    public const int Size = 16;

    private const int StackLimit = 256;

    private readonly byte[][] keys;

    public BlindIndex(MasterKeyRing ring)
    {
        var kinds = Enum.GetValues<BlindIndexKind>();
        keys = new byte[kinds.Length][];
        foreach (var kind in kinds)
        {
            keys[(int)kind] = new byte[32];
            HKDF.DeriveKey(HashAlgorithmName.SHA256, ring.BlindIndexRoot, keys[(int)kind], salt: [], Label(kind));
        }
    }

    // Spelled out rather than derived from the enum names: renaming a member must not change every index.
    // The version is part of the label, so a change to normalisation gets new keys and a clean recompute.
    private static ReadOnlySpan<byte> Label(BlindIndexKind kind) => kind switch
    {
        BlindIndexKind.Email => "mamori/blind-index/v1/email"u8,
        BlindIndexKind.Phone => "mamori/blind-index/v1/phone"u8,
        BlindIndexKind.Name => "mamori/blind-index/v1/name"u8,
        BlindIndexKind.NameBirthdate => "mamori/blind-index/v1/name+birthdate"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public string Email(string email) => Compute(BlindIndexKind.Email, BlindIndexNormalizer.Email(email));

    public string Phone(string phone) => Compute(BlindIndexKind.Phone, BlindIndexNormalizer.Phone(phone));

    public string Name(string name) => Compute(BlindIndexKind.Name, BlindIndexNormalizer.Name(name));

    /// <summary>The index for name search. The fixed-length birthdate comes first, so the joined input is
    /// unambiguous without a separator.</summary>
    public string NameAndBirthdate(string name, DateOnly birthdate) =>
        Compute(BlindIndexKind.NameBirthdate, BlindIndexNormalizer.Birthdate(birthdate) + BlindIndexNormalizer.Name(name));

    private string Compute(BlindIndexKind kind, string normalised)
    {
        var length = Encoding.UTF8.GetByteCount(normalised);
        byte[]? rented = null;
        var utf8 = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        utf8 = utf8[..Encoding.UTF8.GetBytes(normalised, utf8)];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        try
        {
            HMACSHA256.HashData(keys[(int)kind], utf8, mac);
            return Convert.ToHexStringLower(mac[..Size]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(utf8);
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
