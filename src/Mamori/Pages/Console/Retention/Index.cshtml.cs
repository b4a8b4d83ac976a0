using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Retention;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Retention;

/// <summary>Retention: the policy's rules, what a run now would dispose of, legal holds (set and release), running
/// now, and the disposal records.</summary>
[RequirePermission(Permission.ManageRetention)]
public sealed class IndexModel(Disposals disposals, LegalHolds holds, CurrentPolicy policy) : ConsolePageModel
{
    public PolicyDocument Policy => policy.Document;
    public IReadOnlyList<RetentionRule> Rules => disposals.Rules;
    public DisposalPlan? Plan { get; private set; }
    public IReadOnlyList<LegalHold> Holds { get; private set; } = [];
    public IReadOnlyList<DisposalRecord> Records { get; private set; } = [];
    [BindProperty] public HoldForm Hold { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken ct) => await ActAsync(async () =>
    {
        Guid? person = null;
        if (!string.IsNullOrWhiteSpace(Hold.PersonId))
            person = Guid.TryParse(Hold.PersonId.Trim(), out var id) ? id : throw new MamoriException("legal_hold.person_id_invalid", "Write the person's id like 3f2504e0-4f89-11d3-9a0c-0305e82c3301.");
        await holds.SetAsync(new SetLegalHold(person, Hold.Category, Hold.Reason), User.AuditActor(), ct);
    }, ct);

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct) =>
        await ActAsync(() => holds.ReleaseAsync(id, User.AuditActor(), ct), ct);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct) =>
        await ActAsync(() => disposals.RunAsync(User.AuditActor(), User.AuditActor(), ct), ct);

    private Task<IActionResult> ActAsync(Func<Task> act, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        return ActAsync(async () =>
        {
            await act();
            return $"/console/retention?lang={Lang}&done=1";
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        Plan = await disposals.PlanAsync(ct);
        Holds = await holds.ListAsync(ct);
        Records = await disposals.RecentAsync(20, ct);
    }

    public string Period(string iso) => RetentionPeriod.TryParse(iso, out var p) ? p.Describe(Lang) : iso;

    public string CategoryLabel(string id) => Policy.DataCategories.FirstOrDefault(c => c.Id == id)?.Label.In(Lang) ?? id;
}

/// <summary>A hold as the console's form posts it: a person's id or a category, and why.</summary>
public sealed class HoldForm
{
    [Pseudonymous] public string? PersonId { get; set; }
    [UncheckedInput] public string? Category { get; set; }
    [PersonalData] public string? Reason { get; set; }
}
