using System.Globalization;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Incidents;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Incidents;

/// <summary>The incidents with a countdown to each report deadline, and the form to record a new one.</summary>
[RequirePermission(Permission.ManageIncidents)]
public sealed class IndexModel(IncidentRegister register, CurrentPolicy policy, TimeProvider clock) : ConsolePageModel
{
    public DateOnly Today { get; private set; }
    public IReadOnlyList<IncidentView> Incidents { get; private set; } = [];
    public PolicyDocument Policy => policy.Document;
    [BindProperty] public IncidentForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Prepare();
        Form.DiscoveredOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Incidents = await register.ListAsync(ct: ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Prepare();
        return ActAsync(async () =>
        {
            var view = await register.RecordAsync(Form.ToCommand(clock.GetUtcNow()), User.AuditActor(), ct);
            return $"/console/incidents/{view.Incident.Id}?lang={Lang}&created=1";
        }, async () => Incidents = await register.ListAsync(ct: ct));
    }

    private void Prepare()
    {
        Lang = Ui.Lang(Request);
        Today = ReportDeadlines.JapanDate(clock.GetUtcNow());
        Response.Headers.CacheControl = "no-cache, no-store";
    }

    /// <summary>The deadline a countdown column shows: the last of a report's days (the 5th for a preliminary report).</summary>
    public static ReportDeadline? Last(IncidentView view, string report) =>
        view.Deadlines.Where(d => d.Report == report).MaxBy(d => d.Day);
}

/// <summary>The facts of a new incident as the console's form posts them. Dates are days in Japan.</summary>
public sealed class IncidentForm
{
    [PersonalData] public string? DiscoveredOn { get; set; }
    [PersonalData] public string? OccurredOn { get; set; }
    [PersonalData] public string? DiscoveredBy { get; set; }
    [PersonalData] public string? Summary { get; set; }
    [UncheckedInput] public List<string> Items { get; set; } = [];
    public int? PersonsAffected { get; set; }
    [Pseudonymous] public string? PersonIds { get; set; }
    [PersonalData] public string? Cause { get; set; }
    public bool Malicious { get; set; }
    public bool StronglyEncrypted { get; set; }
    public bool KeyLeaked { get; set; }
    public bool ContractorInvolved { get; set; }
    [PersonalData] public string? ContractorName { get; set; }
    public bool Suspected { get; set; }
    public bool FinancialDamageRisk { get; set; }
    [PersonalData] public string? SecondaryDamage { get; set; }
    [PersonalData] public string? MeasuresForPersons { get; set; }
    [PersonalData] public string? Publication { get; set; }
    [PersonalData] public string? PreventionMeasures { get; set; }
    [PersonalData] public string? Other { get; set; }

    /// <summary>The discovery day, today: now (it cannot be later); an earlier day: its start in Japan.</summary>
    public RecordIncident ToCommand(DateTimeOffset now)
    {
        var discovered = Day(DiscoveredOn, "discoveredOn") is { } day && day != ReportDeadlines.JapanDate(now)
            ? Start(day) : now;
        var occurred = Day(OccurredOn, "occurredOn") is { } o ? Start(o) : (DateTimeOffset?)null;
        var ids = new List<Guid>();
        foreach (var token in (PersonIds ?? "").Split([' ', '\n', '\r', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
            ids.Add(Guid.TryParse(token, out var id) ? id : throw new MamoriException("incident.person_id_invalid", "Person ids are written like 3f2504e0-4f89-11d3-9a0c-0305e82c3301."));
        return new RecordIncident(Items, DiscoveredBy ?? "", Summary ?? "", Cause ?? "", discovered, occurred,
            PersonsAffected, ids, Malicious, StronglyEncrypted, KeyLeaked, ContractorInvolved, ContractorName, Suspected,
            FinancialDamageRisk ? true : null, SecondaryDamage, MeasuresForPersons, Publication, PreventionMeasures, Other);
    }

    private static DateOnly? Day(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new MamoriException("incident.date_invalid", $"'{field}' is a date written YYYY-MM-DD.");

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ReportDeadlines.JapanOffset);
}
