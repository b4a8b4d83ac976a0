using Mamori.Host.Web;
using Mamori.Policy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Privacy;

/// <summary>/privacy/versions: every published version of the notice, newest first.</summary>
public sealed class VersionsModel(PolicyVersions versions, CurrentPolicy current) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string CurrentHash => current.ContentHash;
    public IReadOnlyList<PolicyVersion> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Versions = await versions.ListAsync(ct);
    }
}
