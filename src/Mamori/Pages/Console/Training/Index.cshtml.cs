using System.Globalization;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Staff;
using Mamori.Training;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Training;

/// <summary>People measures: who is overdue for training or a confidentiality pledge, and forms to record both.</summary>
[RequirePermission(Permission.ManageProgramme)]
public sealed class IndexModel(PeopleMeasures measures) : ConsolePageModel
{
    public IReadOnlyList<StaffStanding> Standing { get; private set; } = [];
    public IReadOnlyList<TrainingSession> Sessions { get; private set; } = [];
    public DateOnly Today => measures.Today;

    [BindProperty, PersonalData] public string? Title { get; set; }
    [BindProperty, UncheckedInput] public string? HeldOn { get; set; }
    [BindProperty, Pseudonymous] public List<Guid> Attendees { get; set; } = [];
    [BindProperty, Pseudonymous] public Guid PledgeStaffId { get; set; }
    [BindProperty, UncheckedInput] public string? SignedOn { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostTrainingAsync(CancellationToken ct) =>
        ActAsync(() => measures.RecordTrainingAsync(new RecordTraining(Title, Day(HeldOn), Attendees), User.AuditActor(), ct), ct);

    public Task<IActionResult> OnPostPledgeAsync(CancellationToken ct) =>
        ActAsync(() => measures.RecordPledgeAsync(new RecordPledge(PledgeStaffId, Day(SignedOn), null), User.AuditActor(), ct), ct);

    private Task<IActionResult> ActAsync(Func<Task> act, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        return ActAsync(async () =>
        {
            await act();
            return $"/console/training?lang={Lang}&done=1";
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
        Standing = await measures.StandingAsync(ct);
        Sessions = await measures.SessionsAsync(ct);
    }

    private static DateOnly? Day(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new MamoriException("training.date_invalid", "Write dates as YYYY-MM-DD.");

    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
