using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Privacy;

/// <summary>/privacy/cookies: the cookie categories and every tag with its provider, items and purposes.</summary>
public sealed class CookiesModel(CurrentPolicy current) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string Html { get; private set; } = "";

    public void OnGet()
    {
        Lang = Ui.Lang(Request);
        Html = new ExternalTransmissionRenderer().RenderCookieInventoryHtml(current.Document, Lang, NoticeLinks.Default);
    }
}
