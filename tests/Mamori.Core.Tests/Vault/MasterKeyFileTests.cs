using System.Runtime.Versioning;
using Mamori.Vault.Crypto;
using Xunit;
using static Mamori.Core.Tests.Vault.TestKeys;

namespace Mamori.Core.Tests.Vault;

[UnsupportedOSPlatform("windows")]
public sealed class MasterKeyFileTests : IDisposable
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory dir = new();

    public MasterKeyFileTests() => Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");

    private string KeyFile => MasterKeyFile.PathIn(dir.Path);

    public void Dispose() => dir.Dispose();

    [Fact]
    public void The_key_file_is_created_owner_only_on_first_use()
    {
        MasterKeyFile.LoadOrCreate(dir.Path, Clock);

        Assert.Equal(Mode0600, File.GetUnixFileMode(KeyFile));
    }

    [Fact]
    public void The_data_directory_is_created_owner_only_when_missing()
    {
        var data = Path.Combine(dir.Path, "data");

        MasterKeyFile.LoadOrCreate(data, Clock);

        Assert.Equal(Mode0600 | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
    }

    [Fact]
    public void The_same_ring_is_loaded_again_later()
    {
        var created = MasterKeyFile.LoadOrCreate(dir.Path, Clock);
        using var key = NewDataKey();
        var wrapped = DataKeyWrap.Wrap(created, key);

        var loaded = MasterKeyFile.LoadOrCreate(dir.Path, Clock);

        Assert.Equal(created.Current.Id, loaded.Current.Id);
        using var unwrapped = DataKeyWrap.Unwrap(loaded, key.PersonId, wrapped);
        Assert.Equal(new BlindIndex(created).Name("山田太郎"), new BlindIndex(loaded).Name("山田太郎"));
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead)]  // 0640
    [InlineData(UnixFileMode.OtherRead)]  // 0604
    [InlineData(UnixFileMode.OtherWrite)] // 0602
    public void A_key_file_others_can_access_is_refused(UnixFileMode extra)
    {
        MasterKeyFile.LoadOrCreate(dir.Path, Clock);
        File.SetUnixFileMode(KeyFile, Mode0600 | extra);

        var e = Fails(() => MasterKeyFile.LoadOrCreate(dir.Path, Clock));

        Assert.Equal(CryptoErrors.FilePermissions, e.Code);
        Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_readable_0644_file_is_refused()
    {
        MasterKeyFile.LoadOrCreate(dir.Path, Clock);
        File.SetUnixFileMode(KeyFile, Mode0600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var e = Fails(() => MasterKeyFile.Load(KeyFile));

        Assert.Equal(CryptoErrors.FilePermissions, e.Code);
        Assert.Contains("644", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_key_file_fails_with_its_code()
    {
        MasterKeyFile.LoadOrCreate(dir.Path, Clock);
        File.WriteAllText(KeyFile, "{\"format\":\"mamori-master-keys/1\"");

        Assert.Equal(CryptoErrors.FileInvalid, Fails(() => MasterKeyFile.Load(KeyFile)).Code);
    }

    [Fact]
    public void Saving_a_rotated_ring_replaces_the_file_owner_only_and_leaves_no_temp_files()
    {
        var ring = MasterKeyFile.LoadOrCreate(dir.Path, Clock);
        var rotated = ring.Rotate(Clock);

        MasterKeyFile.Save(KeyFile, rotated);

        Assert.Equal(Mode0600, File.GetUnixFileMode(KeyFile));
        Assert.Equal(rotated.Current.Id, MasterKeyFile.Load(KeyFile).Current.Id);
        Assert.Equal([KeyFile], Directory.GetFiles(dir.Path));
    }
}
