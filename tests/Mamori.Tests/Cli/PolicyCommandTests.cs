using System.Text.RegularExpressions;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Cli;

/// <summary>The policy verbs need no database: they run once, not per provider.</summary>
public sealed partial class PolicyCommandTests
{
    private static string Broken(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "broken", name);

    [Fact]
    public async Task Check_accepts_the_agency_policy()
    {
        var result = await MamoriProcess.RunAsync("policy", "check", MamoriHost.PolicyPath);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ok — version 2024-07-01", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_prints_one_FILE_LINE_COL_message_per_problem_and_exits_1()
    {
        var file = Broken("schema.yaml");
        var result = await MamoriProcess.RunAsync("policy", "check", file);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 10, result.Stdout);
        Assert.All(lines, line => Assert.Matches(ProblemLine(), line));
        Assert.Contains($"{file}:4:14: 'established' is '2005-4-1', not a date; write YYYY-MM-DD [schema.date]", lines);
        Assert.Contains($"{file}:137:5: unknown key 'isProvison'; did you mean 'isProvision'? [schema.unknown_key]", lines);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_to_start_on_an_invalid_policy_with_the_same_messages()
    {
        var file = Broken("cross_references.yaml");
        var check = await MamoriProcess.RunAsync("policy", "check", file);
        var serve = await MamoriProcess.RunAsync("serve", "--policy", file, "--data-dir", Directory.CreateTempSubdirectory().FullName, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, serve.ExitCode);
        var checkLines = check.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => ProblemLine().IsMatch(l));
        Assert.All(checkLines, line => Assert.Contains(line, serve.Stderr, StringComparison.Ordinal));
        Assert.Contains("not starting", serve.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", serve.Stdout + serve.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_prints_the_notice_in_either_language_and_format()
    {
        var md = await MamoriProcess.RunAsync("policy", "render", MamoriHost.PolicyPath, "--lang", "en", "--format", "md");
        var html = await MamoriProcess.RunAsync("policy", "render", MamoriHost.PolicyPath, "--lang", "ja");

        Assert.Equal(0, md.ExitCode);
        Assert.Contains("Kakacom Insurance", md.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, html.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", html.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("株式会社カカコム・インシュアランス", html.Stdout, StringComparison.Ordinal);
        var bad = await MamoriProcess.RunAsync("policy", "render", MamoriHost.PolicyPath, "--lang", "fr");
        Assert.NotEqual(0, bad.ExitCode);
    }

    [Fact]
    public async Task Diff_says_what_changed_and_flags_a_broadened_purpose()
    {
        var original = await File.ReadAllTextAsync(MamoriHost.PolicyPath, TestContext.Current.CancellationToken);
        // Broaden §4(1)⑩ (information delivery) with the customer's insurance contract data.
        var changed = BroadenPurpose(original, "4(1)⑩", "insurance.policy");
        var newer = Path.Combine(Directory.CreateTempSubdirectory().FullName, "policy.yaml");
        await File.WriteAllTextAsync(newer, changed, TestContext.Current.CancellationToken);

        var same = await MamoriProcess.RunAsync("policy", "diff", MamoriHost.PolicyPath, MamoriHost.PolicyPath);
        var diff = await MamoriProcess.RunAsync("policy", "diff", MamoriHost.PolicyPath, newer);

        Assert.Contains("変更はありません。", same.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("[consent]", diff.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Adds a category to the purpose whose ref is given, editing the YAML text as an officer would.</summary>
    private static string BroadenPurpose(string yaml, string purposeRef, string category)
    {
        var at = yaml.IndexOf($"ref: \"{purposeRef}\"", StringComparison.Ordinal);
        if (at < 0)
            at = yaml.IndexOf($"ref: {purposeRef}", StringComparison.Ordinal);
        Assert.True(at >= 0, $"purpose {purposeRef} not found");
        var categories = yaml.IndexOf("categories:", at, StringComparison.Ordinal);
        var lineEnd = yaml.IndexOf('\n', categories);
        var line = yaml[categories..lineEnd];
        if (line.TrimEnd().EndsWith(']'))
            return yaml[..categories] + line.TrimEnd()[..^1] + $", {category}]" + yaml[lineEnd..];
        var indent = yaml.IndexOf("- ", lineEnd, StringComparison.Ordinal) - lineEnd - 1;
        return yaml[..(lineEnd + 1)] + new string(' ', indent) + $"- {category}\n" + yaml[(lineEnd + 1)..];
    }

    [GeneratedRegex(@"^.+\.yaml:\d+:\d+: .+ \[[a-z_.]+\]$")]
    private static partial Regex ProblemLine();
}
