using System.Globalization;
using System.Security.Claims;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Host.Auth;
using Mamori.Incidents;
using Mamori.Ledger;
using Mamori.Retention;
using Mamori.Staff;
using Mamori.Training;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Host.Web.Dashboard;

/// <summary>Incidents with their next report deadline and the days left, nearest first.</summary>
public sealed class IncidentsTile(IncidentRegister register, TimeProvider clock) : IDashboardTile
{
    public int Order => 10;

    public async Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct)
    {
        if (!user.Has(Permission.ManageIncidents))
            return null;
        var today = ReportDeadlines.JapanDate(clock.GetUtcNow());
        var upcoming = (await register.ListAsync(50, ct))
            .Select(v => (View: v, Next: v.Deadlines.Where(d => d.DaysLeft(today) >= 0).OrderBy(d => d.Due).FirstOrDefault()))
            .Where(x => x.Next is not null).OrderBy(x => x.Next!.Due).Take(6).ToList();
        var bars = upcoming.Select(x => (x.View.Incident.AwarenessDate.ToString("MM-dd", CultureInfo.InvariantCulture) + " " + Ui.T(lang, "incidents.report." + x.Next!.Report),
            (double)x.Next.DaysLeft(today), x.Next.DaysLeft(today) <= 2)).ToList();
        return new DashboardTile("incidents", Ui.T(lang, "dashboard.incidents"), upcoming.Count.ToString(CultureInfo.InvariantCulture),
            Ui.T(lang, "dashboard.incidents_caption"), bars.Any(b => b.Item3), "/console/incidents",
            [.. upcoming.Select(x => $"{x.Next!.Due:yyyy-MM-dd} · {Ui.T(lang, "incidents.report." + x.Next.Report)} · {x.Next.DaysLeft(today)}{Ui.T(lang, "dashboard.days_left")}")],
            bars.Count > 0 ? SvgBars.Draw(Ui.T(lang, "dashboard.incidents"), bars, Ui.T(lang, "dashboard.days_unit")) : null);
    }
}

/// <summary>Retention: the last run, and what a run now would dispose of or hold.</summary>
public sealed class RetentionTile(Disposals disposals) : IDashboardTile
{
    public int Order => 30;

    public async Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct)
    {
        if (!user.Has(Permission.ManageRetention))
            return null;
        var plan = await disposals.PlanAsync(ct);
        var last = (await disposals.RecentAsync(1, ct)).FirstOrDefault();
        return new DashboardTile("retention", Ui.T(lang, "console.retention"), plan.Total.ToString(CultureInfo.InvariantCulture),
            Ui.T(lang, "dashboard.retention_caption"), plan.Total > 0, "/console/retention",
            [
                Ui.T(lang, "dashboard.last_run") + " " + (last is null ? "—" : Ui.Time(last.RunAt)),
                Ui.T(lang, "retention.held") + " " + plan.Held.ToString(CultureInfo.InvariantCulture),
            ]);
    }
}

/// <summary>Training and pledges: how many staff are in order and how many overdue.</summary>
public sealed class TrainingTile(PeopleMeasures measures) : IDashboardTile
{
    public int Order => 40;

    public async Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct)
    {
        if (!user.Has(Permission.ManageProgramme))
            return null;
        var standing = await measures.StandingAsync(ct);
        var training = standing.Count(s => s.TrainingOverdue);
        var pledges = standing.Count(s => s.PledgeOverdue);
        var inOrder = standing.Count(s => !s.Overdue);
        return new DashboardTile("training", Ui.T(lang, "console.training"), standing.Count(s => s.Overdue).ToString(CultureInfo.InvariantCulture),
            Ui.T(lang, "dashboard.training_caption"), training + pledges > 0, "/console/training", [],
            SvgBars.Draw(Ui.T(lang, "console.training"),
                [(Ui.T(lang, "dashboard.in_order"), inOrder, false), (Ui.T(lang, "dashboard.training_overdue"), training, training > 0),
                 (Ui.T(lang, "dashboard.pledge_overdue"), pledges, pledges > 0)], ""));
    }
}

/// <summary>The ledger: when its review falls due.</summary>
public sealed class LedgerTile(PersonalInformationLedger ledger, TimeProvider clock) : IDashboardTile
{
    public int Order => 50;

    public async Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct)
    {
        if (!user.Has(Permission.ViewLedger))
            return null;
        var due = ledger.NextReviewDue(await ledger.LastReviewAsync(ct));
        var today = ReportDeadlines.JapanDate(clock.GetUtcNow());
        return new DashboardTile("ledger", Ui.T(lang, "console.ledger"), due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Ui.T(lang, "ledger.next_due"), due <= today, "/console/ledger", []);
    }
}

/// <summary>Consent rates: per consent category, the share of subjects (devices and persons) whose latest choice gives it.</summary>
public sealed class ConsentTile(MamoriDb db) : IDashboardTile
{
    public int Order => 20;

    public async Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct)
    {
        if (!user.Has(Permission.ManageConsents))
            return null;
        var latest = db.Set<ConsentRecord>().GroupBy(r => new { r.SubjectKind, r.SubjectId, r.Category }).Select(g => g.Max(r => r.Id));
        var rates = await db.Set<ConsentRecord>().Where(r => latest.Contains(r.Id)).GroupBy(r => r.Category)
            .Select(g => new { Category = g.Key, Given = g.Count(r => r.Given), Total = g.Count() }).ToListAsync(ct);
        var bars = rates.OrderBy(r => r.Category, StringComparer.Ordinal)
            .Select(r => (r.Category, Math.Round(100.0 * r.Given / r.Total, 1), false)).ToList();
        var subjects = rates.Count == 0 ? 0 : rates.Max(r => r.Total);
        return new DashboardTile("consent", Ui.T(lang, "dashboard.consent"), subjects.ToString(CultureInfo.InvariantCulture),
            Ui.T(lang, "dashboard.consent_caption"), false, "/console", [],
            bars.Count > 0 ? SvgBars.Draw(Ui.T(lang, "dashboard.consent"), bars, "%") : null);
    }
}
