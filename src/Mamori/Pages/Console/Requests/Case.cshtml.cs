using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Pages.Console.Persons;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Requests;
using Mamori.Staff;
using Mamori.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Requests;

/// <summary>
/// One request: the application, the identity and agent checklist, the documents, the persons the requester may be,
/// the fee, and each step to its answer. Operators take the request in and verify it; carrying it out, answering and
/// refusing need <see cref="Permission.DecideRequests"/>.
/// </summary>
[RequirePermission(Permission.ManageRequests)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class CaseModel(RequestCases cases, StaffAccounts staff, CurrentPolicy policy, TimeProvider clock) : ConsolePageModel
{
    /// <summary>The policy's largest document (10 MB in the agency's) plus room for the rest of the form.</summary>
    public const int MaxRequestBytes = 32 * 1024 * 1024;

    public RequestDetail Detail { get; private set; } = null!;
    public IReadOnlyList<PersonMatch>? Candidates { get; private set; }
    /// <summary>User names of the staff who acted on the case (checks, steps), by actor.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();
    public AnswerIssued? Issued { get; private set; }
    public string? Notice { get; private set; }
    public PolicyDocument Policy => policy.Document;
    public bool MayDecide => User.Has(Permission.DecideRequests);
    public string Urgency => RequestCases.Urgency(Detail.Case.Status, Detail.Case.TargetAt, Detail.Case.DueAt, clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(Guid id, bool candidates, CancellationToken ct)
    {
        Prepare();
        if (Request.Query["created"] == "1")
            Notice = "requests.created";
        else if (Request.Query["done"].Count > 0)
            Notice = "requests.done";
        return await LoadAsync(id, candidates, ct);
    }

    public Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, [UncheckedInput] string? documentId, CancellationToken ct) =>
        StepAsync(id, async () =>
        {
            if (file is null || file.Length == 0 || file.Length > Policy.Requests.MaxDocumentBytes)
                throw new MamoriException(RequestCodes.DocumentSize, $"A document is 1 byte to {Policy.Requests.MaxDocumentBytes / (1024 * 1024)} MB.", 413);
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            await cases.AddDocumentAsync(id, string.IsNullOrEmpty(documentId) ? null : documentId, buffer.ToArray(), User.AuditActor(), ct);
        }, ct);

    public Task<IActionResult> OnPostCheckAsync(Guid id, [UncheckedInput] string documentId, bool isChecked, CancellationToken ct) =>
        StepAsync(id, () => cases.CheckAsync(id, documentId, isChecked, User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostMatchAsync(Guid id, Guid personId, CancellationToken ct) =>
        StepAsync(id, () => cases.MatchAsync(id, personId, User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, () => cases.VerifyAsync(id, User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostFeeAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, () => cases.RecordFeeAsync(id, User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, () => cases.WithdrawAsync(id, User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostFulfilAsync(Guid id, CancellationToken ct) =>
        MayDecide ? StepAsync(id, () => cases.FulfilAsync(id, User.AuditActor(), ct), ct) : Task.FromResult<IActionResult>(Forbid());

    public Task<IActionResult> OnPostRefuseAsync(Guid id, [UncheckedInput] string? ground, [PersonalData] string? reason, CancellationToken ct) =>
        MayDecide ? StepAsync(id, () => cases.RefuseAsync(id, ground ?? "", reason, User.AuditActor(), ct), ct) : Task.FromResult<IActionResult>(Forbid());

    /// <summary>Answers and shows the electronic answer's token and password this once (they are not stored).</summary>
    public async Task<IActionResult> OnPostAnswerAsync(Guid id, bool paper, CancellationToken ct)
    {
        if (!MayDecide)
            return Forbid();
        Prepare();
        try
        {
            Issued = await cases.AnswerAsync(id, paper, User.AuditActor(), ct);
        }
        catch (MamoriException e)
        {
            Fail(e);
        }
        return await LoadAsync(id, false, ct);
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<Task> step, CancellationToken ct)
    {
        Prepare();
        try
        {
            await step();
            return Redirect($"/console/requests/{id}?lang={Lang}&done=1");
        }
        catch (MamoriException e)
        {
            Fail(e);
        }
        return await LoadAsync(id, false, ct);
    }

    private async Task<IActionResult> LoadAsync(Guid id, bool candidates, CancellationToken ct)
    {
        try
        {
            Detail = await cases.GetAsync(id, User.AuditActor(), ct);
            StaffNames = await staff.NamesOfAsync(Detail.Case.Checks.Select(c => c.CheckedBy).Concat(Detail.Case.Transitions.Select(t => t.Actor)), ct);
            if (candidates)
                Candidates = await cases.CandidatesAsync(id, User.AuditActor(), ct);
            return Page();
        }
        catch (MamoriException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
    }


    private void Prepare()
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
    }

    public string DocumentLabel(string id) =>
        Policy.Requests.Documents.Concat(Policy.Requests.AppointedAgentDocuments).Concat(Policy.Requests.LegalAgentDocuments)
            .FirstOrDefault(d => d.Id == id)?.Label.In(Lang) ?? id;

    /// <summary>The policy's words for categories and subject kinds, in the page's language.</summary>
    public PersonLabels Labels => new(Policy, Lang);

    /// <summary>What a candidate matched on (a blind index's kind), in words.</summary>
    public string MatchLabel(string matchedBy) => Ui.T(Lang, "requests.matched_by." + matchedBy);

    /// <summary>Who acted: a staff member's user name (as the person page shows recorders), else the actor as recorded.</summary>
    public string ActorLabel(string? actor) => actor is null ? "—" : StaffNames.GetValueOrDefault(actor, actor);
}
