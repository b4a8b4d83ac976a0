using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Parties;

/// <summary>An evaluation of a contractor's handling, as the officer records it.</summary>
public sealed record RecordEvaluation(DateOnly EvaluatedOn, [property: UncheckedInput] string? Result, [property: UncheckedInput] string? Notes);

/// <summary>Where a contractor stands in its supervision cycle.</summary>
public static class SupervisionStates
{
    /// <summary>Never evaluated: a contractor is evaluated when it is chosen, before data is entrusted.</summary>
    public const string NeverEvaluated = "never_evaluated";
    /// <summary>The re-evaluation day has passed.</summary>
    public const string Overdue = "overdue";
    public const string Current = "current";
}

/// <summary>A contractor with its latest evaluation and the day the next one is due.</summary>
public sealed record ContractorStatus(Party Party, ContractorEvaluation? Latest, DateOnly? NextDue, string State)
{
    public bool NeedsAttention => State != SupervisionStates.Current;
}

/// <summary>
/// Supervision of contractors (§7, Art. 25): evaluations with their day and result, each audited, and the re-evaluation
/// cycle — a contractor is due again its interval after the last evaluation, and overdue the day after, on the agency's
/// calendar (Japan). Time comes from the injected clock.
/// </summary>
public sealed class ContractorSupervision(MamoriDb db, AuditTrail audit, TimeProvider clock)
{
    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(JapanOffset).DateTime);

    public async Task<ContractorEvaluation> EvaluateAsync(Guid partyId, RecordEvaluation command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var party = await db.Set<Party>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == partyId, ct)
            ?? throw new MamoriException(PartyCodes.NotFound, "No party has this id.", 404);
        if (party.Kind != PartyKinds.Contractor)
            throw new MamoriException(PartyCodes.EvaluationNotContractor, "Only contractors are evaluated (§7 supervision).");
        if (!party.Active)
            throw new MamoriException(PartyCodes.Ended, "The relationship with this party has ended.", 409);
        if (command.Result is null || !EvaluationResults.All.Contains(command.Result))
            throw new MamoriException(PartyCodes.EvaluationResultUnknown, $"The result is one of {string.Join(", ", EvaluationResults.All)}.");
        if (command.EvaluatedOn > Today || command.EvaluatedOn < DateOnly.FromDateTime(party.CreatedAt.ToOffset(JapanOffset).DateTime).AddYears(-5))
            throw new MamoriException(PartyCodes.EvaluationDateInvalid, "The evaluation day is not in the future (nor years before the contractor was recorded).");
        var notes = command.Notes?.Trim();
        if (notes?.Length > ContractorEvaluation.MaxNotes)
            throw new MamoriException(PartyCodes.EvaluationNotesTooLong, $"Notes are at most {ContractorEvaluation.MaxNotes} characters.");
        var evaluation = new ContractorEvaluation
        {
            PartyId = party.Id,
            EvaluatedOn = command.EvaluatedOn,
            Result = command.Result,
            Notes = string.IsNullOrEmpty(notes) ? null : notes,
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = actor,
        };
        db.Set<ContractorEvaluation>().Add(evaluation);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.ContractorEvaluated, AuditOutcomes.Success,
            Reasons: [command.Result], Target: PartyRegistry.Target(party.Id)), ct);
        return evaluation;
    }

    public async Task<List<ContractorEvaluation>> EvaluationsAsync(Guid partyId, CancellationToken ct = default)
    {
        var evaluations = await db.Set<ContractorEvaluation>().AsNoTracking().Where(v => v.PartyId == partyId).ToListAsync(ct);
        return [.. evaluations.OrderByDescending(v => v.EvaluatedOn).ThenByDescending(v => v.RecordedAt)];
    }

    /// <summary>Every active contractor with its state; those needing attention first.</summary>
    public async Task<List<ContractorStatus>> ContractorsAsync(CancellationToken ct = default)
    {
        var contractors = await db.Set<Party>().AsNoTracking().Where(p => p.Kind == PartyKinds.Contractor && p.EndedAt == null).ToListAsync(ct);
        var ids = contractors.Select(p => p.Id).ToList();
        var evaluations = await db.Set<ContractorEvaluation>().AsNoTracking().Where(v => ids.Contains(v.PartyId)).ToListAsync(ct);
        var today = Today;
        return
        [
            .. contractors.Select(p => Status(p, evaluations.Where(v => v.PartyId == p.Id)
                    .OrderByDescending(v => v.EvaluatedOn).ThenByDescending(v => v.RecordedAt).FirstOrDefault(), today))
                .OrderBy(s => s.NeedsAttention ? 0 : 1).ThenBy(s => s.NextDue).ThenBy(s => s.Party.Code, StringComparer.Ordinal),
        ];
    }

    public static ContractorStatus Status(Party party, ContractorEvaluation? latest, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(party);
        if (latest is null)
            return new ContractorStatus(party, null, null, SupervisionStates.NeverEvaluated);
        var due = latest.EvaluatedOn.AddMonths(party.EvaluationIntervalMonths);
        return new ContractorStatus(party, latest, due, today > due ? SupervisionStates.Overdue : SupervisionStates.Current);
    }
}
