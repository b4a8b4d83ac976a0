using Mamori.Consent;
using Mamori.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Signals;

/// <summary>The choices in force for one device in the categories signals depend on.</summary>
public readonly record struct DeviceConsent(bool Analytics, bool Targeting, bool Location, bool AdIdentifiers, bool Art31Link, bool TargetingRefusedByGpc)
{
    /// <summary>Whether the device has not refused <paramref name="category"/>; necessary is always allowed.</summary>
    public bool Allows(string category) => category switch
    {
        ConsentCatalog.Necessary => true,
        ConsentCatalog.Analytics => Analytics,
        ConsentCatalog.Targeting => Targeting,
        ConsentCatalog.Location => Location,
        ConsentCatalog.AdIdentifiers => AdIdentifiers,
        ConsentCatalog.Art31Link => Art31Link,
        _ => false,
    };
}

/// <summary>
/// The consent ledger read for many devices at once, as the gate needs it: one query per batch instead of one per
/// device. It follows <see cref="ConsentLedger.CurrentAsync"/>: per category the latest record wins, and with none
/// on record the category's default holds (opt-out categories on, opt-in ones off).
/// </summary>
public sealed class DeviceConsents(MamoriDb db, ConsentCatalog catalog)
{
    private static readonly string[] Categories =
        [ConsentCatalog.Analytics, ConsentCatalog.Targeting, ConsentCatalog.Location, ConsentCatalog.AdIdentifiers, ConsentCatalog.Art31Link];

    public async Task<Dictionary<string, DeviceConsent>> ForAsync(IReadOnlyCollection<string> deviceIds, CancellationToken ct = default)
    {
        var result = new Dictionary<string, DeviceConsent>(deviceIds.Count, StringComparer.Ordinal);
        if (deviceIds.Count == 0)
            return result;
        // One index seek per device; the few rows of other categories are skipped here rather than multiplying the seeks.
        var rows = await db.Set<ConsentRecord>().AsNoTracking()
            .Where(r => r.SubjectKind == ConsentSubjectKind.Device && deviceIds.Contains(r.SubjectId))
            .Select(r => new { r.SubjectId, r.Category, r.Id, r.Given, r.Method })
            .ToListAsync(ct);
        var latest = rows.Where(r => Categories.Contains(r.Category))
            .GroupBy(r => (r.SubjectId, r.Category)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!);

        foreach (var device in deviceIds)
        {
            bool Given(string category) =>
                latest.TryGetValue((device, category), out var record) ? record.Given : catalog.Find(category)?.GivenByDefault ?? false;
            var byGpc = latest.TryGetValue((device, ConsentCatalog.Targeting), out var targeting)
                && targeting is { Given: false, Method: ConsentMethods.Gpc };
            result[device] = new DeviceConsent(Given(ConsentCatalog.Analytics), Given(ConsentCatalog.Targeting), Given(ConsentCatalog.Location),
                Given(ConsentCatalog.AdIdentifiers), Given(ConsentCatalog.Art31Link), byGpc);
        }
        return result;
    }
}
