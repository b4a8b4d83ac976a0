using Mamori.Host.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>Sign-out is a POST (with antiforgery) so a link on another site cannot sign staff out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(Schemes.Console);
        return Redirect("/console/login");
    }
}
