using System.Security.Cryptography;
using System.Text;
using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Staff;

/// <summary>Creating and checking API keys. A key reads <c>mk_{prefix}_{secret}</c>; the secret has 256 bits
/// of entropy, so a plain SHA-256 at rest is enough (no slow hash needed) and lookup stays fast. Creating and
/// revoking are audited with the acting staff member or command line as <c>actor</c> (<see cref="AuditActors"/>).</summary>
public sealed class ApiKeys(MamoriDb db, AuditTrail audit, ApiKeyCache cache, TimeProvider clock)
{
    public sealed record Created(ApiKey Key, [property: Secret] string Plaintext);

    public async Task<Created> CreateAsync(string name, string role, string actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            throw new MamoriException("api_key.name_invalid", "The key name must be 1–100 characters.");
        if (!Roles.IsKnown(role))
            throw new MamoriException("api_key.role_unknown", $"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Name = name.Trim(),
            Role = role,
            Prefix = prefix,
            SecretHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        // The key's name is free text and stays out of the entry; the id leads to the key's row.
        await audit.AppendAsync(new(actor, AuditActions.ApiKeyCreated, AuditOutcomes.Success, Target: AuditActors.ApiKey(key.Id)), ct);
        return new Created(key, $"mk_{prefix}_{secret}");
    }

    /// <summary>The key's row if the presented text is a valid, unrevoked key; otherwise null. A key verified in the
    /// last <see cref="ApiKeyCache.Lifetime"/> is answered from memory.</summary>
    public async Task<ApiKey?> VerifyAsync(string presented, CancellationToken ct = default)
    {
        if (Parse(presented) is not var (prefix, secretHash))
            return null;
        if (cache.Find(prefix, secretHash) is { } known)
            return known;
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, ct);
        if (key is null || key.RevokedAt is not null)
            return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.SecretHash), Encoding.ASCII.GetBytes(secretHash)))
            return null;
        cache.Keep(key);
        return key;
    }

    /// <summary>The prefix and the hash of the secret of a well-formed key text; null otherwise.</summary>
    internal static (string Prefix, string SecretHash)? Parse(string presented)
    {
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "mk" || parts[1].Length != 12 || parts[2].Length is < 20 or > 100)
            return null;
        return (parts[1], Hash(parts[2]));
    }

    public async Task RevokeAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct)
            ?? throw new MamoriException("api_key.not_found", "No such API key.");
        if (key.RevokedAt is not null)
            return;
        key.RevokedAt = clock.GetUtcNow();
        await audit.AppendAsync(new(actor, AuditActions.ApiKeyRevoked, AuditOutcomes.Success, Target: AuditActors.ApiKey(key.Id)), ct);
        cache.Evict(key.Prefix);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
