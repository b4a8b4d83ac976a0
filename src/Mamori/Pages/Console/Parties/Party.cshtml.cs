using System.Globalization;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Parties;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;
using Party = Mamori.Parties.Party;

namespace Mamori.Host.Pages.Console.Parties;

/// <summary>One party: its particulars and its country's regime, the change and end of the relationship, and for a
/// contractor its evaluations and the form to record one.</summary>
[RequirePermission(Permission.ManageParties)]
public sealed class PartyModel(PartyRegistry registry, ContractorSupervision supervision, CurrentPolicy policy) : ConsolePageModel
{
    public Party Party { get; private set; } = new();
    public ContractorStatus? Supervision { get; private set; }
    public IReadOnlyList<ContractorEvaluation> Evaluations { get; private set; } = [];
    public LocalizedText? Regime => ForeignRegimes.For(policy.Document, Party.Country);
    public PolicyDocument Policy => policy.Document;
    public bool Saved { get; private set; }
    [BindProperty] public PartyForm Form { get; set; } = new();
    [BindProperty] public EvaluationForm Evaluation { get; set; } = new();

    public async Task OnGetAsync(Guid id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(id, ct);
        Form = PartyForm.From(Party);
        Evaluation.EvaluatedOn = supervision.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => registry.UpdateAsync(id, Form.ToCommand(), User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () => registry.EndAsync(id, User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostEvaluateAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, () =>
        {
            var day = DateOnly.TryParseExact(Evaluation.EvaluatedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new MamoriException(PartyCodes.EvaluationDateInvalid, "Write the day as YYYY-MM-DD.");
            return supervision.EvaluateAsync(id, new RecordEvaluation(day, Evaluation.Result, Evaluation.Notes), User.AuditActor(), ct);
        }, ct);

    private Task<IActionResult> ActAsync<T>(Guid id, Func<Task<T>> act, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        return ActAsync(async () =>
        {
            await act();
            return $"/console/parties/{id}?lang={Lang}&saved=1";
        }, () => LoadAsync(id, ct));
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        Party = await registry.GetAsync(id, ct);
        if (Party.Kind == PartyKinds.Contractor)
        {
            Evaluations = await supervision.EvaluationsAsync(id, ct);
            Supervision = ContractorSupervision.Status(Party, Evaluations.FirstOrDefault(), supervision.Today);
        }
    }
}
