namespace Mamori.Vault.Crypto;

/// <summary>
/// The stable error codes of encryption, keys and blind indexes (the <see cref="MamoriException.Code"/> values).
/// Tests assert these exact strings; the host maps them to problem responses.
/// </summary>
public static class CryptoErrors
{
    /// <summary>A ciphertext or wrapped key failed authentication: altered, truncated, or moved to another person,
    /// category or item.</summary>
    public const string Tampered = "crypto.tampered";

    /// <summary>The person's data key was destroyed (erasure by crypto-shredding); their items are unreadable for good.</summary>
    public const string KeyShredded = "crypto.key_shredded";

    /// <summary>The person has no data key (and was never shredded): nothing was ever stored for them.</summary>
    public const string KeyMissing = "crypto.key_missing";

    /// <summary>A data key already exists for the person; creating another would orphan their items.</summary>
    public const string KeyExists = "crypto.key_exists";

    /// <summary>The envelope was written by a format version this build does not read.</summary>
    public const string UnsupportedVersion = "crypto.unsupported_version";

    /// <summary>The key file is readable by group or others; it is not used until its mode is 0600.</summary>
    public const string FilePermissions = "keys.file_permissions";

    /// <summary>The key file cannot be parsed or holds keys of the wrong size.</summary>
    public const string FileInvalid = "keys.file_invalid";

    /// <summary>The configured key ring (base64) cannot be decoded or parsed.</summary>
    public const string ConfigInvalid = "keys.config_invalid";

    /// <summary>There is no master key ring to use: no configured ring and no key file in the data directory.</summary>
    public const string RingMissing = "keys.ring_missing";

    /// <summary>A wrapped data key names a master key that is not in the ring (retired too early, or the wrong key file).</summary>
    public const string UnknownKeyId = "keys.unknown_key_id";

    /// <summary>The current master key cannot be removed from the ring.</summary>
    public const string CurrentKeyInUse = "keys.current_key";

    /// <summary>The shredded-keys log has a damaged line (other than a torn last line from a crash mid-append).</summary>
    public const string ShredLogInvalid = "keys.shred_log_invalid";

    /// <summary>A blind index was asked for a value that normalises to nothing (e.g. a phone number without digits).</summary>
    public const string EmptyValue = "blind_index.empty_value";
}
