using Mamori.Audit;
using Mamori.Compliance;
using Mamori.Host.Web;
using Mamori.Inquiries;
using Mamori.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mamori.Host.Pages.Privacy;

/// <summary>
/// /privacy/inquiry: the form for complaints and questions about personal information (§12). Sending it opens a case
/// at the desk and shows the sender its reference. Guarded by antiforgery, a per-address limit, a hidden field robots
/// fill in and a minimum time to fill the form.
/// </summary>
[EnableRateLimiting(RateLimits.Inquiry)]
public sealed class InquiryModel(CurrentPolicy current, InquiryRegister desk, InquiryFormGuard guard) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public PolicyDocument Policy => current.Document;
    public string? ErrorCode { get; private set; }
    public InquiryReceipt? Receipt { get; private set; }
    public string Stamp { get; private set; } = "";

    [BindProperty, UncheckedInput] public string? Kind { get; set; }
    [BindProperty, PersonalData] public string? Name { get; set; }
    [BindProperty, PersonalData] public string? Contact { get; set; }
    [BindProperty, PersonalData] public string? Message { get; set; }
    /// <summary>The hidden field only robots fill in; named to tempt them.</summary>
    [BindProperty, UncheckedInput] public string? Website { get; set; }
    /// <summary>When the form was shown (protected), for the minimum fill time.</summary>
    [BindProperty, UncheckedInput] public string? FormStamp { get; set; }

    public void OnGet() => Show();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        try
        {
            guard.Check(FormStamp, Website);
            Receipt = await desk.SubmitAsync(new SubmitInquiry(Kind, Name, Contact, Message, Lang), InquiryChannels.Form, AuditActors.Anonymous, ct);
            // What was sent is not shown back: the page may be left open on a shared computer.
            Name = Contact = Message = Kind = null;
        }
        catch (MamoriException e)
        {
            ErrorCode = e.Code;
            Response.StatusCode = e.Status;
        }
        Show();
        return Page();
    }

    private void Show()
    {
        Lang = Ui.Lang(Request);
        Stamp = guard.Stamp();
        Response.Headers.CacheControl = "no-cache, no-store";
    }
}
