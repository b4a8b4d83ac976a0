using Mamori.Host.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Demo;

/// <summary>
/// /demo/site: a page standing in for one of the agency's sites. It loads /consent.js and holds an analytics tag and
/// a targeting tag until the visitor allows them; the browser tests and the README's demo use it.
/// </summary>
[AllowAnonymous]
public sealed class SiteModel : PageModel
{
    public string Lang { get; private set; } = "ja";

    public void OnGet() => Lang = Ui.Lang(Request);
}
