using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Mamori.Vault.Crypto;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Mamori.Host.Web;

/// <summary>
/// The Data Protection keys (which sign console sessions and antiforgery tokens) are stored in the database; here
/// they are encrypted with AES-GCM under a key derived from the master key ring, so reading the database alone is
/// not enough to forge a session. Every node holds the same ring, so every node reads every node's keys.
/// </summary>
public static class DataProtectionKeyEncryption
{
    private const string Use = "data-protection-keys";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static IServiceCollection AddMamoriDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Mamori").PersistKeysToDbContext<Data.MamoriDb>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<MasterKeyRing>((o, ring) => o.XmlEncryptor = new RingXmlEncryptor(ring));
        return services;
    }

    internal static byte[] Seal(MasterKeyRing ring, byte[] plaintext)
    {
        var key = ring.DeriveKey(Use);
        try
        {
            var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
            var nonce = sealedBytes.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(Use));
            return sealedBytes;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    internal static byte[] Open(MasterKeyRing ring, byte[] sealedBytes)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
            throw new CryptographicException("The protected key is too short.");
        var key = ring.DeriveKey(Use);
        try
        {
            var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(Use));
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}

internal sealed class RingXmlEncryptor(MasterKeyRing ring) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedBytes = DataProtectionKeyEncryption.Seal(ring, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with a key derived from Mamori's master key ring. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(RingXmlDecryptor));
    }
}

/// <summary>Created by Data Protection through its activator, which passes the service provider.</summary>
internal sealed class RingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var ring = services.GetRequiredService<MasterKeyRing>();
        var value = encryptedElement.Element("value")?.Value ?? throw new CryptographicException("The protected key has no value.");
        return XElement.Parse(Encoding.UTF8.GetString(DataProtectionKeyEncryption.Open(ring, Convert.FromBase64String(value))));
    }
}
