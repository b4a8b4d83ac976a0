using System.Security.Claims;
using Mamori.Host.Auth;
using Mamori.Staff;
using Mamori.Training;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/training</c>, <c>/api/v1/pledges</c> and <c>/api/v1/staff-standing</c>: people measures (§11(4)).</summary>
public static class TrainingApi
{
    public sealed record SessionResponse(Guid Id, string Title, DateOnly HeldOn, IReadOnlyList<Guid> StaffIds);

    public static void MapTrainingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Training");

        group.MapPost("/training", async (RecordTraining body, PeopleMeasures measures, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var session = await measures.RecordTrainingAsync(body, user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/training/{session.Id}", Shape(session));
            })
            .RequirePermission(Permission.ManageProgramme)
            .WithName("RecordTraining").WithSummary("Record a training session held and the staff accounts that attended.");

        group.MapGet("/training", async (PeopleMeasures measures, CancellationToken ct) =>
                TypedResults.Ok((await measures.SessionsAsync(ct)).Select(Shape).ToList()))
            .RequirePermission(Permission.ManageProgramme)
            .WithName("ListTraining").WithSummary("The latest training sessions with their attendees.");

        group.MapPost("/pledges", async (RecordPledge body, PeopleMeasures measures, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Created("/api/v1/staff-standing", await measures.RecordPledgeAsync(body, user.AuditActor(), ct)))
            .RequirePermission(Permission.ManageProgramme)
            .WithName("RecordPledge").WithSummary("Record a confidentiality pledge signed; it expires after the policy's validity unless a day is given.");

        group.MapGet("/staff-standing", async (PeopleMeasures measures, CancellationToken ct) => TypedResults.Ok(await measures.StandingAsync(ct)))
            .RequirePermission(Permission.ManageProgramme)
            .WithName("StaffStanding").WithSummary("Each staff member's last training and pledge, with who is overdue first.");
    }

    private static SessionResponse Shape(TrainingSession s) => new(s.Id, s.Title, s.HeldOn, [.. s.Attendees.Select(a => a.StaffId).Order()]);
}
