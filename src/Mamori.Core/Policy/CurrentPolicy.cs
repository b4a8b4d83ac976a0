
namespace Mamori.Policy;

/// <summary>The policy in force for this process: parsed once at start, immutable afterwards.</summary>
public sealed record CurrentPolicy(PolicyDocument Document, string Yaml, string ContentHash, string SourceFile)
{
    public string Version => Document.Version;
}
