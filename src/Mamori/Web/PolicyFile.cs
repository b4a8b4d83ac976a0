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
        if (!File.Exists(path))
            return new(null, [$"{path}:1:1: policy file not found [policy.file_not_found]"]);
        var text = File.ReadAllText(path);
        var result = PolicyValidator.Validate(path, text);
        if (result.Problems.Count > 0 || result.Document is null)
            return new(null, result.Problems.Select(p => p.ToString()).ToList());
        return new(new CurrentPolicy(result.Document, text, result.ContentHash, path), []);
    }
}
