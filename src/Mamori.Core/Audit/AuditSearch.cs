using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Audit;

/// <summary>What to look for; every criterion is optional and they combine. Texts match exactly.</summary>
/// <param name="From">Inclusive.</param>
/// <param name="Until">Exclusive.</param>
public sealed record AuditFilter(
    Guid? PersonId = null,
    string? Actor = null,
    string? Action = null,
    string? Purpose = null,
    string? Outcome = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null);

/// <summary>One page of entries, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);

/// <summary>Browsing the trail: filtered, newest first, a page at a time.</summary>
public sealed class AuditSearch(MamoriDb db)
{
    public async Task<AuditPage> FindAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, int.MaxValue / pageSize); // a page number from a URL must not overflow Skip
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (filter.PersonId is { } person)
            query = query.Where(a => a.PersonId == person);
        if (!string.IsNullOrEmpty(filter.Actor))
            query = query.Where(a => a.Actor == filter.Actor);
        if (!string.IsNullOrEmpty(filter.Action))
            query = query.Where(a => a.Action == filter.Action);
        if (!string.IsNullOrEmpty(filter.Purpose))
            query = query.Where(a => a.Purpose == filter.Purpose);
        if (!string.IsNullOrEmpty(filter.Outcome))
            query = query.Where(a => a.Outcome == filter.Outcome);
        // In UTC: SQLite compares the stored integers, which encode the instant's own offset.
        if (filter.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            query = query.Where(a => a.OccurredAt >= fromUtc);
        }
        if (filter.Until is { } until)
        {
            var untilUtc = until.ToUniversalTime();
            query = query.Where(a => a.OccurredAt < untilUtc);
        }

        // One more than a page tells whether there is a next page without counting the whole trail.
        var rows = await query.OrderByDescending(a => a.Sequence)
            .Skip((page - 1) * pageSize)
            .Take(pageSize + 1)
            .ToListAsync(ct);
        return new AuditPage([.. rows.Take(pageSize)], page, rows.Count > pageSize);
    }
}
