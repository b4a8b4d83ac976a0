namespace Mamori.Vault.Crypto;

/// <summary>
/// A data key as stored: AES-256-GCM under the master key <paramref name="MasterKeyId"/>, with the person id as
/// associated data so the row cannot be copied onto another person.
/// </summary>
/// <param name="Nonce">12 random bytes, new for every wrap.</param>
/// <param name="Ciphertext">The encrypted 32-byte key followed by the 16-byte tag.</param>
public sealed record WrappedDataKey(string MasterKeyId, byte[] Nonce, byte[] Ciphertext);
