using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Ledger;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Ledger;

/// <summary>The ledger of personal information with its exports, and the yearly review signed off by the privacy officer.</summary>
[RequirePermission(Permission.ViewLedger)]
public sealed class IndexModel(PersonalInformationLedger ledger) : ConsolePageModel
{
    public LedgerSheet Sheet { get; private set; } = null!;
    public IReadOnlyList<LedgerReview> Reviews { get; private set; } = [];
    public bool MayReview => User.Has(Permission.ManageProgramme);
    [BindProperty, PersonalData] public string? Comment { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        if (!MayReview)
            return Redirect("/console/denied");
        return await ActAsync(async () =>
        {
            await ledger.ReviewAsync(Comment, User.AuditActor(), ct);
            return $"/console/ledger?lang={Lang}&reviewed=1";
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        Sheet = await ledger.BuildAsync(Lang, ct);
        Reviews = await ledger.ReviewsAsync(ct);
    }
}
