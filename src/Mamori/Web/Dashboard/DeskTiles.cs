using System.Globalization;
using System.Security.Claims;
using Mamori.Host.Auth;
using Mamori.Parties;
using Mamori.Policy;
using Mamori.Requests;
using Mamori.Staff;

namespace Mamori.Host.Web.Dashboard;

/// <summary>Open requests from data subjects by due date, the nearest first; overdue and near-due ones marked.</summary>
public sealed class RequestsTile(RequestCases cases, CurrentPolicy policy, TimeProvider clock) : IDashboardTile
{
    public int Order => 5;

    public async Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct)
    {
        if (!user.Has(Permission.ManageRequests))
            return null;
        var open = (await cases.QueueAsync(ct: ct)).OrderBy(q => q.DueAt).ToList();
        var today = clock.GetUtcNow();
        var nearest = open.Take(6).ToList();
        string Kind(string id) => policy.Document.Requests.Kinds.FirstOrDefault(k => k.Id == id)?.Label.In(lang) ?? id;
        int DaysLeft(QueueEntry q) => (int)Math.Floor((q.DueAt - today).TotalDays);
        return new DashboardTile("requests", Ui.T(lang, "console.requests"), open.Count.ToString(CultureInfo.InvariantCulture),
            Ui.T(lang, "dashboard.requests_caption"), open.Any(q => q.Urgency != Urgencies.OnTrack), "/console/requests",
            [.. nearest.Select(q => $"{Ui.Time(q.DueAt)} · {Kind(q.Kind)} · {Ui.T(lang, "dashboard.urgency." + q.Urgency)}")],
            nearest.Count == 0 ? null : SvgBars.Draw(Ui.T(lang, "console.requests"),
                [.. nearest.Select(q => (Kind(q.Kind), (double)DaysLeft(q), q.Urgency != Urgencies.OnTrack))], Ui.T(lang, "dashboard.days_unit")));
    }
}

/// <summary>Contractors whose supervision is due: never evaluated, or past their re-evaluation day (§7).</summary>
public sealed class SupervisionTile(ContractorSupervision supervision) : IDashboardTile
{
    public int Order => 35;

    public async Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct)
    {
        if (!user.Has(Permission.ManageParties))
            return null;
        var due = (await supervision.ContractorsAsync(ct)).Where(c => c.NeedsAttention).ToList();
        return new DashboardTile("supervision", Ui.T(lang, "parties.outsourcing"), due.Count.ToString(CultureInfo.InvariantCulture),
            Ui.T(lang, "dashboard.supervision_caption"), due.Count > 0, "/console/parties/outsourcing",
            [.. due.Take(6).Select(c => $"{c.Party.Name(lang)} · {Ui.T(lang, "dashboard.supervision." + c.State)}")]);
    }
}
