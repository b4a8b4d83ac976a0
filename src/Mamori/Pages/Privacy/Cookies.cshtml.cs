using Mamori.Consent;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mamori.Host.Pages.Privacy;

/// <summary>
/// /privacy/cookies: this device's cookie settings (a plain form that works without JavaScript), then the cookie
/// categories and every tag with its provider, items and purposes.
/// </summary>
[EnableRateLimiting(RateLimits.Consent)]
public sealed class CookiesModel(CurrentPolicy current, ConsentLedger ledger, ConsentCatalog catalog) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string Html { get; private set; } = "";
    public BannerContent Banner { get; private set; } = null!;
    /// <summary>The choice in force per cookie category for this browser's device ID (defaults when it has none).</summary>
    public IReadOnlyDictionary<string, CurrentChoice> Choices { get; private set; } = new Dictionary<string, CurrentChoice>();
    public bool Saved { get; private set; }
    public bool Gpc { get; private set; }
    public string? Error { get; private set; }
    public PolicyDocument Policy => current.Document;

    /// <summary>The form's radio buttons: <c>Choice[analytics]=on|off</c>.</summary>
    [BindProperty] public Dictionary<string, string> Choice { get; set; } = [];

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await ShowAsync(DeviceCookies.Read(Request), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var deviceId = DeviceCookies.Ensure(HttpContext);
        var gpc = Request.Headers["Sec-GPC"] == "1";
        try
        {
            var recorded = await ledger.RecordAsync(new RecordConsent(ConsentSubject.Device(deviceId),
                Choice.ToDictionary(c => c.Key, c => c.Value == "on", StringComparer.Ordinal), ConsentMethods.SettingsPage, gpc, "anonymous"), ct);
            DeviceCookies.Remember(HttpContext, current.Version, recorded.State, gpc);
        }
        catch (MamoriException e)
        {
            Error = e.Message;
            Response.StatusCode = e.Status;
            await ShowAsync(deviceId, ct);
            return Page();
        }
        return Redirect($"/privacy/cookies?saved=true{(Ui.Lang(Request) == "en" ? "&lang=en" : "")}");
    }

    private async Task ShowAsync(string? deviceId, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Gpc = Request.Headers["Sec-GPC"] == "1";
        Banner = BannerContent.For(current.Document, Lang);
        Html = new ExternalTransmissionRenderer().RenderCookieInventoryHtml(current.Document, Lang, NoticeLinks.Default);
        var choices = deviceId is null
            ? catalog.Cookies.Select(c => new CurrentChoice(c, c.GivenByDefault, null))
            : (await ledger.CurrentAsync(ConsentSubject.Device(deviceId), ct)).Choices;
        Choices = choices.Where(c => c.Category.IsCookie).ToDictionary(c => c.Category.Id);
    }
}
