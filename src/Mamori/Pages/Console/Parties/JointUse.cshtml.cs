using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Parties;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Party = Mamori.Parties.Party;

namespace Mamori.Host.Pages.Console.Parties;

/// <summary>§6 joint use as the policy in force announces it — items, joint users (with the registered parties behind
/// them), purposes, responsible party, the day a change was told — and the advance-notice rule that guards changes.</summary>
[RequirePermission(Permission.ManageParties)]
public sealed class JointUseModel(PartyRegistry registry, CurrentPolicy policy) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public PolicyDocument Policy => policy.Document;
    public JointUse JointUse => policy.Document.JointUse;
    public IReadOnlyList<Party> RegisteredUsers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        var users = JointUse.Users.ToHashSet(StringComparer.Ordinal);
        RegisteredUsers = [.. (await registry.ListAsync(null, ct)).Where(p => p.PolicyRecipientId is { } r && users.Contains(r))];
    }

    public string Recipient(string id) => Policy.Recipients.FirstOrDefault(r => r.Id == id)?.Name.In(Lang) ?? id;
    public string Category(string id) => Policy.DataCategories.FirstOrDefault(d => d.Id == id)?.Label.In(Lang) ?? id;
    public string Purpose(string id) => Policy.Purposes.FirstOrDefault(p => p.Id == id)?.Label.In(Lang) ?? id;
}
