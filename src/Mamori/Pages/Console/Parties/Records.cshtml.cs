using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Provision;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console.Parties;

/// <summary>Every Art. 29–31 record about one person (what a disclosure of records hands over), read-only; the read is audited.</summary>
[RequirePermission(Permission.ReadPersonalData)]
public sealed class RecordsModel(ProvisionRecords records) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public Guid? PersonId { get; private set; }
    public IReadOnlyList<ProvisionRecord> Records { get; private set; } = [];

    public async Task OnGetAsync(string? personId, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        if (Guid.TryParse(personId, out var id))
        {
            PersonId = id;
            Records = await records.ForPersonAsync(id, User.AuditActor(), ct);
        }
    }
}
