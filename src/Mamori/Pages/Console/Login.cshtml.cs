using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Logging;
using Mamori.Host.Web;
using Mamori.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mamori.Host.Pages.Console;

/// <summary>First step of sign-in: user name and password. The second factor follows on /console/2fa.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(StaffAccounts accounts, ILogger<LoginModel> log) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string? Error { get; private set; }
    [BindProperty, PersonalData] public string UserName { get; set; } = "";
    [BindProperty, Secret] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true), UncheckedInput] public string? ReturnUrl { get; set; }

    public void OnGet() => Lang = Ui.Lang(Request);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        var result = await accounts.CheckPasswordAsync(UserName ?? "", Password ?? "", ct);
        switch (result.Outcome)
        {
            case SignInOutcome.NeedsTotp or SignInOutcome.NeedsTotpEnrolment:
                await HttpContext.SignInAsync(Schemes.PendingSecondFactor, ConsoleSession.PrincipalFor(result.User!, Schemes.PendingSecondFactor));
                return Redirect($"/console/2fa?lang={Lang}&returnUrl={Uri.EscapeDataString(SafeReturnUrl(ReturnUrl))}");
            case SignInOutcome.LockedOut:
                Error = "console.locked";
                break;
            default:
                Error = "console.login_failed";
                break;
        }
        // Neither the name nor the password: a mistyped password is often typed into the name field.
        log.SignInRefused(result.Outcome);
        Password = "";
        return Page();
    }

    /// <summary>Only local console paths, so the login page cannot be used to bounce people elsewhere.</summary>
    internal static string SafeReturnUrl(string? url) =>
        url is not null && url.StartsWith("/console", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\')
            ? url : "/console";
}
