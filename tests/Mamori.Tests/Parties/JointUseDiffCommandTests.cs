using Mamori.Tests.Cli;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Parties;

/// <summary><c>mamori policy diff</c> flags a joint-use change and says whether it is told in advance (Art. 27(6)).</summary>
public sealed class JointUseDiffCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Diff_flags_a_joint_use_purpose_change_and_whether_its_notice_is_in_advance()
    {
        var original = (await File.ReadAllTextAsync(MamoriHost.PolicyPath, Ct)).ReplaceLineEndings("\n");
        const string last = "    - agency.third_party_provision\n  responsibleParty: kakacom\n";
        Assert.Contains(last, original, StringComparison.Ordinal);
        string Variant(string effectiveFrom) => original
            .Replace(last, "  responsibleParty: kakacom\n", StringComparison.Ordinal)
            .Replace("version: \"2024-07-01\"", $"version: \"{effectiveFrom}\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", $"effectiveFrom: {effectiveFrom}", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory().FullName;
        var late = Path.Combine(folder, "late.yaml");
        var ahead = Path.Combine(folder, "ahead.yaml");
        await File.WriteAllTextAsync(late, Variant("2025-01-01"), Ct);
        await File.WriteAllTextAsync(ahead, Variant("2099-01-01"), Ct);

        var tooLate = await MamoriProcess.RunAsync("policy", "diff", MamoriHost.PolicyPath, late);
        Assert.Equal(0, tooLate.ExitCode);
        Assert.Contains("[advance notice]", tooLate.Stdout, StringComparison.Ordinal);
        Assert.Contains("! 共同利用の変更は事前の通知又は公表が必要です", tooLate.Stdout, StringComparison.Ordinal);

        var inAdvance = await MamoriProcess.RunAsync("policy", "diff", MamoriHost.PolicyPath, ahead);
        Assert.Contains("Joint-use changes: notice on", inAdvance.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("! ", inAdvance.Stdout, StringComparison.Ordinal);
    }
}
