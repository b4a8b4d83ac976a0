using System.Security.Cryptography;

namespace Mamori.Vault.Crypto;

/// <summary>
/// A 256-bit master key (a key-encryption key): it wraps the per-person data keys and never touches an item.
/// Its id is stored beside every data key it wrapped, so rotation knows what still needs re-wrapping.
/// </summary>
public sealed class MasterKey
{
    public const int Size = 32;
    public const int MaxIdLength = 32;

    private readonly byte[] material;

    internal MasterKey(string id, DateTimeOffset createdAt, byte[] material)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
            throw new ArgumentException($"A master key id is 1–{MaxIdLength} characters.", nameof(id));
        if (material.Length != Size)
            throw new ArgumentException($"A master key is {Size} bytes.", nameof(material));
        Id = id;
        CreatedAt = createdAt;
        this.material = material;
    }

    public string Id { get; }

    public DateTimeOffset CreatedAt { get; }

    internal ReadOnlySpan<byte> Material => material;

    /// <summary>A fresh random key. The id is random too, so rings built on different machines never clash.</summary>
    internal static MasterKey Generate(TimeProvider clock) =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), clock.GetUtcNow(), RandomNumberGenerator.GetBytes(Size));

    public override string ToString() => $"master key {Id}"; // never the material
}
