using Mamori.Audit;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Policy;

/// <summary>Publishing and reading the stored policy versions. A newly stored version is audited.</summary>
public sealed class PolicyVersions(MamoriDb db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Stores the version unless the same text is already stored. A different text under an
    /// existing version label is refused: a published version never changes.</summary>
    public async Task<PolicyVersion> PublishAsync(string version, DateOnly effectiveFrom, string yaml, string contentHash, CancellationToken ct = default)
    {
        var existing = await db.PolicyVersions.SingleOrDefaultAsync(v => v.ContentHash == contentHash, ct);
        if (existing is not null)
            return existing;
        if (await db.PolicyVersions.AnyAsync(v => v.Version == version, ct))
            throw new MamoriException("policy.version_changed",
                $"Policy version '{version}' is already published with different content. Give the changed policy a new version.");
        await RequireJointUseNoticeAsync(version, effectiveFrom, yaml, ct);
        var stored = new PolicyVersion
        {
            Version = version,
            EffectiveFrom = effectiveFrom,
            Yaml = yaml,
            ContentHash = contentHash,
            PublishedAt = clock.GetUtcNow(),
        };
        db.PolicyVersions.Add(stored);
        await audit.AppendAsync(new(AuditActors.System, AuditActions.PolicyPublished, AuditOutcomes.Success,
            Target: PolicyTarget(version, contentHash)), ct);
        return stored;
    }

    /// <summary>Art. 27(6): a version changing the joint use's purposes or responsible party (or starting one) takes effect
    /// only after the persons were told, compared with the version it follows.</summary>
    private async Task RequireJointUseNoticeAsync(string version, DateOnly effectiveFrom, string yaml, CancellationToken ct)
    {
        var previous = await db.PolicyVersions.AsNoTracking().Where(v => v.EffectiveFrom <= effectiveFrom)
            .OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Id).FirstOrDefaultAsync(ct);
        if (previous is null)
            return;
        var old = PolicyLoader.Load("policy-" + previous.Version, previous.Yaml).Document;
        var @new = PolicyLoader.Load("policy-" + version, yaml).Document;
        if (old is null || @new is null)
            return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(JapanOffset).DateTime);
        if (JointUseNotice.Violation(old, @new, today) is { } violation)
            throw new MamoriException(PolicyProblemCodes.JointUseNoticeLate, violation, 409);
    }

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>The version label is free text in the policy file; one that is not a plain code is named by its hash.</summary>
    private static string PolicyTarget(string version, string contentHash) =>
        version.Length <= 64 && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? "policy:" + version
            : "policy-sha256:" + contentHash;

    public Task<List<PolicyVersion>> ListAsync(CancellationToken ct = default) =>
        db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Id).ToListAsync(ct);

    public Task<PolicyVersion?> FindAsync(string version, CancellationToken ct = default) =>
        db.PolicyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Version == version, ct);
}
