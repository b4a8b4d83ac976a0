using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Inquiries;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console.Inquiries;

/// <summary>The inquiry desk's queue: open inquiries, longest waiting first, then the closed. Shows no personal data.</summary>
[RequirePermission(Permission.ManageInquiries)]
public sealed class IndexModel(InquiryRegister desk) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public IReadOnlyList<InquirySummary> Inquiries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Handlers { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        Inquiries = await desk.ListAsync(ct: ct);
        Handlers = (await desk.HandlersAsync(ct)).ToDictionary(h => h.Id, h => h.DisplayName);
    }

    public string Assignee(Guid? staffId) =>
        staffId is not { } id ? "—" : Handlers.TryGetValue(id, out var name) ? name : id.ToString("D")[..8];
}
