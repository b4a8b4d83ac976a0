using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Parties;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console.Parties;

/// <summary>§7 outsourcing: every active contractor with the data entrusted, its country and regime, its contract, and its
/// supervision — the overdue and never-evaluated ones first and marked.</summary>
[RequirePermission(Permission.ManageParties)]
public sealed class OutsourcingModel(ContractorSupervision supervision, CurrentPolicy policy) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public DateOnly Today { get; private set; }
    public IReadOnlyList<ContractorStatus> Contractors { get; private set; } = [];
    public PolicyDocument Policy => policy.Document;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        Today = supervision.Today;
        Contractors = await supervision.ContractorsAsync(ct);
    }

    public string Category(string id) => Policy.DataCategories.FirstOrDefault(d => d.Id == id)?.Label.In(Lang) ?? id;
}
