using System.Collections.Concurrent;

namespace Mamori.Staff;

/// <summary>
/// Keys verified recently, so an API call does not query the key table each time (that query was 18 % of a consent
/// read's CPU). An entry is keyed by the key's prefix and the SHA-256 of the presented secret, never the secret, and
/// lives <see cref="Lifetime"/>. Revoking on this node evicts at once; a revocation made on another node (or written to
/// the database by any other process) takes effect here within <see cref="Lifetime"/> (ADR-014). Only successes are kept, so a key just
/// created works at once and a wrong secret always reaches the database.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // Keys are few (staff create them by hand); the bound only guards against a flood of distinct valid keys.
    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<(string Prefix, string SecretHash), Entry> _entries = new();

    private sealed record Entry(ApiKey Key, DateTimeOffset Until);

    /// <summary>The key, if the presented text was verified in the last <see cref="Lifetime"/>.</summary>
    public ApiKey? Find(string presented) =>
        ApiKeys.Parse(presented) is { } parsed ? Find(parsed.Prefix, parsed.SecretHash) : null;

    public ApiKey? Find(string prefix, string secretHash) =>
        _entries.TryGetValue((prefix, secretHash), out var entry) && clock.GetUtcNow() < entry.Until ? entry.Key : null;

    public void Keep(ApiKey key)
    {
        if (_entries.Count >= MaxEntries)
            _entries.Clear();
        _entries[(key.Prefix, key.SecretHash)] = new Entry(key, clock.GetUtcNow() + Lifetime);
    }

    public void Evict(string prefix)
    {
        foreach (var cached in _entries.Keys.Where(k => k.Prefix == prefix))
            _entries.TryRemove(cached, out _);
    }
}
