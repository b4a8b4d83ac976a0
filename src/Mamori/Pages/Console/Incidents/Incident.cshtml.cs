using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Incidents;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console.Incidents;

/// <summary>One incident: its facts, whether and why it is reportable, each deadline and how it was moved, the drafts.</summary>
[RequirePermission(Permission.ManageIncidents)]
public sealed class IncidentModel(IncidentRegister register, CurrentPolicy policy, TimeProvider clock) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public DateOnly Today { get; private set; }
    public IncidentView View { get; private set; } = null!;
    public PolicyDocument Policy => policy.Document;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Today = ReportDeadlines.JapanDate(clock.GetUtcNow());
        Response.Headers.CacheControl = "no-cache, no-store";
        try
        {
            View = await register.GetAsync(id, ct);
            return Page();
        }
        catch (MamoriException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }
}
