using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>The console's home: who is signed in and what they may do.</summary>
public sealed class IndexModel(CurrentPolicy policy) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string Role { get; private set; } = "";
    public IReadOnlyList<Permission> Permissions { get; private set; } = [];
    public string PolicyVersion => policy.Version;

    public void OnGet()
    {
        Lang = Ui.Lang(Request);
        Role = User.FindFirst(Auth.Permissions.RoleClaim)?.Value ?? "";
        Permissions = Roles.PermissionsOf(Role);
    }
}
