using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Incidents;
using Mamori.Staff;
using Mamori.Vault;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/incidents</c>: record a breach and learn whether and by when it is reported; the report draft
/// (JSON or PDF) and the notices to the persons. Thin: each handler shapes one call to <see cref="IncidentRegister"/>.</summary>
public static class IncidentsApi
{
    public sealed record RecordRequest(
        DateTimeOffset? OccurredAt,
        DateTimeOffset? DiscoveredAt,
        [property: PersonalData] string? DiscoveredBy,
        [property: UncheckedInput] List<string>? Items,
        int? PersonsAffected,
        [property: Pseudonymous] List<Guid>? PersonIds,
        [property: PersonalData] string? Summary,
        [property: PersonalData] string? Cause,
        bool? Malicious,
        bool? StronglyEncrypted,
        bool? KeyLeaked,
        bool? ContractorInvolved,
        [property: PersonalData] string? ContractorName,
        bool? Suspected,
        bool? FinancialDamageRisk,
        [property: PersonalData] string? SecondaryDamage,
        [property: PersonalData] string? MeasuresForPersons,
        [property: PersonalData] string? Publication,
        [property: PersonalData] string? PreventionMeasures,
        [property: PersonalData] string? Other);

    public sealed record DeadlineResponse(string Report, int Day, DateOnly Nominal, DateOnly Due, bool Moved, int DaysLeft, IReadOnlyList<ClosedDay> Skipped);
    public sealed record IncidentResponse(
        Guid Id,
        bool Reportable,
        IReadOnlyList<string> Reasons,
        IReadOnlyList<ReportableCase> Cases,
        IReadOnlyList<DeadlineResponse> Deadlines,
        DateOnly AwarenessDate,
        DateTimeOffset DiscoveredAt,
        DateTimeOffset? OccurredAt,
        [property: PersonalData] string DiscoveredBy,
        IReadOnlyList<string> Items,
        int PersonsAffected,
        IReadOnlyList<Guid> PersonIds,
        [property: PersonalData] string Summary,
        [property: PersonalData] string Cause,
        bool Malicious,
        bool StronglyEncrypted,
        bool KeyLeaked,
        bool ContractorInvolved,
        [property: PersonalData] string? ContractorName,
        bool Suspected,
        bool FinancialDamageRisk,
        bool FinancialSector,
        DateTimeOffset CreatedAt);
    public sealed record NoticesResponse(bool Addressed, IReadOnlyList<string> Reasons, IReadOnlyList<PersonNotice> Notices);

    public static void MapIncidentsApi(this IEndpointRouteBuilder routes)
    {
        var incidents = routes.MapGroup("/api/v1/incidents").WithTags("Incidents");

        incidents.MapPost("", async (RecordRequest body, IncidentRegister register, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var view = await register.RecordAsync(ToCommand(body), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/incidents/{view.Incident.Id}", Shape(view, clock));
            })
            .RequirePermission(Permission.ManageIncidents)
            .WithName("RecordIncident").WithSummary("Record a breach with its facts; answers whether it is reportable, why, and the report deadlines.");

        incidents.MapGet("", async (IncidentRegister register, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok((await register.ListAsync(ct: ct)).Select(v => Shape(v, clock)).ToList()))
            .RequirePermission(Permission.ManageIncidents)
            .WithName("ListIncidents").WithSummary("The most recent incidents with their deadlines and days left.");

        incidents.MapGet("/{id:guid}", async (Guid id, IncidentRegister register, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(Shape(await register.GetAsync(id, ct), clock)))
            .RequirePermission(Permission.ManageIncidents)
            .WithName("GetIncident").WithSummary("An incident, its reportability and deadlines with days left.");

        incidents.MapGet("/{id:guid}/report", async (Guid id, string? format, IncidentRegister register, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (format is not (null or "json" or "pdf"))
                    throw new MamoriException("report.format_unknown", "The format is json or pdf.");
                var report = await register.DraftReportAsync(id, user.AuditActor(), ct);
                return format == "pdf"
                    ? (IResult)TypedResults.File(IncidentPdf.Render(report), "application/pdf", $"incident-{id:D}.pdf")
                    : TypedResults.Ok(report);
            })
            .RequirePermission(Permission.ManageIncidents)
            .WithName("GetIncidentReport").WithSummary("The draft of the PPC report (nine fields) and the publication text, as JSON or a printable PDF.");

        incidents.MapGet("/{id:guid}/notices", async (Guid id, IncidentRegister register, PersonVault vault, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var notices = await register.DraftNoticesAsync(id, vault, user.Has(Permission.ReadPersonalData), user.AuditActor(), ct);
                var addressed = notices.Count > 0 && notices.All(n => n.Addressed);
                return TypedResults.Ok(new NoticesResponse(addressed, addressed ? [] : [IncidentReport.NoNoticePurpose], notices));
            })
            .RequirePermission(Permission.ManageIncidents)
            .WithName("GetIncidentNotices").WithSummary("A notice to each affected person named by id; name and address are placeholders unless a notice purpose is configured.");
    }

    internal static RecordIncident ToCommand(RecordRequest b) => new(
        b.Items ?? [], b.DiscoveredBy ?? "", b.Summary ?? "", b.Cause ?? "", b.DiscoveredAt, b.OccurredAt, b.PersonsAffected, b.PersonIds,
        b.Malicious ?? false, b.StronglyEncrypted ?? false, b.KeyLeaked ?? false, b.ContractorInvolved ?? false, b.ContractorName,
        b.Suspected ?? false, b.FinancialDamageRisk, b.SecondaryDamage, b.MeasuresForPersons, b.Publication, b.PreventionMeasures, b.Other);

    internal static IncidentResponse Shape(IncidentView view, TimeProvider clock)
    {
        var i = view.Incident;
        var today = ReportDeadlines.JapanDate(clock.GetUtcNow());
        return new IncidentResponse(i.Id, view.Reportability.Reportable, view.Reportability.Reasons, view.Reportability.Cases,
            [.. view.Deadlines.Select(d => new DeadlineResponse(d.Report, d.Day, d.Nominal, d.Due, d.Moved, d.DaysLeft(today), d.Skipped))],
            i.AwarenessDate, i.DiscoveredAt, i.OccurredAt, i.DiscoveredBy, i.Categories, i.PersonsAffected,
            [.. i.AffectedPersons.Select(p => p.PersonId).Order()], i.Summary, i.Cause, i.Malicious, i.StronglyEncrypted, i.KeyLeaked,
            i.ContractorInvolved, i.ContractorName, i.Suspected, i.FinancialDamageRisk, i.FinancialSector, i.CreatedAt);
    }
}
