using Mamori.Host.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>Where the console sends a signed-in person who lacks the permission for a page (HTTP 403).</summary>
public sealed class DeniedModel : PageModel
{
    public string Lang { get; private set; } = "ja";

    public void OnGet()
    {
        Lang = Ui.Lang(Request);
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
