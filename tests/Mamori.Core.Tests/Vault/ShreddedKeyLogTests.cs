using Mamori.Vault.Crypto;
using Xunit;
using static Mamori.Core.Tests.Vault.TestKeys;

namespace Mamori.Core.Tests.Vault;

public sealed class ShreddedKeyLogTests : IDisposable
{
    private readonly TempDirectory dir = new();

    private ShreddedKeyLog Log => ShreddedKeyLog.InDataDirectory(dir.Path);

    public void Dispose() => dir.Dispose();

    private static ShreddedKey Entry(string reason = "erasure") =>
        new() { PersonId = Guid.NewGuid(), ShreddedAt = Clock.GetUtcNow(), Reason = reason, Actor = "system" };

    [Fact]
    public void A_missing_log_is_empty() => Assert.Empty(Log.ReadAll());

    [Fact]
    public void Entries_come_back_in_order()
    {
        var first = Entry("利用停止・消去の請求");
        var second = Entry("retention: disposal");
        Log.Append(first);
        Log.Append(second);

        var read = Log.ReadAll();

        Assert.Equivalent(new[] { first, second }, read, strict: true);
        Assert.Equal(first.PersonId, read[0].PersonId);
    }

    [Fact]
    public void The_log_is_owner_only()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes only.");
        Log.Append(Entry());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, GetMode(Log.Path));
    }

    [Fact]
    public void A_torn_last_line_from_a_crash_is_ignored()
    {
        var entry = Entry();
        Log.Append(entry);
        File.AppendAllText(Log.Path, "{\"personId\":\"8f0c");

        Assert.Equal(entry.PersonId, Assert.Single(Log.ReadAll()).PersonId);
    }

    [Fact]
    public void A_damaged_line_in_the_middle_is_an_error()
    {
        Log.Append(Entry());
        File.AppendAllText(Log.Path, "garbage\n");
        Log.Append(Entry());

        Assert.Equal(CryptoErrors.ShredLogInvalid, Fails(() => Log.ReadAll()).Code);
    }

    private static UnixFileMode GetMode(string path) =>
        OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);
}
