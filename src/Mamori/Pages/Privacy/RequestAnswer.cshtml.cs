using Mamori.Compliance;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mamori.Host.Pages.Privacy;

/// <summary>
/// /privacy/requests/answer: where a requester who chose an electronic answer downloads it, with the token from the
/// link and the password sent separately. The token travels in a form field on the post, not in the URL of the
/// download; wrong passwords count and lock the link. Rate-limited like sign-in.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RequestAnswerModel(RequestCases cases, CurrentPolicy policy, TimeProvider clock) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string? ErrorCode { get; private set; }
    [BindProperty(SupportsGet = true), Secret] public string? Token { get; set; }
    [BindProperty, Secret] public string? Password { get; set; }

    public void OnGet()
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-store";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-store";
        try
        {
            var detail = await cases.DownloadAsync(Token, Password, ct);
            var letter = RequestLetter.For(detail, policy.Document, clock.GetUtcNow());
            return File(letter.ToPdf(), "application/pdf", $"answer-{detail.Case.Id:D}.pdf");
        }
        catch (MamoriException e)
        {
            ErrorCode = e.Code;
            Response.StatusCode = e.Status;
            return Page();
        }
    }
}
