using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Privacy;

/// <summary>/privacy/versions/{version}: an earlier notice exactly as it was published.</summary>
public sealed class VersionModel(PolicyVersions versions, PolicyArchive archive) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string Version { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
    public string NoticeHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string version, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        var stored = await versions.FindAsync(version, ct);
        var document = stored is null ? null : archive.Parse(stored);
        if (stored is null || document is null)
            return NotFound();
        Version = stored.Version;
        EffectiveFrom = stored.EffectiveFrom;
        NoticeHtml = new NoticeRenderer().RenderHtml(document, Lang, NoticeLinks.Default);
        return Page();
    }
}
