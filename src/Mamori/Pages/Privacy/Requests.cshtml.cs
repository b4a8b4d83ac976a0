using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Privacy;

/// <summary>
/// /privacy/requests: how to make a request (開示等の請求等) — every kind, the documents, the fee and how to pay, how we
/// answer and where to send it — from the policy's <c>requests</c> section, with the forms to download.
/// </summary>
public sealed class RequestsModel(CurrentPolicy current) : PageModel
{
    /// <summary>The online form, offered only when the policy switches the online channel on.</summary>
    public const string OnlineFormPath = "/privacy/requests/new";

    public string Lang { get; private set; } = "ja";
    public PolicyDocument Policy => current.Document;
    public RequestProcedure Requests => current.Document.Requests;

    public void OnGet() => Lang = Ui.Lang(Request);

    /// <summary>A form's address on this site (the policy may give a bare file name).</summary>
    public static string FormHref(string downloadPath) => NoticeLinks.Default.Form(downloadPath);

    public string Fee => Lang == "en"
        ? (Requests.Fee.Currency == "JPY" ? "¥" + Requests.Fee.Amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : Requests.Fee.Amount + " " + Requests.Fee.Currency)
        : Mamori.Requests.Forms.RequestFormPdf.FeeText(Requests.Fee);

    public string Address(PostalAddress address) =>
        (string.IsNullOrEmpty(address.PostalCode) ? "" : "〒" + address.PostalCode + " ") + address.Text.In(Lang);
}
