using System.Collections.Concurrent;
using Mamori.Policy;

namespace Mamori.Host.Web;

/// <summary>Earlier policy versions, parsed from their stored text on first use and kept by content hash.</summary>
public sealed class PolicyArchive
{
    private readonly ConcurrentDictionary<string, PolicyDocument?> _byHash = new();

    public PolicyDocument? Parse(PolicyVersion version) =>
        _byHash.GetOrAdd(version.ContentHash, _ => PolicyLoader.Load($"policy-{version.Version}.yaml", version.Yaml).Document);
}
