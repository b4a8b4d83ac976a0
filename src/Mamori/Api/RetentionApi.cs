using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Retention;
using Mamori.Staff;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/retention</c> and <c>/api/v1/legal-holds</c>: what would be disposed of now, a run with its
/// disposal record, and the holds that stop it. Thin: each handler shapes one call.</summary>
public static class RetentionApi
{
    public sealed record HoldRequest([property: Pseudonymous] Guid? PersonId, [property: UncheckedInput] string? Category, [property: PersonalData] string? Reason);
    public sealed record HoldResponse(Guid Id, Guid? PersonId, string? Category, [property: PersonalData] string Reason, DateTimeOffset SetAt, string SetBy,
        DateTimeOffset? ReleasedAt, string? ReleasedBy, bool Active);
    public sealed record LineResponse(string Rule, string Target, string Method, int Count, int Held, string? Reference);
    public sealed record DisposalResponse(Guid Id, DateTimeOffset RunAt, string RunBy, string ApprovedBy, string PolicyVersion, int Total, IReadOnlyList<LineResponse> Lines);
    public sealed record PlanResponse(DateTimeOffset At, string PolicyVersion, int Total, int Held, IReadOnlyList<LineResponse> Lines);

    public static void MapRetentionApi(this IEndpointRouteBuilder routes)
    {
        var retention = routes.MapGroup("/api/v1/retention").WithTags("Retention");

        retention.MapGet("/plan", async (Disposals disposals, CancellationToken ct) =>
            {
                var plan = await disposals.PlanAsync(ct);
                return TypedResults.Ok(new PlanResponse(plan.At, plan.PolicyVersion, plan.Total, plan.Held,
                    [.. plan.Lines.Select(l => new LineResponse(l.RuleId, l.Target, l.Method, l.Count, l.Held, null))]));
            })
            .RequirePermission(Permission.ManageRetention)
            .WithName("PlanRetention").WithSummary("A dry run: what each rule would dispose of now and what legal holds spare. Changes nothing.");

        retention.MapPost("/runs", async (Disposals disposals, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var record = await disposals.RunAsync(user.AuditActor(), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/retention/runs/{record.Id}", Shape(record));
            })
            .RequirePermission(Permission.ManageRetention)
            .WithName("RunRetention").WithSummary("Dispose of everything expired now (approved by the caller) and answer the disposal record.");

        retention.MapGet("/runs", async (Disposals disposals, CancellationToken ct) =>
                TypedResults.Ok((await disposals.RecentAsync(ct: ct)).Select(Shape).ToList()))
            .RequirePermission(Permission.ManageRetention)
            .WithName("ListDisposals").WithSummary("The latest disposal records: when, by whom, approved by whom, what and how many.");

        var holds = routes.MapGroup("/api/v1/legal-holds").WithTags("Retention");

        holds.MapGet("", async (LegalHolds service, CancellationToken ct) => TypedResults.Ok((await service.ListAsync(ct)).Select(Shape).ToList()))
            .RequirePermission(Permission.ManageRetention)
            .WithName("ListLegalHolds").WithSummary("Legal holds, standing ones first.");

        holds.MapPost("", async (HoldRequest body, LegalHolds service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var hold = await service.SetAsync(new SetLegalHold(body.PersonId, body.Category, body.Reason), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/legal-holds/{hold.Id}", Shape(hold));
            })
            .RequirePermission(Permission.ManageRetention)
            .WithName("SetLegalHold").WithSummary("Hold a person (personId) or a data category (category) back from disposal, with a reason.");

        holds.MapPost("/{id:guid}/release", async (Guid id, LegalHolds service, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Shape(await service.ReleaseAsync(id, user.AuditActor(), ct))))
            .RequirePermission(Permission.ManageRetention)
            .WithName("ReleaseLegalHold").WithSummary("Release a hold; what it held is disposed of by the next run if expired.");
    }

    internal static DisposalResponse Shape(DisposalRecord d) => new(d.Id, d.RunAt, d.RunBy, d.ApprovedBy, d.PolicyVersion, d.Total,
        [.. d.Lines.OrderBy(l => l.RuleId, StringComparer.Ordinal).Select(l => new LineResponse(l.RuleId, l.Target, l.Method, l.Count, l.Held, l.Reference))]);

    internal static HoldResponse Shape(LegalHold h) => new(h.Id, h.PersonId, h.Category, h.Reason, h.SetAt, h.SetBy, h.ReleasedAt, h.ReleasedBy, h.IsActive);
}
