using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Parties;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;
using Party = Mamori.Parties.Party;

namespace Mamori.Host.Pages.Console.Parties;

/// <summary>The registry of parties (recipients, co-solicitors, insurers, contractors…), by kind, and the form to register one.</summary>
[RequirePermission(Permission.ManageParties)]
public sealed class IndexModel(PartyRegistry registry, CurrentPolicy policy) : ConsolePageModel
{
    public string? Kind { get; private set; }
    public IReadOnlyList<Party> Parties { get; private set; } = [];
    public PolicyDocument Policy => policy.Document;
    [BindProperty] public PartyForm Form { get; set; } = new();

    public async Task OnGetAsync(string? kind, CancellationToken ct)
    {
        Prepare(kind);
        Form.Kind = Kind;
        Form.Listed = Kind == PartyKinds.CoSolicitor;
        Parties = await registry.ListAsync(Kind, ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Prepare(null);
        return ActAsync(async () =>
        {
            var party = await registry.CreateAsync(Form.ToCommand(), User.AuditActor(), ct);
            return $"/console/parties/{party.Id}?lang={Lang}&saved=1";
        }, async () => Parties = await registry.ListAsync(null, ct));
    }

    private void Prepare(string? kind)
    {
        Lang = Ui.Lang(Request);
        Kind = kind is not null && PartyKinds.All.Contains(kind) ? kind : null;
        Response.Headers.CacheControl = "no-cache, no-store";
    }
}
