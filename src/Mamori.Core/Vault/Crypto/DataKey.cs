using System.Security.Cryptography;

namespace Mamori.Vault.Crypto;

/// <summary>
/// A person's 256-bit data key, unwrapped and in memory only. Every item of the person is encrypted under it, so
/// destroying its wrapped form destroys the person's data (crypto-shredding). Dispose it when the unit of work
/// ends: the bytes are zeroed, and they live on the pinned heap so the GC never leaves copies behind.
/// </summary>
public sealed class DataKey : IDisposable
{
    public const int Size = 32;

    private readonly byte[] material = GC.AllocateUninitializedArray<byte>(Size, pinned: true);
    private bool disposed;

    internal DataKey(Guid personId, ReadOnlySpan<byte> material)
    {
        if (material.Length != Size)
            throw new ArgumentException($"A data key is {Size} bytes.", nameof(material));
        PersonId = personId;
        material.CopyTo(this.material);
    }

    /// <summary>The person the key belongs to; it is bound into every ciphertext made with the key.</summary>
    public Guid PersonId { get; }

    internal ReadOnlySpan<byte> Material
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return material;
        }
    }

    internal static DataKey Generate(Guid personId)
    {
        Span<byte> fresh = stackalloc byte[Size];
        RandomNumberGenerator.Fill(fresh);
        try
        {
            return new DataKey(personId, fresh);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(material);
        disposed = true;
    }

    public override string ToString() => $"data key of person {PersonId}"; // never the material
}
