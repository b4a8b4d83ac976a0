using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Privacy;

/// <summary>/privacy/external-transmission (外部送信): per tag or SDK, what is sent, to whom and why — from the policy.</summary>
public sealed class ExternalTransmissionModel(CurrentPolicy current) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string Html { get; private set; } = "";

    public void OnGet()
    {
        Lang = Ui.Lang(Request);
        Html = new ExternalTransmissionRenderer().RenderHtml(current.Document, Lang, NoticeLinks.Default);
    }
}
