using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Policy;
using Mamori.Requests;
using Mamori.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/requests</c>: requests from data subjects (開示等の請求等) — intake, documents, the identity and
/// agent checklist, matching, fee, fulfilment, answer, refusal, and the package the requester receives. Thin: each
/// handler shapes one call to <see cref="RequestCases"/>. Operators (ManageRequests) take requests in and verify them;
/// carrying one out, answering and refusing are decisions (DecideRequests).</summary>
public static class RequestsApi
{
    public sealed record RequesterRequest(
        [property: PersonalData] string? Name,
        [property: PersonalData] string? Address,
        [property: PersonalData] string? NameKana,
        [property: PersonalData] DateOnly? Birthdate,
        [property: PersonalData] string? PostalCode,
        [property: PersonalData] string? Phone,
        [property: PersonalData] string? Email);
    public sealed record AgentRequest(
        [property: UncheckedInput] string? Type,
        [property: PersonalData] string? Name,
        [property: PersonalData] string? Address,
        [property: PersonalData] string? Phone,
        [property: PersonalData] string? Email);
    public sealed record OpenRequestBody(
        [property: UncheckedInput] string? Kind,
        RequesterRequest? Requester,
        AgentRequest? Agent,
        [property: UncheckedInput] string? Channel,
        [property: UncheckedInput] string? ResponseMethod,
        [property: PersonalData] string? Details,
        [property: PersonalData] Dictionary<string, string>? Changes,
        [property: UncheckedInput] List<string>? Categories,
        DateTimeOffset? ReceivedAt);
    public sealed record MatchRequest([property: Pseudonymous] Guid? PersonId);
    public sealed record CheckRequest(bool? Checked);
    public sealed record AnswerRequest(bool? Paper);
    /// <summary>Why a closed request's data is shredded: free text, which should hold no personal data but might.</summary>
    public sealed record ShreddingRequest([property: PersonalData] string? Reason);
    public sealed record RefusalRequest([property: UncheckedInput] string? Ground, [property: PersonalData] string? Reason);

    public sealed record Opened(Guid Id, string Status, DateTimeOffset DueAt, DateTimeOffset TargetAt, bool FeeRequired, int FeeAmount, IReadOnlyList<string> Checklist);
    public sealed record CheckView(string DocumentId, DateTimeOffset? CheckedAt, string? CheckedBy);
    public sealed record DocumentView(Guid Id, string? DocumentId, string ContentType, int Size, DateTimeOffset UploadedAt, string UploadedBy);
    public sealed record TransitionView(string From, string To, DateTimeOffset At, string Actor);
    public sealed record RequestResponse(
        Guid Id, string Kind, string Status, string Urgency, string Channel, string AgentType, string ResponseMethod,
        DateTimeOffset ReceivedAt, DateTimeOffset TargetAt, DateTimeOffset DueAt, Guid? PersonId,
        bool FeeRequired, int FeeAmount, DateTimeOffset? FeeReceivedAt, DateTimeOffset? VerifiedAt, DateTimeOffset? FulfilledAt,
        DateTimeOffset? ClosedAt, string? RefusalGround, string? AnsweredMethod, bool Shredded,
        IReadOnlyList<CheckView> Checklist, IReadOnlyList<DocumentView> Documents, IReadOnlyList<TransitionView> Transitions,
        RequestContent Application, RequestResult? Result);
    public sealed record PackageResponse(Guid RequestId, string Kind, string Status, string? RefusalGround, RequestLetterView Letter, RequestResult? Result);
    public sealed record RequestLetterView(string Title, IReadOnlyList<string> Addressee, string Date, string From, IReadOnlyList<LetterSection> Sections);
    public sealed record LetterSection(string Heading, string Text);

    public static void MapRequestsApi(this IEndpointRouteBuilder routes)
    {
        var requests = routes.MapGroup("/api/v1/requests").WithTags("Requests");

        requests.MapPost("", async (OpenRequestBody body, RequestCases cases, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var opened = await cases.OpenAsync(ToCommand(body), user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/requests/{opened.Id}", new Opened(opened.Id, opened.Status, opened.DueAt, opened.TargetAt,
                    opened.FeeRequired, opened.FeeAmount, [.. opened.Checks.Select(c => c.DocumentId)]));
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("OpenRequest").WithSummary("Enter a request (by post, or from the online form): kind, requester, agent, channel, answer method; out: id, status, due date.");

        requests.MapGet("", async (bool? closed, RequestCases cases, CancellationToken ct) =>
                TypedResults.Ok(await cases.QueueAsync(closed ?? false, ct: ct)))
            .RequirePermission(Permission.ManageRequests)
            .WithName("ListRequests").WithSummary("The queue: open requests, nearest deadline first, marked overdue, near_due or on_track.");

        requests.MapGet("/{id:guid}", async (Guid id, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
                await CaseAsync(cases, id, user, clock, ct))
            .RequirePermission(Permission.ManageRequests)
            .WithName("GetRequest").WithSummary("A request with its application, checklist, documents, history and result.");

        requests.MapPost("/{id:guid}/documents", async (Guid id, string? documentId, HttpRequest http, RequestCases cases, CurrentPolicy policy,
                ClaimsPrincipal user, CancellationToken ct) =>
            {
                var content = await ReadBodyAsync(http, policy.Document.Requests.MaxDocumentBytes, ct);
                var file = await cases.AddDocumentAsync(id, string.IsNullOrEmpty(documentId) ? null : documentId, content, user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/requests/{id}/documents/{file.Id}", View(file));
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("AddRequestDocument").WithSummary("Upload a scanned document (the body: PDF, JPEG or PNG, told by its content); documentId names the checklist item it shows.");

        requests.MapGet("/{id:guid}/documents/{documentFileId:guid}", async (Guid id, Guid documentFileId, RequestCases cases, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var (file, content) = await cases.ReadDocumentAsync(id, documentFileId, user.AuditActor(), ct);
                return TypedResults.File(content, file.ContentType, $"request-document-{file.Id.ToString("N")[..8]}{Extension(file.ContentType)}");
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("GetRequestDocument").WithSummary("A document of the request, decrypted.");

        requests.MapGet("/{id:guid}/candidates", async (Guid id, RequestCases cases, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await cases.CandidatesAsync(id, user.AuditActor(), ct)))
            .RequirePermission(Permission.ManageRequests)
            .WithName("GetRequestCandidates").WithSummary("Persons of the vault the requester may be, found through the blind indexes.");

        requests.MapPost("/{id:guid}/match", async (Guid id, MatchRequest body, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.MatchAsync(id, body.PersonId ?? throw new MamoriException("request.field_missing", "'personId' is required."), user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("MatchRequestPerson").WithSummary("Name the person of the vault the request is about.");

        requests.MapPost("/{id:guid}/checklist/{documentId}", async (Guid id, string documentId, CheckRequest body, RequestCases cases, TimeProvider clock,
                ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.CheckAsync(id, documentId, body.Checked ?? true, user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("CheckRequestDocument").WithSummary("Tick (or untick) a document of the identity and agent checklist; who and when are recorded.");

        requests.MapPost("/{id:guid}/verification", async (Guid id, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.VerifyAsync(id, user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("VerifyRequest").WithSummary("Confirm the requester's identity (and agency): every checklist item ticked and the person matched.");

        requests.MapPost("/{id:guid}/fee", async (Guid id, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.RecordFeeAsync(id, user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("RecordRequestFee").WithSummary("Record the postal money order for the fee (purpose notice and disclosure).");

        requests.MapPost("/{id:guid}/fulfilment", async (Guid id, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.FulfilAsync(id, user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.DecideRequests)
            .WithName("FulfilRequest").WithSummary("Carry out a verified (and, where due, paid) request against the vault, signals, consents and records.");

        requests.MapPost("/{id:guid}/answer", async (Guid id, AnswerRequest? body, RequestCases cases, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await cases.AnswerAsync(id, body?.Paper ?? false, user.AuditActor(), ct)))
            .RequirePermission(Permission.DecideRequests)
            .WithName("AnswerRequest").WithSummary("Send the answer: electronic (a download token and a password, shown once, to send separately) or paper.");

        requests.MapPost("/{id:guid}/refusal", async (Guid id, RefusalRequest body, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.RefuseAsync(id, body.Ground ?? "", body.Reason, user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.DecideRequests)
            .WithName("RefuseRequest").WithSummary("Refuse on a §10 ground (identity_unverified, incomplete_documents, …) with the reason.");

        requests.MapPost("/{id:guid}/withdrawal", async (Guid id, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.WithdrawAsync(id, user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("WithdrawRequest").WithSummary("Record that the requester withdrew the request.");

        requests.MapPost("/{id:guid}/shredding", async (Guid id, ShreddingRequest body, RequestCases cases, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await cases.ShredAsync(id, body.Reason ?? "", user.AuditActor(), ct);
                return await CaseAsync(cases, id, user, clock, ct);
            })
            .RequirePermission(Permission.ErasePersonalData)
            .WithName("ShredRequest").WithSummary("Crypto-shred a closed request's personal data (application, documents, answer); its codes, dates and history stay.");

        requests.MapGet("/{id:guid}/package", async (Guid id, string? format, RequestCases cases, CurrentPolicy policy, TimeProvider clock,
                ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (format is not (null or "json" or "html" or "pdf"))
                    throw new MamoriException("package.format_unknown", "The format is json, html or pdf.");
                var detail = await cases.PackageAsync(id, user.AuditActor(), ct);
                return Package(detail, format, policy.Document, clock);
            })
            .RequirePermission(Permission.ManageRequests)
            .WithName("GetRequestPackage").WithSummary("What the requester receives — the answer or the refusal letter — as JSON, HTML or a Japanese PDF letter.");
    }

    /// <summary>The package in the asked format; also what the requester's download page serves.</summary>
    public static IResult Package(RequestDetail detail, string? format, PolicyDocument policy, TimeProvider clock)
    {
        var letter = RequestLetter.For(detail, policy, clock.GetUtcNow());
        var c = detail.Case;
        return format switch
        {
            "pdf" => TypedResults.File(letter.ToPdf(), "application/pdf", $"request-{c.Id:D}.pdf"),
            "html" => TypedResults.Content(letter.ToHtml(), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(new PackageResponse(c.Id, c.Kind, c.Status, c.RefusalGround,
                new RequestLetterView(letter.Title, letter.Addressee, letter.Date, letter.From, [.. letter.Sections.Select(s => new LetterSection(s.Heading, s.Text))]),
                detail.Result)),
        };
    }

    internal static OpenRequest ToCommand(OpenRequestBody b)
    {
        var r = b.Requester;
        return new OpenRequest(b.Kind ?? "", b.Channel ?? RequestChannels.Mail, b.Agent?.Type ?? AgentTypes.None, b.ResponseMethod ?? "",
            new Requester(r?.Name ?? "", r?.Address ?? "", r?.NameKana, r?.Birthdate, r?.PostalCode, r?.Phone, r?.Email),
            b.Agent is { Name: not null } a ? new Agent(a.Name, a.Address, a.Phone, a.Email) : null,
            b.Details, b.Changes, b.Categories, b.ReceivedAt);
    }

    /// <summary>The case as it stands (after a step), as every case endpoint answers.</summary>
    private static async Task<Ok<RequestResponse>> CaseAsync(RequestCases cases, Guid id, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(Shape(await cases.GetAsync(id, user.AuditActor(), ct), clock));

    internal static RequestResponse Shape(RequestDetail detail, TimeProvider clock)
    {
        var c = detail.Case;
        return new RequestResponse(c.Id, c.Kind, c.Status, RequestCases.Urgency(c.Status, c.TargetAt, c.DueAt, clock.GetUtcNow()), c.Channel, c.AgentType,
            c.ResponseMethod, c.ReceivedAt, c.TargetAt, c.DueAt, c.PersonId, c.FeeRequired, c.FeeAmount, c.FeeReceivedAt, c.VerifiedAt, c.FulfilledAt,
            c.ClosedAt, c.RefusalGround, c.AnsweredMethod, detail.Shredded,
            [.. detail.RequiredDocuments.Select(d => c.Checks.First(x => x.DocumentId == d)).Select(x => new CheckView(x.DocumentId, x.CheckedAt, x.CheckedBy))],
            [.. c.Documents.OrderBy(d => d.UploadedAt).Select(View)],
            [.. c.Transitions.OrderBy(t => t.Id).Select(t => new TransitionView(t.From, t.To, t.At, t.Actor))],
            detail.Content, detail.Result);
    }

    private static DocumentView View(RequestDocumentFile f) => new(f.Id, f.DocumentId, f.ContentType, f.Size, f.UploadedAt, f.UploadedBy);

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".bin",
    };

    /// <summary>Reads at most <paramref name="max"/> bytes; a longer body is refused without reading it all.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest http, int max, CancellationToken ct)
    {
        if (http.ContentLength > max)
            throw new MamoriException(RequestCodes.DocumentSize, $"A document is 1 byte to {max / (1024 * 1024)} MB.", 413);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
                throw new MamoriException(RequestCodes.DocumentSize, $"A document is 1 byte to {max / (1024 * 1024)} MB.", 413);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
