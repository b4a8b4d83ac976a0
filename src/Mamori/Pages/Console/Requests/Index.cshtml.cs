using System.Globalization;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Incidents;
using Mamori.Policy;
using Mamori.Requests;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Requests;

/// <summary>The queue of open requests, nearest deadline first with what is late marked, and the form to enter a
/// request that came by post.</summary>
[RequirePermission(Permission.ManageRequests)]
public sealed class IndexModel(RequestCases cases, CurrentPolicy policy, TimeProvider clock) : ConsolePageModel
{
    public IReadOnlyList<QueueEntry> Queue { get; private set; } = [];
    public bool ShowClosed { get; private set; }
    public PolicyDocument Policy => policy.Document;
    [BindProperty] public MailRequestForm Form { get; set; } = new();

    public async Task OnGetAsync(bool closed, CancellationToken ct)
    {
        Prepare();
        ShowClosed = closed;
        Form.ReceivedOn = ReportDeadlines.JapanDate(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Queue = await cases.QueueAsync(closed, ct: ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Prepare();
        return ActAsync(async () =>
        {
            var opened = await cases.OpenAsync(Form.ToCommand(clock.GetUtcNow()), User.AuditActor(), ct);
            return $"/console/requests/{opened.Id}?lang={Lang}&created=1";
        }, async () => Queue = await cases.QueueAsync(ct: ct));
    }

    private void Prepare()
    {
        Lang = Ui.Lang(Request);
        Response.Headers.CacheControl = "no-cache, no-store";
    }
}

/// <summary>The fields of the application form (申請書), as the operator copies a posted one or the person fills it online.</summary>
public abstract class RequestApplicationForm
{
    [UncheckedInput] public string? Kind { get; set; }
    [UncheckedInput] public string? AgentType { get; set; } = AgentTypes.None;
    [UncheckedInput] public string? ResponseMethod { get; set; }
    [PersonalData] public string? Name { get; set; }
    [PersonalData] public string? NameKana { get; set; }
    [PersonalData] public string? Birthdate { get; set; }
    [PersonalData] public string? PostalCode { get; set; }
    [PersonalData] public string? Address { get; set; }
    [PersonalData] public string? Phone { get; set; }
    [PersonalData] public string? Email { get; set; }
    [PersonalData] public string? AgentName { get; set; }
    [PersonalData] public string? AgentEmail { get; set; }
    [PersonalData] public string? Details { get; set; }
    /// <summary>Correction and addition: one <c>category=value</c> per line.</summary>
    [PersonalData] public string? Changes { get; set; }
    [UncheckedInput] public List<string> Categories { get; set; } = [];

    protected OpenRequest Command(string channel, string? agentAddress = null, DateTimeOffset? receivedAt = null) => new(
        Kind ?? "", channel, AgentType ?? AgentTypes.None, ResponseMethod ?? "",
        new Requester(Name ?? "", Address ?? "", NameKana, RequestFormFields.Date(Birthdate), PostalCode, Phone, Email),
        string.IsNullOrWhiteSpace(AgentName) ? null : new Agent(AgentName, agentAddress, null, AgentEmail),
        Details, RequestFormFields.Changes(Changes), Categories, receivedAt);
}

/// <summary>A request as the operator copies it from the application form that came by post.</summary>
public sealed class MailRequestForm : RequestApplicationForm
{
    public MailRequestForm() => ResponseMethod = ResponseMethods.Paper;

    [PersonalData] public string? ReceivedOn { get; set; }
    [PersonalData] public string? AgentAddress { get; set; }

    public OpenRequest ToCommand(DateTimeOffset now) => Command(RequestChannels.Mail, AgentAddress, RequestFormFields.ReceivedAt(ReceivedOn, now));
}

/// <summary>Reading the console's and the online form's fields.</summary>
public static class RequestFormFields
{
    public static DateOnly? Date(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new MamoriException("request.date_invalid", "Write dates as YYYY-MM-DD.");

    /// <summary>A letter received today counts from now; one received earlier from the start of that day in Japan.</summary>
    public static DateTimeOffset? ReceivedAt(string? day, DateTimeOffset now)
    {
        if (Date(day) is not { } date)
            return null;
        var today = ReportDeadlines.JapanDate(now);
        return date == today ? now : new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).ToUniversalTime();
    }

    public static Dictionary<string, string>? Changes(string? lines)
    {
        if (string.IsNullOrWhiteSpace(lines))
            return null;
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
                throw new MamoriException(RequestCodes.ChangesMissing, "Write one change per line as category=value.");
            changes[line[..at].Trim()] = line[(at + 1)..].Trim();
        }
        return changes;
    }
}
