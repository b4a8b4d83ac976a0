using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Inquiries;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Inquiries;

/// <summary>One inquiry opened (audited): what the sender wrote, then the steps its state allows — assign, answer, close.</summary>
[RequirePermission(Permission.ManageInquiries)]
public sealed class InquiryModel(InquiryRegister desk) : ConsolePageModel
{
    public InquiryCase Case { get; private set; } = null!;
    public IReadOnlyList<InquiryHandler> Handlers { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty] public Guid? AssignTo { get; set; }
    [BindProperty, PersonalData] public string? Answer { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done is "assigned" or "answered" or "closed" ? done : null;
        return await ShowAsync(id, ct);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, "assigned", () => desk.AssignAsync(id,
            AssignTo ?? throw new MamoriException(InquiryCodes.AssigneeInvalid, "Choose a staff member."), User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, "answered", () => desk.AnswerAsync(id, Answer, User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, "closed", () => desk.CloseAsync(id, User.AuditActor(), ct), ct);

    private async Task<IActionResult> StepAsync(Guid id, string done, Func<Task<InquirySummary>> step, CancellationToken ct)
    {
        try
        {
            await step();
            return Redirect($"/console/inquiries/{id}?lang={Ui.Lang(Request)}&done={done}");
        }
        catch (MamoriException e) when (e.Status != StatusCodes.Status404NotFound)
        {
            Fail(e);
            return await ShowAsync(id, ct);
        }
        catch (MamoriException)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        try
        {
            Case = await desk.ReadAsync(id, User.AuditActor(), ct);
        }
        catch (MamoriException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }
        Handlers = await desk.HandlersAsync(ct);
        return Page();
    }

    public string Assignee(Guid? staffId) =>
        staffId is not { } id ? "—" : Handlers.FirstOrDefault(h => h.Id == id)?.DisplayName ?? id.ToString("D");
}
