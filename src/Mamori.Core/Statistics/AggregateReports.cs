using System.Globalization;
using Mamori.Data;
using Mamori.Incidents;
using Mamori.Policy;
using Mamori.Signals;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Statistics;

/// <summary>One cell of a report. <see cref="Value"/> and <see cref="Size"/> are null when the cell is suppressed.</summary>
/// <param name="Size">How many persons (or devices) the cell is about; what the minimum cell size is checked against.</param>
public sealed record Cell(string Month, string Key, long? Value, long? Size, bool Suppressed);

public sealed record AggregateReport(string Name, int MinimumCellSize, DateOnly From, DateOnly To, IReadOnlyList<Cell> Cells)
{
    public int SuppressedCells => Cells.Count(c => c.Suppressed);
}

/// <summary>
/// Aggregate statistics for §4(1)⑤ (new services) and ⑫ (IR): page views, users of each service and incidents, by
/// month in Japan time. A cell about fewer persons or devices than the policy's minimum cell size (k) is suppressed —
/// neither its value nor its size is given — so no published figure can single anyone out. Anonymised signals (their
/// device removed by retention) count as one unknown device per cell, the cautious reading.
/// </summary>
public sealed class AggregateReports(MamoriDb db, CurrentPolicy policy, TimeProvider clock)
{
    public const int MaxMonths = 36;
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public int MinimumCellSize => policy.Document.Statistics?.MinimumCellSize ?? 10;

    /// <summary>Page views per month and page (host and path, no query), with the devices that viewed it as the cell size.</summary>
    public async Task<AggregateReport> PageViewsAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var (start, end) = Window(from, to);
        var cells = new Dictionary<(string Month, string Key), Tally>();
        await foreach (var s in SignalsAsync(start, end, s => s.Type == SignalTypes.PageView && s.Url != null, ct))
            Count(cells, Month(s.At), Page(s.Url!), s.DeviceId);
        return Report("page_views", start, end, cells);
    }

    /// <summary>Users (devices) of each service of the policy per month: page views for the website, app launches
    /// reported by iOS or Android for the apps. The cell's value is its size: the number of devices.</summary>
    public async Task<AggregateReport> ServiceUsersAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var (start, end) = Window(from, to);
        var services = policy.Document.Scope.Services;
        var cells = new Dictionary<(string Month, string Key), Tally>();
        await foreach (var s in SignalsAsync(start, end, s => s.Type == SignalTypes.PageView || s.Type == SignalTypes.AppOpen, ct))
        {
            var kind = s.Type == SignalTypes.PageView ? "web"
                : s.Os?.StartsWith("iOS", StringComparison.OrdinalIgnoreCase) == true ? "ios_app"
                : s.Os?.StartsWith("Android", StringComparison.OrdinalIgnoreCase) == true ? "android_app" : null;
            foreach (var service in services.Where(v => v.Kind == kind))
                Count(cells, Month(s.At), service.Id, s.DeviceId);
        }
        var report = Report("service_users", start, end, cells);
        return report with { Cells = [.. report.Cells.Select(c => c with { Value = c.Size })] };
    }

    /// <summary>Incidents recorded per month (a count of events, not of persons, so never suppressed) and the persons
    /// they affected (suppressed below k).</summary>
    public async Task<AggregateReport> IncidentsAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var (start, end) = Window(from, to);
        var startDay = DateOnly.FromDateTime(start.ToOffset(Japan).DateTime);
        var endDay = DateOnly.FromDateTime(end.ToOffset(Japan).DateTime);
        var incidents = await db.Set<Incident>().AsNoTracking().Where(i => i.AwarenessDate >= startDay && i.AwarenessDate < endDay)
            .Select(i => new { i.AwarenessDate, i.PersonsAffected }).ToListAsync(ct);
        var k = MinimumCellSize;
        var cells = new List<Cell>();
        foreach (var month in incidents.GroupBy(i => i.AwarenessDate.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cells.Add(new Cell(month.Key, "incidents", month.Count(), null, false));
            var persons = month.Sum(i => (long)i.PersonsAffected);
            cells.Add(persons >= k ? new Cell(month.Key, "persons_affected", persons, persons, false) : new Cell(month.Key, "persons_affected", null, null, true));
        }
        return new AggregateReport("incidents", k, startDay, endDay, cells);
    }

    private sealed class Tally
    {
        public long Events;
        public readonly HashSet<string> Devices = new(StringComparer.Ordinal);
        public bool Unknown;
        public long Size => Devices.Count + (Unknown ? 1 : 0);
    }

    private static void Count(Dictionary<(string, string), Tally> cells, string month, string key, string? device)
    {
        if (!cells.TryGetValue((month, key), out var tally))
            cells[(month, key)] = tally = new Tally();
        tally.Events++;
        if (device is null)
            tally.Unknown = true;
        else
            tally.Devices.Add(device);
    }

    private AggregateReport Report(string name, DateTimeOffset start, DateTimeOffset end, Dictionary<(string Month, string Key), Tally> cells)
    {
        var k = MinimumCellSize;
        return new AggregateReport(name, k, DateOnly.FromDateTime(start.ToOffset(Japan).DateTime), DateOnly.FromDateTime(end.ToOffset(Japan).DateTime),
            [.. cells.OrderBy(c => c.Key.Month, StringComparer.Ordinal).ThenBy(c => c.Key.Key, StringComparer.Ordinal)
                .Select(c => c.Value.Size >= k
                    ? new Cell(c.Key.Month, c.Key.Key, c.Value.Events, c.Value.Size, false)
                    : new Cell(c.Key.Month, c.Key.Key, null, null, true))]);
    }

    /// <summary>The signals in the window: ids grow with arrival, so the scan starts at the first batch received since
    /// the start and runs along the key; each event is then placed by its own time.</summary>
    private async IAsyncEnumerable<Signal> SignalsAsync(DateTimeOffset start, DateTimeOffset end, System.Linq.Expressions.Expression<Func<Signal, bool>> filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var first = await db.Set<SignalBatch>().Where(b => b.ReceivedAt >= start && b.FirstSignalId != null).MinAsync(b => b.FirstSignalId, ct);
        if (first is not { } firstId)
            yield break;
        var query = db.Set<Signal>().AsNoTracking().Where(s => s.Id >= firstId && s.At >= start && s.At < end).Where(filter);
        await foreach (var s in query.AsAsyncEnumerable().WithCancellation(ct))
            yield return s;
    }

    /// <summary>From the first of the month <paramref name="from"/> falls in (default: 11 months before this one) to the
    /// end of <paramref name="to"/>'s month (default: this month), at most <see cref="MaxMonths"/> months, in Japan time.</summary>
    private (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly? from, DateOnly? to)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Japan).DateTime);
        var last = to ?? today;
        var endMonth = new DateOnly(last.Year, last.Month, 1).AddMonths(1);
        var first = from ?? endMonth.AddMonths(-12);
        var startMonth = new DateOnly(first.Year, first.Month, 1);
        if (startMonth >= endMonth || startMonth < endMonth.AddMonths(-MaxMonths))
            throw new MamoriException("statistics.window_invalid", $"'from' is before 'to', and the window is at most {MaxMonths} months.");
        // In UTC: PostgreSQL's timestamptz takes no other offset.
        return (new DateTimeOffset(startMonth.ToDateTime(TimeOnly.MinValue), Japan).ToUniversalTime(),
            new DateTimeOffset(endMonth.ToDateTime(TimeOnly.MinValue), Japan).ToUniversalTime());
    }

    private static string Month(DateTimeOffset at) => at.ToOffset(Japan).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Page(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host + uri.AbsolutePath : url.Split('?', '#')[0];
}
