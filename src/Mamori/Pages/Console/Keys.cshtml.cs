using Mamori.Compliance;
using Mamori.Data;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Host.Pages.Console;

/// <summary>API keys: create (shown once) and revoke.</summary>
[RequirePermission(Permission.ManageApiKeys)]
public sealed class KeysModel(MamoriDb db, ApiKeys keys) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    [Secret] public string? NewKey { get; private set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostCreateAsync(string name, string role, CancellationToken ct)
    {
        try
        {
            NewKey = (await keys.CreateAsync(name ?? "", role ?? "", User.AuditActor(), ct)).Plaintext;
        }
        catch (MamoriException e)
        {
            Error = e.Message;
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await keys.RevokeAsync(id, User.AuditActor(), ct);
        return Redirect($"/console/keys?lang={Ui.Lang(Request)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct);
    }
}
