using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Privacy;

/// <summary>/privacy: the notice in force, rendered from the policy, with links to earlier versions.</summary>
public sealed class IndexModel(CurrentPolicy current, PolicyVersions versions, Mamori.Parties.PartyRegistry registry) : PageModel
{
    public CurrentPolicy Current => current;
    public string Lang { get; private set; } = "ja";
    public string NoticeHtml { get; private set; } = "";
    public IReadOnlyList<PolicyVersion> Earlier { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        // The notice in force also names the registry's contractors and its parties abroad (§7, §11(7)).
        NoticeHtml = new NoticeRenderer().RenderHtml(current.Document, Lang, NoticeLinks.Default, await registry.ForNoticeAsync(ct));
        Earlier = [.. (await versions.ListAsync(ct)).Where(v => v.ContentHash != current.ContentHash)];
    }
}
