using System.Globalization;
using Mamori.Consent;
using Mamori.Data;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Incidents;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>
/// The console's home, and the privacy officer's dashboard: each tile shows what needs attention in one capability —
/// incident report deadlines, consent rates, … — to staff whose permissions cover that capability. Charts are SVG
/// drawn on the server (<see cref="SvgChart"/>).
/// </summary>
public sealed class IndexModel(CurrentPolicy policy, MamoriDb db, IncidentRegister incidents, ConsentCatalog catalog, TimeProvider clock) : PageModel
{
    /// <summary>Deadlines this close (days) are marked as near.</summary>
    public const int SoonDays = 3;

    public string Lang { get; private set; } = "ja";
    public string Role { get; private set; } = "";
    public IReadOnlyList<Permission> Permissions { get; private set; } = [];
    public string PolicyVersion => policy.Version;
    public DateOnly Today { get; private set; }

    /// <summary>Each reportable incident with the next report it owes (or the last one missed); null without the permission.</summary>
    public IReadOnlyList<(IncidentView View, ReportDeadline Next)>? IncidentDeadlines { get; private set; }
    public IReadOnlyList<ConsentRate>? ConsentRates { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Role = User.FindFirst(Auth.Permissions.RoleClaim)?.Value ?? "";
        Permissions = Roles.PermissionsOf(Role);
        Today = ReportDeadlines.JapanDate(clock.GetUtcNow());
        Response.Headers.CacheControl = "no-cache, no-store";

        if (User.Has(Permission.ManageIncidents))
        {
            IncidentDeadlines = [.. (await incidents.ListAsync(ct: ct))
                .Where(v => v.Deadlines.Count > 0)
                .Select(v => (v, v.Deadlines.Where(d => d.DaysLeft(Today) >= 0).MinBy(d => d.Due) ?? v.Deadlines.MaxBy(d => d.Due)!))
                // What is still owed first; of incidents long past every deadline, only those missed in the last 30 days.
                .Where(x => x.Item2.DaysLeft(Today) >= -30)
                .OrderBy(x => x.Item2.Due)];
        }
        if (User.Has(Permission.ManageConsents) || User.Has(Permission.ViewAudit))
            ConsentRates = await Consent.ConsentRates.CurrentAsync(db, catalog, ct);
    }

    public string CategoryLabel(string id) => catalog.Find(id)?.Label.In(Lang) ?? id;

    public static string Kind(int daysLeft) => daysLeft < 0 ? "overdue" : daysLeft <= SoonDays ? "soon" : "normal";

    public string Countdown(int daysLeft) =>
        daysLeft < 0 ? string.Format(CultureInfo.InvariantCulture, Ui.T(Lang, "incidents.overdue"), -daysLeft)
        : daysLeft == 0 ? Ui.T(Lang, "incidents.due_today")
        : string.Format(CultureInfo.InvariantCulture, Ui.T(Lang, "incidents.days_left"), daysLeft);
}
