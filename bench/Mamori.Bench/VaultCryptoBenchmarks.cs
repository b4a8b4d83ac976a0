using System.Text;
using BenchmarkDotNet.Attributes;
using Mamori.Vault.Crypto;

namespace Mamori.Bench;

/// <summary>Per-item encryption and decryption (AES-256-GCM under a person's data key) and the blind index
/// (HMAC-SHA256 over a normalised value): the cost every vault write, read and search pays per value.</summary>
[MemoryDiagnoser]
public class VaultCryptoBenchmarks
{
    private static readonly Guid s_itemId = Guid.NewGuid();
    private readonly byte[] _plaintext = Encoding.UTF8.GetBytes("taro.yamada@example.jp");
    private DataKey _key = null!;
    private BlindIndex _index = null!;
    private byte[] _envelope = [];
    private byte[] _sealed = [];
    private byte[] _opened = [];

    [GlobalSetup]
    public void Setup()
    {
        var ring = MasterKeyRing.CreateNew(TimeProvider.System);
        _key = DataKey.Generate(Guid.NewGuid());
        _index = new BlindIndex(ring);
        _envelope = ItemCipher.Encrypt(_key, "contact.email", s_itemId, _plaintext);
        _sealed = new byte[ItemCipher.GetSealedLength(_plaintext.Length)];
        _opened = new byte[_plaintext.Length];
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public void EncryptItem() => ItemCipher.Encrypt(_key, "contact.email", s_itemId, _plaintext, _sealed);

    [Benchmark]
    public void DecryptItem() => ItemCipher.Decrypt(_key, "contact.email", s_itemId, _envelope, _opened);

    [Benchmark]
    public string BlindIndexEmail() => _index.Email("  Taro.Yamada@EXAMPLE.jp ");

    [Benchmark]
    public string BlindIndexNameAndBirthdate() => _index.NameAndBirthdate("ヤマダ　タロウ", new DateOnly(1980, 4, 1));
}
