using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Data;
using Mamori.Policy;
using Person = Mamori.Vault.Person;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Retention;

/// <summary>A hold on a person (by id) or a data category, with why; the reason must hold no personal data.</summary>
public sealed record SetLegalHold(
    [property: Pseudonymous] Guid? PersonId,
    [property: UncheckedInput] string? Category,
    [property: PersonalData] string? Reason);

/// <summary>Sets and releases legal holds; both are audited (ids and codes only).</summary>
public sealed class LegalHolds(MamoriDb db, CurrentPolicy policy, AuditTrail audit, TimeProvider clock)
{
    public Task<List<LegalHold>> ListAsync(CancellationToken ct = default) =>
        db.Set<LegalHold>().AsNoTracking().OrderBy(h => h.ReleasedAt != null).ThenByDescending(h => h.SetAt).Take(500).ToListAsync(ct);

    public async Task<LegalHold> SetAsync(SetLegalHold command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var category = string.IsNullOrWhiteSpace(command.Category) ? null : command.Category.Trim();
        if ((command.PersonId is null) == (category is null))
            throw new MamoriException(RetentionCodes.HoldScopeInvalid, "A hold covers either one person (personId) or one data category (category).");
        if (category is not null && !policy.Document.DataCategories.Any(c => c.Id == category))
            throw new MamoriException("category.unknown", "Unknown data category; use the policy's category ids.");
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > LegalHold.MaxReason)
            throw new MamoriException(RetentionCodes.HoldReasonRequired, $"Say why (1–{LegalHold.MaxReason} characters, a matter reference rather than names).");
        if (command.PersonId is { } personId && !await db.Set<Person>().AnyAsync(p => p.Id == personId, ct))
            throw new MamoriException("person.not_found", "No such person.", 404);

        var hold = new LegalHold { PersonId = command.PersonId, Category = category, Reason = reason, SetAt = clock.GetUtcNow(), SetBy = actor };
        db.Set<LegalHold>().Add(hold);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.LegalHoldSet, AuditOutcomes.Success, PersonId: hold.PersonId,
            Categories: category is null ? null : [category], Target: Target(hold.Id)), ct);
        return hold;
    }

    public async Task<LegalHold> ReleaseAsync(Guid id, string actor, CancellationToken ct = default)
    {
        var hold = await db.Set<LegalHold>().SingleOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new MamoriException(RetentionCodes.HoldNotFound, "No such legal hold.", 404);
        if (!hold.IsActive)
            throw new MamoriException(RetentionCodes.HoldAlreadyReleased, "The hold was already released.", 409);
        hold.ReleasedAt = clock.GetUtcNow();
        hold.ReleasedBy = actor;
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.LegalHoldReleased, AuditOutcomes.Success, PersonId: hold.PersonId,
            Categories: hold.Category is null ? null : [hold.Category], Target: Target(hold.Id)), ct);
        return hold;
    }

    public static string Target(Guid id) => "legal_hold:" + id.ToString("D");
}

public static class RetentionCodes
{
    public const string HoldScopeInvalid = "legal_hold.scope_invalid";
    public const string HoldReasonRequired = "legal_hold.reason_required";
    public const string HoldNotFound = "legal_hold.not_found";
    public const string HoldAlreadyReleased = "legal_hold.already_released";
}
