using Mamori.Host.Auth;
using Mamori.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>Sign-out is a POST (with antiforgery) so a link on another site cannot sign staff out.</summary>
public sealed class LogoutModel(StaffAccounts accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.UserId() is { } userId)
            await accounts.RecordSignOutAsync(userId, ct);
        await HttpContext.SignOutAsync(Schemes.Console);
        return Redirect("/console/login");
    }
}
