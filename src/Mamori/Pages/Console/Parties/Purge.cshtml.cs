using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Provision;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console.Parties;

/// <summary>The retention purge of provision records: every run (the daily job's and the officer's), and a button to run it now.</summary>
[RequirePermission(Permission.ProvideToThirdParties)]
public sealed class PurgeModel(ProvisionRecords records) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public IReadOnlyList<ProvisionPurge> Purges { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        Purges = await records.PurgesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await records.PurgeExpiredAsync(User.AuditActor(), ct);
        return Redirect($"/console/parties/purge?lang={Ui.Lang(Request)}&purged={result.Count}");
    }
}
