using Mamori.Compliance;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Host.Pages.Console;

/// <summary>
/// The audit trail, newest first, filtered by a GET form (reading changes nothing, so no antiforgery), and on
/// request a check of the whole chain. Dates are the agency's: Japan Standard Time.
/// </summary>
[RequirePermission(Permission.ViewAudit)]
public sealed class AuditModel(AuditSearch search, AuditVerifier verifier, AuditTrail trail, MamoriDb db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Japan has one time zone and no daylight saving: a fixed offset is exact.</summary>
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public string Lang { get; private set; } = "ja";
    [BindProperty(SupportsGet = true), UncheckedInput] public string? Person { get; set; }
    [BindProperty(SupportsGet = true), UncheckedInput] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "action"), UncheckedInput] public string? ActionCode { get; set; }
    [BindProperty(SupportsGet = true), UncheckedInput] public string? Purpose { get; set; }
    [BindProperty(SupportsGet = true), UncheckedInput] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    /// <summary>"p", not "page": Razor Pages keeps the route value "page" for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    /// <summary><c>verify=1</c> runs the chain check.</summary>
    [BindProperty(SupportsGet = true, Name = "verify")] public int VerifyRequested { get; set; }

    public AuditPage Entries { get; private set; } = new([], 1, false);
    public AuditVerification? Verification { get; private set; }
    public string? Error { get; private set; }
    /// <summary>User names of the staff acting on this page, by their audit actor.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        if (VerifyRequested == 1)
            Verification = await VerifyAsync(ct);

        Guid? person = null;
        if (!string.IsNullOrWhiteSpace(Person))
        {
            if (!Guid.TryParse(Person.Trim(), out var id))
            {
                Error = "console.audit_bad_person";
                return;
            }
            person = id;
        }
        var filter = new AuditFilter(person, await ActorCodeAsync(ct), Blank(ActionCode), Blank(Purpose), Blank(Outcome),
            From is { } from ? StartOfDay(from) : null,
            To is { } to ? StartOfDay(to.AddDays(1)) : null);
        Entries = await search.FindAsync(filter, PageNumber, PageSize, ct);
        StaffNames = await StaffNamesAsync(Entries.Entries, ct);
    }

    public static string LocalTime(DateTimeOffset instant) => instant.ToOffset(Jst).ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>Enough of an id to tell rows apart; the whole id is in the title and the filter link.</summary>
    public static string Short(string id) => id.Length > 13 ? id[..13] + "…" : id;

    /// <summary>This page filtered by one value only, e.g. every entry about one person.</summary>
    public string FilterUrl(string name, string value) =>
        QueryHelpers.AddQueryString("/console/audit", new Dictionary<string, string?> { ["lang"] = Lang, [name] = value });

    /// <summary>The current filters (and language) as query values, for the pager and the verify button.</summary>
    public IReadOnlyDictionary<string, string?> Query => new Dictionary<string, string?>
    {
        ["lang"] = Lang, ["person"] = Blank(Person), ["actor"] = Blank(Actor), ["action"] = Blank(ActionCode),
        ["purpose"] = Blank(Purpose), ["outcome"] = Blank(Outcome),
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
    }.Where(kv => kv.Value is not null).ToDictionary();

    public string PageUrl(int page) => QueryHelpers.AddQueryString("/console/audit", Query.Append(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct: ct);
        await trail.AppendAsync(new(User.AuditActor(), AuditActions.AuditVerified,
            result.Intact ? AuditOutcomes.Success : AuditOutcomes.Failure,
            Reasons: result.Break is { } broken ? [broken.Code] : null), ct);
        return result;
    }

    /// <summary>Staff are recorded by id; an auditor may type the user name instead.</summary>
    private async Task<string?> ActorCodeAsync(CancellationToken ct)
    {
        var actor = Blank(Actor);
        if (actor is null || actor.Contains(':', StringComparison.Ordinal) || actor is AuditActors.System or AuditActors.Anonymous)
            return actor;
        var name = actor.ToLowerInvariant();
        var staff = await db.StaffUsers.AsNoTracking().Where(u => u.UserName == name).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        return staff is { } id ? AuditActors.Staff(id) : actor;
    }

    private async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.Select(e => e.Actor).Distinct()
            .Select(a => a.StartsWith("staff:", StringComparison.Ordinal) && Guid.TryParse(a[6..], out var id) ? id : (Guid?)null)
            .OfType<Guid>().ToList();
        if (ids.Count == 0)
            return new Dictionary<string, string>();
        var names = await db.StaffUsers.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        return names.ToDictionary(n => AuditActors.Staff(n.Id), n => n.UserName);
    }

    private static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Jst);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
