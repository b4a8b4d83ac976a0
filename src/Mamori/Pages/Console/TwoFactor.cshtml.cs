using Mamori.Compliance;
using Mamori.Data;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Mamori.Host.Pages.Console;

/// <summary>Second step of sign-in: a TOTP code; on first sign-in, enrolment of the authenticator.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class TwoFactorModel(StaffAccounts accounts, MamoriDb db, CurrentPolicy policy) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string? Error { get; private set; }
    public bool Enrolling { get; private set; }
    [Secret] public string? OtpUri { get; private set; }
    [Secret] public string? Secret { get; private set; }
    [Secret] public string? QrDataUri { get; private set; }
    [BindProperty, Secret] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true), UncheckedInput] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        var user = await PendingUserAsync(ct);
        if (user is null)
            return Redirect("/console/login");
        Enrolling = !user.TotpEnabled;
        if (Enrolling)
            ShowEnrolment(await accounts.BeginTotpEnrolmentAsync(user.Id, "Mamori " + policy.Document.Controller.Name.En, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        var user = await PendingUserAsync(ct);
        if (user is null)
            return Redirect("/console/login");

        if (!user.TotpEnabled)
        {
            if (await accounts.ConfirmTotpEnrolmentAsync(user.Id, Code ?? "", ct))
                return await CompleteAsync(user.Id, ct);
            Enrolling = true;
            Error = "console.code_failed";
            ShowEnrolment(await accounts.BeginTotpEnrolmentAsync(user.Id, "Mamori " + policy.Document.Controller.Name.En, ct));
            return Page();
        }

        var result = await accounts.CheckTotpAsync(user.Id, Code ?? "", ct);
        if (result.Outcome == SignInOutcome.Succeeded)
            return await CompleteAsync(user.Id, ct);
        Error = result.Outcome == SignInOutcome.LockedOut ? "console.locked" : "console.code_failed";
        return Page();
    }

    private async Task<IActionResult> CompleteAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.StaffUsers.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        await HttpContext.SignOutAsync(Schemes.PendingSecondFactor);
        await HttpContext.SignInAsync(Schemes.Console, ConsoleSession.PrincipalFor(user, Schemes.Console));
        return Redirect(LoginModel.SafeReturnUrl(ReturnUrl));
    }

    private async Task<StaffUser?> PendingUserAsync(CancellationToken ct)
    {
        var pending = await HttpContext.AuthenticateAsync(Schemes.PendingSecondFactor);
        var id = pending.Succeeded ? pending.Principal.UserId() : null;
        return id is null ? null : await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && !u.Disabled, ct);
    }

    private void ShowEnrolment(string otpUri)
    {
        OtpUri = otpUri;
        Secret = System.Web.HttpUtility.ParseQueryString(new Uri(otpUri).Query)["secret"];
        using var data = new QRCodeGenerator().CreateQrCode(otpUri, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
