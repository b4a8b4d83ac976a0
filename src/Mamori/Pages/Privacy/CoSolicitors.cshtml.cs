using Mamori.Host.Web;
using Mamori.Parties;
using Mamori.Policy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Party = Mamori.Parties.Party;

namespace Mamori.Host.Pages.Privacy;

/// <summary>/privacy/co-solicitors (共同募集人一覧), which §5 of the notice links to: the co-solicitors of the registry marked
/// for publication, with what the §5 table says they receive, why and under which contract.</summary>
public sealed class CoSolicitorsModel(PartyRegistry registry, CurrentPolicy current) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public CoSolicitation Table => current.Document.ThirdParty.CoSolicitation;
    public IReadOnlyList<Party> CoSolicitors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        CoSolicitors = await registry.PublicCoSolicitorsAsync(ct);
    }
}
