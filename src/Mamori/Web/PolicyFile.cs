using Mamori.Policy;

namespace Mamori.Host.Web;

/// <summary>Reads and validates a policy file for the host and the CLI.</summary>
public static class PolicyFile
{
    public sealed record Loaded(CurrentPolicy? Policy, IReadOnlyList<string> Problems)
    {
        public bool Ok => Policy is not null && Problems.Count == 0;
    }

    public static Loaded Load(string path)
    {
        var result = PolicyLoader.LoadFile(path);
        if (!result.Succeeded)
            return new(null, [.. result.Problems.Select(p => p.ToString())]);
        return new(new CurrentPolicy(result.Document, File.ReadAllText(path), result.ContentHash, path), []);
    }
}
