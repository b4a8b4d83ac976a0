using System.Security.Cryptography;

namespace Mamori.Vault.Crypto;

/// <summary>
/// The master keys of one installation: the current wrapping key, older ones kept until every data key has been
/// re-wrapped, and the blind-index root key. The ring is immutable; <see cref="Rotate"/> and <see cref="Without"/>
/// return a new ring for the caller to persist (<see cref="MasterKeyFile.Save"/> or a new configuration value).
/// </summary>
/// <remarks>
/// The blind-index root is separate from the wrapping keys on purpose: rotating the wrapping key must not change
/// any blind index, or every search column would need recomputing from decrypted values.
/// </remarks>
public sealed class MasterKeyRing
{
    private readonly Dictionary<string, MasterKey> keysById;
    private readonly byte[] blindIndexRoot;

    internal MasterKeyRing(IEnumerable<MasterKey> keys, string currentId, byte[] blindIndexRoot)
    {
        keysById = new Dictionary<string, MasterKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!keysById.TryAdd(key.Id, key))
                throw new ArgumentException($"Master key id '{key.Id}' appears twice.", nameof(keys));
        }
        if (!keysById.TryGetValue(currentId, out var current))
            throw new ArgumentException($"The current master key '{currentId}' is not in the ring.", nameof(currentId));
        if (blindIndexRoot.Length != MasterKey.Size)
            throw new ArgumentException($"The blind-index root key is {MasterKey.Size} bytes.", nameof(blindIndexRoot));
        Current = current;
        this.blindIndexRoot = blindIndexRoot;
    }

    /// <summary>The key new and re-wrapped data keys are wrapped with.</summary>
    public MasterKey Current { get; }

    /// <summary>Every key in the ring, the current one included, oldest first.</summary>
    public IReadOnlyList<MasterKey> Keys => [.. keysById.Values.OrderBy(k => k.CreatedAt)];

    internal ReadOnlySpan<byte> BlindIndexRoot => blindIndexRoot;

    /// <summary>A 256-bit key for one named use beside the vault (e.g. protecting the web host's Data Protection keys),
    /// derived from the root that rotation keeps, so what it protects survives a rotation.</summary>
    public byte[] DeriveKey(string use) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, blindIndexRoot, MasterKey.Size, salt: [], System.Text.Encoding.UTF8.GetBytes("mamori/derived/v1/" + use));

    /// <summary>A ring with one fresh wrapping key and a fresh blind-index root.</summary>
    public static MasterKeyRing CreateNew(TimeProvider clock)
    {
        var first = MasterKey.Generate(clock);
        return new MasterKeyRing([first], first.Id, RandomNumberGenerator.GetBytes(MasterKey.Size));
    }

    /// <summary>The ring with a new current wrapping key; older keys stay so existing data keys still unwrap.</summary>
    public MasterKeyRing Rotate(TimeProvider clock)
    {
        var next = MasterKey.Generate(clock);
        while (keysById.ContainsKey(next.Id))
            next = MasterKey.Generate(clock);
        return new MasterKeyRing([.. keysById.Values, next], next.Id, blindIndexRoot);
    }

    /// <summary>The ring without a retired key. Only safe once no data key is wrapped under it
    /// (see <see cref="KeyVault.MasterKeyIdsInUseAsync"/>).</summary>
    public MasterKeyRing Without(string keyId)
    {
        if (keyId == Current.Id)
            throw new MamoriException(CryptoErrors.CurrentKeyInUse, $"Master key {keyId} is the current key and cannot be removed.");
        return new MasterKeyRing(keysById.Values.Where(k => k.Id != keyId), Current.Id, blindIndexRoot);
    }

    internal MasterKey Get(string keyId) =>
        keysById.TryGetValue(keyId, out var key)
            ? key
            : throw new MamoriException(CryptoErrors.UnknownKeyId,
                $"Master key {keyId} is not in the key ring; was it removed before every data key was re-wrapped?");

    /// <summary>The ring as one base64 string, for supplying it by configuration (production).</summary>
    public string ToBase64() => Convert.ToBase64String(KeyRingFormat.Write(this));

    /// <summary>Reads a ring supplied by configuration (the output of <see cref="ToBase64"/>).</summary>
    public static MasterKeyRing FromBase64(string base64)
    {
        byte[] json;
        try
        {
            json = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new MamoriException(CryptoErrors.ConfigInvalid, "The configured master key ring is not valid base64.");
        }
        return KeyRingFormat.Read(json, CryptoErrors.ConfigInvalid, "the configured master key ring");
    }

    /// <summary>The ring from configuration when one is given (production), else from the key file in the
    /// data directory, created on first use.</summary>
    public static MasterKeyRing Resolve(string? configuredBase64, string dataDirectory, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(configuredBase64)
            ? MasterKeyFile.LoadOrCreate(dataDirectory, clock)
            : FromBase64(configuredBase64);

    public override string ToString() => $"master key ring ({keysById.Count} keys, current {Current.Id})";
}
