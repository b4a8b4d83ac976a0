using Mamori.Audit;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Decisions;
using Mamori.Policy;
using Mamori.Vault.Crypto;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Signals;

/// <summary>
/// Linking a device to a person (照合) and unlinking it. A link names one of the policy's §3(1) linking purposes
/// (informativeData.linkingPurposes: carrier billing, inquiries, system administration, fraud, security); from then
/// on the device's signals are the person's personal data, read only under purpose decisions (<see cref="LinkedSignals"/>).
/// Linking merges the device's and the person's consent choices, and both directions are in the audit trail.
/// </summary>
public sealed class DeviceLinks(MamoriDb db, CurrentPolicy policy, ConsentLedger ledger, KeyVault keys, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Links the device; if it is already linked to this person, returns that link (<c>Created</c> false).</summary>
    public async Task<(DeviceLink Link, bool Created)> LinkAsync(string deviceId, Guid personId, string purpose, string actor, CancellationToken ct = default)
    {
        if (!ConsentSubject.IsDeviceId(deviceId))
            throw new MamoriException(SignalCodes.LinkDeviceIdInvalid,
                $"A device ID is a random token of {ConsentSubject.MinDeviceIdLength}–{ConsentSubject.MaxDeviceIdLength} characters (A–Z, a–z, 0–9, '-', '_').");
        var purposes = policy.Document.InformativeData.LinkingPurposes;
        if (!purposes.Any(p => p.Id == purpose))
            throw new MamoriException(SignalCodes.LinkPurposeUnknown,
                $"'{purpose}' is not a linking purpose of the policy (§3(1)). Linking purposes: {string.Join(", ", purposes.Select(p => p.Id))}.");
        var person = await LivePersons.FindAsync(db, personId, ct);
        if (person.UseSuspended)
        {
            // A suspension of use (利用停止) stops new uses of the person's data, and a link is one.
            await AppendAsync(actor, AuditActions.LinkCreated, AuditOutcomes.Denied, personId, deviceId, purpose, null, [DecisionCodes.SubjectUseSuspended], ct);
            throw new UseDeniedException([DecisionCodes.SubjectUseSuspended]);
        }

        var existing = await db.Set<DeviceLink>().SingleOrDefaultAsync(l => l.DeviceId == deviceId && l.UnlinkedAt == null, ct);
        if (existing is not null)
        {
            return existing.PersonId == personId ? (existing, false)
                : throw new MamoriException(SignalCodes.LinkedElsewhere, "This device is linked to another person; unlink it first.", 409);
        }

        var link = new DeviceLink { DeviceId = deviceId, PersonId = personId, Purpose = purpose, LinkedAt = clock.GetUtcNow(), LinkedBy = actor };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<DeviceLink>().Add(link);
        await db.SaveChangesAsync(ct);
        await ledger.MergeDeviceIntoPersonAsync(deviceId, personId, actor, ct);
        await SealStoredAsync(deviceId, personId, ct);
        await AppendAsync(actor, AuditActions.LinkCreated, AuditOutcomes.Success, personId, deviceId, purpose, link.Id, null, ct);
        await transaction.CommitAsync(ct);
        await db.ForgetReplacedPagesAsync(ct);
        return (link, true);
    }

    /// <summary>
    /// From the link on, the device's stored events are the person's personal data: seal them under the person's key,
    /// a range at a time. Later batches are sealed at ingestion; one already past that check while this runs is stored
    /// plain (the window is one batch) and is read, erased and expired like the rest.
    /// </summary>
    private async Task SealStoredAsync(string deviceId, Guid personId, CancellationToken ct)
    {
        using var key = await keys.GetDataKeyAsync(personId, ct);
        foreach (var range in await db.Set<DeviceSignalRange>().AsNoTracking().Where(r => r.DeviceId == deviceId).ToListAsync(ct))
        {
            var rows = await db.Set<Signal>()
                .Where(s => s.Id >= range.FirstSignalId && s.Id <= range.LastSignalId && s.DeviceId == deviceId && s.Sealed == null)
                .ToListAsync(ct);
            foreach (var row in rows)
                SignalSeal.Seal(row, key);
            await db.SaveChangesAsync(ct);
            foreach (var row in rows)
                db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Ends a link: from now on the device's signals are no longer read as the person's.</summary>
    public async Task<DeviceLink> UnlinkAsync(Guid linkId, string actor, CancellationToken ct = default)
    {
        var link = await db.Set<DeviceLink>().SingleOrDefaultAsync(l => l.Id == linkId, ct)
            ?? throw new MamoriException(SignalCodes.LinkNotFound, "No such link.", 404);
        if (!link.IsActive)
            throw new MamoriException(SignalCodes.LinkNotActive, "This link was already ended.", 409);
        link.UnlinkedAt = clock.GetUtcNow();
        link.UnlinkedBy = actor;
        await AppendAsync(actor, AuditActions.LinkRemoved, AuditOutcomes.Success, link.PersonId, link.DeviceId, link.Purpose, link.Id, null, ct);
        return link;
    }

    /// <summary>The person's links, current and ended, newest first.</summary>
    public Task<List<DeviceLink>> ForPersonAsync(Guid personId, CancellationToken ct = default) =>
        db.Set<DeviceLink>().AsNoTracking().Where(l => l.PersonId == personId).OrderByDescending(l => l.LinkedAt).ToListAsync(ct);

    /// <summary>Appends (and so saves) with the link as the target; the linking purpose is a policy id, kept as the purpose.</summary>
    private Task AppendAsync(string actor, string action, string outcome, Guid personId, string deviceId, string purpose, Guid? linkId,
        IReadOnlyList<string>? reasons, CancellationToken ct) =>
        audit.AppendAsync(new AuditEvent(actor, action, outcome, purpose, personId, deviceId,
            [SignalCategories.DeviceId], reasons, linkId is { } id ? "link:" + id.ToString("D") : null), ct);
}
