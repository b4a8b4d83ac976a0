using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Data;
using Mamori.Policy;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Training;

public sealed record RecordTraining([property: PersonalData] string? Title, DateOnly? HeldOn, [property: Pseudonymous] IReadOnlyList<Guid>? StaffIds);

public sealed record RecordPledge([property: Pseudonymous] Guid StaffId, DateOnly? SignedOn, DateOnly? ExpiresOn);

/// <summary>Where one staff member stands: their last training and when the next is due, their pledge and when it
/// lapses. Overdue when the due day has come (or there was never any).</summary>
public sealed record StaffStanding(Guid StaffId, [property: PersonalData] string DisplayName, string Role, DateOnly? LastTrained, DateOnly TrainingDue, bool TrainingOverdue,
    DateOnly? PledgeSigned, DateOnly? PledgeExpires, bool PledgeOverdue)
{
    public bool Overdue => TrainingOverdue || PledgeOverdue;
}

/// <summary>
/// People measures (§11(4)): training sessions with their attendees, confidentiality pledges, and who is overdue —
/// not trained within the policy's interval, or without a pledge in force. Staff are named by account id; recording
/// is audited.
/// </summary>
public sealed class PeopleMeasures(MamoriDb db, CurrentPolicy policy, AuditTrail audit, TimeProvider clock)
{
    public const int MaxAttendees = 1000;

    private int TrainingMonths => policy.Document.Programme?.TrainingIntervalMonths ?? 12;
    private int PledgeMonths => policy.Document.Programme?.PledgeValidityMonths ?? 36;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

    public async Task<TrainingSession> RecordTrainingAsync(RecordTraining command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var title = command.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > TrainingSession.MaxTitle)
            throw new MamoriException("training.title_required", $"Say what the session covered (1–{TrainingSession.MaxTitle} characters).");
        var heldOn = command.HeldOn ?? Today;
        if (heldOn > Today)
            throw new MamoriException("training.in_future", "Record a session once it has been held.");
        var staff = (command.StaffIds ?? []).Distinct().ToList();
        if (staff.Count is 0 or > MaxAttendees)
            throw new MamoriException("training.attendees_invalid", $"Name the staff who attended (1–{MaxAttendees}).");
        await RequireStaffAsync(staff, ct);
        var session = new TrainingSession { Title = title, HeldOn = heldOn, RecordedAt = clock.GetUtcNow(), RecordedBy = actor };
        session.Attendees = [.. staff.Select(s => new TrainingAttendance { SessionId = session.Id, StaffId = s })];
        db.Set<TrainingSession>().Add(session);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.TrainingRecorded, AuditOutcomes.Success, Target: "training:" + session.Id.ToString("D")), ct);
        return session;
    }

    public async Task<ConfidentialityPledge> RecordPledgeAsync(RecordPledge command, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        await RequireStaffAsync([command.StaffId], ct);
        var signed = command.SignedOn ?? Today;
        var expires = command.ExpiresOn ?? signed.AddMonths(PledgeMonths);
        if (signed > Today || expires <= signed)
            throw new MamoriException("pledge.dates_invalid", "A pledge is signed on or before today and expires after it was signed.");
        var pledge = new ConfidentialityPledge { StaffId = command.StaffId, SignedOn = signed, ExpiresOn = expires, RecordedAt = clock.GetUtcNow(), RecordedBy = actor };
        db.Set<ConfidentialityPledge>().Add(pledge);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.PledgeRecorded, AuditOutcomes.Success,
            Target: AuditActors.Staff(command.StaffId)), ct);
        return pledge;
    }

    public Task<List<TrainingSession>> SessionsAsync(CancellationToken ct = default) =>
        db.Set<TrainingSession>().AsNoTracking().Include(s => s.Attendees).OrderByDescending(s => s.HeldOn).Take(100).ToListAsync(ct);

    /// <summary>Every enabled staff account's standing, the overdue first.</summary>
    public async Task<IReadOnlyList<StaffStanding>> StandingAsync(CancellationToken ct = default)
    {
        var today = Today;
        var staff = await db.StaffUsers.AsNoTracking().Where(u => !u.Disabled).Select(u => new { u.Id, u.DisplayName, u.Role, u.CreatedAt }).ToListAsync(ct);
        var trained = (await db.Set<TrainingAttendance>().AsNoTracking()
                .Join(db.Set<TrainingSession>(), a => a.SessionId, s => s.Id, (a, s) => new { a.StaffId, s.HeldOn }).ToListAsync(ct))
            .GroupBy(t => t.StaffId).ToDictionary(g => g.Key, g => g.Max(t => t.HeldOn));
        var pledges = (await db.Set<ConfidentialityPledge>().AsNoTracking().ToListAsync(ct))
            .GroupBy(p => p.StaffId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.ExpiresOn)!);
        var standings = staff.Select(u =>
        {
            DateOnly? last = trained.TryGetValue(u.Id, out var t) ? t : null;
            // Never trained: due from the day the account was made, so a new member is trained within the interval.
            var due = (last ?? DateOnly.FromDateTime(u.CreatedAt.ToOffset(TimeSpan.FromHours(9)).DateTime)).AddMonths(TrainingMonths);
            var pledge = pledges.GetValueOrDefault(u.Id);
            return new StaffStanding(u.Id, u.DisplayName, u.Role, last, due, due <= today, pledge?.SignedOn, pledge?.ExpiresOn, pledge is null || pledge.ExpiresOn <= today);
        });
        return [.. standings.OrderByDescending(s => s.Overdue).ThenBy(s => s.TrainingDue).ThenBy(s => s.StaffId)];
    }

    private async Task RequireStaffAsync(List<Guid> ids, CancellationToken ct)
    {
        var known = await db.StaffUsers.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (known.Count != ids.Count)
            throw new MamoriException("staff.not_found", "Every staff id must be an account of Mamori.", 404);
    }
}
