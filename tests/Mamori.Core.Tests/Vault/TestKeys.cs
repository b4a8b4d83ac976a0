using Mamori.Vault.Crypto;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Mamori.Core.Tests.Vault;

/// <summary>Shared fixtures for the crypto tests: a clock, rings, keys, and throwaway directories.</summary>
internal static class TestKeys
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));

    public static MasterKeyRing NewRing() => MasterKeyRing.CreateNew(Clock);

    public static DataKey NewDataKey(Guid? personId = null) => DataKey.Generate(personId ?? Guid.NewGuid());

    /// <summary>The same key material bound to another person: what an attacker gets by copying rows around.</summary>
    public static DataKey SameKeyFor(DataKey key, Guid otherPerson) => new(otherPerson, key.Material);

    public static byte[] Flip(byte[] bytes, int index, byte mask = 0x01)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= mask;
        return copy;
    }

    public static MamoriException Fails(Action action) => Assert.Throws<MamoriException>(action);
}

/// <summary>A fresh directory under the temp folder, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mamori-vault-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
