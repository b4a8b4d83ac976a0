using Mamori.Host.Web;
using Mamori.Host.Web.Dashboard;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>The console's home: who is signed in and what they may do, and the dashboard's tiles they may see
/// (every registered <see cref="IDashboardTile"/>, in order).</summary>
public sealed class IndexModel(CurrentPolicy policy, IEnumerable<IDashboardTile> tiles) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string Role { get; private set; } = "";
    public IReadOnlyList<Permission> Permissions { get; private set; } = [];
    public string PolicyVersion => policy.Version;
    public IReadOnlyList<DashboardTile> Tiles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Role = User.FindFirst(Auth.Permissions.RoleClaim)?.Value ?? "";
        Permissions = Roles.PermissionsOf(Role);
        var built = new List<DashboardTile>();
        foreach (var tile in tiles.OrderBy(t => t.Order))
        {
            if (await tile.BuildAsync(User, Lang, ct) is { } shown)
                built.Add(shown);
        }
        Tiles = built;
    }
}
