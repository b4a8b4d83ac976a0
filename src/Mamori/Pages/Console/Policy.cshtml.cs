using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>The stored policy versions and, on request, what changed between two of them.</summary>
[RequirePermission(Permission.ViewPolicyVersions)]
public sealed class PolicyModel(PolicyVersions versions, PolicyArchive archive, CurrentPolicy current) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public string CurrentHash => current.ContentHash;
    public IReadOnlyList<PolicyVersion> Versions { get; private set; } = [];
    public string? From { get; private set; }
    public string? To { get; private set; }
    public IReadOnlyList<string>? Changes { get; private set; }
    public bool NeedsNewConsent { get; private set; }

    public async Task OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Versions = await versions.ListAsync(ct);
        var older = Versions.FirstOrDefault(v => v.Version == from);
        var newer = Versions.FirstOrDefault(v => v.Version == to);
        if (older is null || newer is null || archive.Parse(older) is not { } a || archive.Parse(newer) is not { } b)
            return;
        From = older.Version;
        To = newer.Version;
        var diff = PolicyDiff.Compare(a, b);
        Changes = [.. diff.Changes.Select(c => c.ToString(Lang))];
        NeedsNewConsent = diff.NeedsNewConsent;
    }
}
