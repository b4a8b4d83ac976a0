using Mamori.Decisions;
using Mamori.Policy;

namespace Mamori.Core.Tests;

/// <summary>The agency's real policy (policy/policy.yaml, copied beside the tests), loaded the way the service loads it.</summary>
internal static class RepositoryPolicy
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "policy", "policy.yaml");

    public static bool Exists => File.Exists(Path);

    private static readonly Lazy<DecisionEngine> s_engine = new(() => DecisionEngine.For(Load()));

    /// <summary>One engine for the whole run: compiling is the costly part, and the engine is immutable.</summary>
    public static DecisionEngine Engine => s_engine.Value;

    /// <summary>A fresh copy each call, so a test may change it.</summary>
    public static PolicyDocument Load() => Load(Path);

    public static PolicyDocument Load(string path)
    {
        var result = PolicyLoader.LoadFile(path);
        return result.Succeeded
            ? result.Document
            : throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }
}
