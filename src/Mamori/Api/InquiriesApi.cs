using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Inquiries;
using Mamori.Staff;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/inquiries</c>: the inquiry desk (§12) for staff systems — list, open, record one received
/// another way (e.g. by telephone), assign, answer, close. Thin: each handler shapes one call to <see cref="InquiryRegister"/>.</summary>
public static class InquiriesApi
{
    public sealed record SubmitRequest(
        [property: UncheckedInput] string? Kind,
        [property: PersonalData] string? Name,
        [property: PersonalData] string? Contact,
        [property: PersonalData] string? Message,
        [property: UncheckedInput] string? Lang);

    public sealed record AssignRequest(Guid? StaffId);
    public sealed record AnswerRequest([property: PersonalData] string? Answer);

    public sealed record InquiryResponse(
        Guid Id, string Reference, string Kind, string Status, string Channel, DateTimeOffset ReceivedAt,
        Guid? AssignedTo, DateTimeOffset? AssignedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? ClosedAt,
        string? Lang = null,
        [property: PersonalData] string? Name = null,
        [property: PersonalData] string? Contact = null,
        [property: PersonalData] string? Message = null,
        [property: PersonalData] string? Answer = null);

    public static void MapInquiriesApi(this IEndpointRouteBuilder routes)
    {
        var inquiries = routes.MapGroup("/api/v1/inquiries").WithTags("Inquiries");

        inquiries.MapGet("", async (InquiryRegister desk, CancellationToken ct) =>
                TypedResults.Ok((await desk.ListAsync(ct: ct)).Select(Shape).ToList()))
            .RequirePermission(Permission.ManageInquiries)
            .WithName("ListInquiries").WithSummary("Open inquiries (oldest first), then closed ones; without what the senders wrote.");

        inquiries.MapPost("", async (SubmitRequest body, InquiryRegister desk, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var receipt = await desk.SubmitAsync(new SubmitInquiry(body.Kind, body.Name, body.Contact, body.Message, body.Lang),
                    InquiryChannels.Api, user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/inquiries/{receipt.Id}", receipt);
            })
            .RequirePermission(Permission.ManageInquiries)
            .WithName("RecordInquiry").WithSummary("Record an inquiry received another way than the public form (e.g. a call to the desk).");

        inquiries.MapGet("/{id:guid}", async (Guid id, InquiryRegister desk, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var opened = await desk.ReadAsync(id, user.AuditActor(), ct);
                return TypedResults.Ok(Shape(opened.Summary) with
                {
                    Lang = opened.Lang, Name = opened.Name, Contact = opened.Contact, Message = opened.Message, Answer = opened.Answer,
                });
            })
            .RequirePermission(Permission.ManageInquiries)
            .WithName("ReadInquiry").WithSummary("One inquiry with what the sender wrote and the answer; the opening is audited.");

        inquiries.MapPost("/{id:guid}/assign", async (Guid id, AssignRequest body, InquiryRegister desk, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Shape(await desk.AssignAsync(id,
                    body.StaffId ?? throw new MamoriException(InquiryCodes.AssigneeInvalid, "'staffId' is required."), user.AuditActor(), ct))))
            .RequirePermission(Permission.ManageInquiries)
            .WithName("AssignInquiry").WithSummary("Give an open, unanswered inquiry to a staff member who may handle inquiries.");

        inquiries.MapPost("/{id:guid}/answer", async (Guid id, AnswerRequest body, InquiryRegister desk, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Shape(await desk.AnswerAsync(id, body.Answer, user.AuditActor(), ct))))
            .RequirePermission(Permission.ManageInquiries)
            .WithName("AnswerInquiry").WithSummary("Record the answer given to the sender of an assigned inquiry.");

        inquiries.MapPost("/{id:guid}/close", async (Guid id, InquiryRegister desk, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(Shape(await desk.CloseAsync(id, user.AuditActor(), ct))))
            .RequirePermission(Permission.ManageInquiries)
            .WithName("CloseInquiry").WithSummary("Close an open inquiry.");
    }

    private static InquiryResponse Shape(InquirySummary s) =>
        new(s.Id, s.Reference, s.Kind, s.Status, s.Channel, s.ReceivedAt, s.AssignedTo, s.AssignedAt, s.AnsweredAt, s.ClosedAt);
}
