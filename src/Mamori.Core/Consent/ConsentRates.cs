using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Consent;

/// <summary>One category's standing choices: subjects whose latest choice gives it, and those whose latest refuses it.</summary>
public sealed record ConsentRate(string Category, int Given, int Refused)
{
    public int Total => Given + Refused;
    /// <summary>The share given, 0–1; null with no choice on record.</summary>
    public double? Share => Total == 0 ? null : (double)Given / Total;
}

/// <summary>
/// How many devices and persons have agreed to each category, by their latest choice. Subjects with no choice on record
/// are not counted (their default is the policy's, not a choice). For the privacy officer's dashboard.
/// </summary>
public static class ConsentRates
{
    public static async Task<IReadOnlyList<ConsentRate>> CurrentAsync(MamoriDb db, ConsentCatalog catalog, CancellationToken ct = default)
    {
        var latest = db.Set<ConsentRecord>().GroupBy(r => new { r.SubjectKind, r.SubjectId, r.Category }).Select(g => g.Max(r => r.Id));
        var counts = await db.Set<ConsentRecord>().AsNoTracking().Where(r => latest.Contains(r.Id))
            .GroupBy(r => new { r.Category, r.Given }).Select(g => new { g.Key.Category, g.Key.Given, Count = g.Count() })
            .ToListAsync(ct);
        return [.. catalog.All.Where(c => c.Requirement != ConsentRequirement.None).Select(c => new ConsentRate(c.Id,
            counts.Where(x => x.Category == c.Id && x.Given).Sum(x => x.Count),
            counts.Where(x => x.Category == c.Id && !x.Given).Sum(x => x.Count)))];
    }
}
