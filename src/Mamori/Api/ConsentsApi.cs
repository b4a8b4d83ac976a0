using Mamori.Compliance;
using System.Security.Claims;
using System.Text.Json;
using Mamori.Consent;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Staff;
using Microsoft.AspNetCore.Authentication;

namespace Mamori.Host.Api;

/// <summary>
/// <c>/api/v1/consents</c>: the banner (and the agency's systems) record choices and get a Kantara receipt back;
/// staff and systems read a device's or person's choices in force with their history.
/// </summary>
public static class ConsentsApi
{
    /// <summary>A choice is a handful of categories: anything bigger than this is not one.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    public sealed record ConsentRequest(
        [property: PersonalData] string? DeviceId,
        [property: UncheckedInput] string? PersonId,
        [property: UncheckedInput] Dictionary<string, bool>? Choices,
        [property: UncheckedInput] string? Method,
        [property: UncheckedInput] string? Language,
        [property: PersonalData] string? Reference);

    public sealed record SubjectDto(string Kind, string Id);
    public sealed record Recorded(SubjectDto Subject, string PolicyVersion, bool Gpc, bool NeedsReconsent,
        Dictionary<string, bool> Choices, ConsentReceipt Receipt);
    public sealed record CurrentDto(string Category, string Requirement, bool Given, bool Recorded, string? Method,
        DateTimeOffset? RecordedAt, string? PolicyVersion, Guid? ReceiptId);
    public sealed record RecordDto(string Category, bool Given, string Method, DateTimeOffset RecordedAt, string PolicyVersion,
        string NoticeHash, Guid ReceiptId, string? Reference, string? LinkedFrom, string RecordedBy);
    public sealed record Consents(SubjectDto Subject, string PolicyVersion, bool NeedsReconsent, Dictionary<string, bool> Choices,
        IReadOnlyList<CurrentDto> Current, IReadOnlyList<RecordDto> History);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapConsentsApi(this IEndpointRouteBuilder routes)
    {
        var consents = routes.MapGroup("/api/v1/consents").WithTags("Consents");

        consents.MapPost("", async (HttpContext http, ConsentLedger ledger, ConsentReceipts receipts, CurrentPolicy policy, CancellationToken ct) =>
            {
                var body = await ReadAsync(http.Request, ct);
                var subject = SubjectOf(body);
                var caller = await CallerAsync(http, needed: !subject.IsDevice);
                var recorded = await ledger.RecordAsync(new RecordConsent(subject, body.Choices ?? [], body.Method ?? ConsentMethods.Banner,
                    Gpc: http.Request.Headers["Sec-GPC"] == "1", caller.AuditActor(), Trusted: caller.Has(Permission.ManageConsents), body.Reference), ct);
                var receipt = receipts.For(recorded, body.Language ?? "ja", $"{http.Request.Scheme}://{http.Request.Host}");
                return TypedResults.Created($"/api/v1/consents/{subject.Id}", new Recorded(Dto(subject), policy.Version,
                    recorded.GpcApplied, recorded.State.NeedsReconsent, Choices(recorded.State), receipt));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Consent)
            .RequireCors(ConsentServices.SitesCorsPolicy)
            .Accepts<ConsentRequest>("application/json")
            .Produces<Recorded>(StatusCodes.Status201Created)
            .WithName("RecordConsent")
            .WithSummary("Record a device's (public) or person's (ManageConsents) choices; honours Sec-GPC; answers with a Kantara v1.1 receipt.");

        consents.MapGet("/{subjectId}", async (string subjectId, string? kind, ConsentLedger ledger, CurrentPolicy policy, CancellationToken ct) =>
            {
                var subject = await ledger.ResolveAsync(subjectId, kind, ct);
                var history = await ledger.HistoryAsync(subject, ct);
                var state = await ledger.CurrentFromHistoryAsync(subject, history, ct);
                return TypedResults.Ok(new Consents(Dto(subject), policy.Version, state.NeedsReconsent, Choices(state),
                    [.. state.Choices.Select(Dto)], [.. history.Select(Dto)]));
            })
            .RequireAuthorization(p => p.AddAuthenticationSchemes(Schemes.Api).RequireAuthenticatedUser()
                .RequireAssertion(ctx => ctx.User.Has(Permission.ManageConsents) || ctx.User.Has(Permission.ReadPersonalData)))
            .WithName("GetConsents")
            .WithSummary("A device's or person's choices in force, their full history, and whether the policy changed so that they must be asked again.");
    }

    private static SubjectDto Dto(ConsentSubject subject) => new(subject.IsDevice ? "device" : "person", subject.Id);

    private static CurrentDto Dto(CurrentChoice choice) => new(choice.Category.Id, PolicyApi.Snake(choice.Category.Requirement), choice.Given,
        choice.Record is not null, choice.Record?.Method, choice.Record?.RecordedAt, choice.Record?.PolicyVersion, choice.Record?.ReceiptId);

    private static RecordDto Dto(ConsentRecord r) =>
        new(r.Category, r.Given, r.Method, r.RecordedAt, r.PolicyVersion, r.NoticeHash, r.ReceiptId, r.Reference, r.LinkedFrom, r.RecordedBy);

    private static Dictionary<string, bool> Choices(ConsentState state) => state.Choices.ToDictionary(c => c.Category.Id, c => c.Given);

    private static ConsentSubject SubjectOf(ConsentRequest body)
    {
        var device = !string.IsNullOrEmpty(body.DeviceId);
        var person = !string.IsNullOrEmpty(body.PersonId);
        if (device && person)
            throw new MamoriException(ConsentCodes.SubjectAmbiguous, "Give 'deviceId' or 'personId', not both: a device is joined to a person by linking.");
        if (person)
            return ConsentLedger.PersonSubject(body.PersonId!);
        return device ? ConsentSubject.Device(body.DeviceId) : throw new MamoriException(ConsentCodes.SubjectMissing, "Give 'deviceId' (or, with an API key, 'personId').");
    }

    /// <summary>The caller behind an API key or console session, if any. Speaking for a person needs one that may manage consents.</summary>
    private static async Task<ClaimsPrincipal> CallerAsync(HttpContext http, bool needed)
    {
        var result = await http.AuthenticateAsync(Schemes.Api);
        if (result.Failure is not null || (needed && !result.Succeeded))
            throw new MamoriException("auth.unauthenticated", "Recording a person's consent needs an API key (Authorization: Bearer …).", 401);
        var caller = result.Principal ?? new ClaimsPrincipal(new ClaimsIdentity());
        if (needed && !caller.Has(Permission.ManageConsents))
            throw new MamoriException("auth.forbidden", "This key's role may not record a person's consent.", 403);
        return caller;
    }

    /// <summary>The JSON body, read with a hard size limit (the endpoint is public).</summary>
    private static async Task<ConsentRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            throw new MamoriException("request.unsupported_media_type", "Send JSON (Content-Type: application/json).", 415);
        if (request.ContentLength > MaxBodyBytes)
            throw new MamoriException("request.too_large", $"At most {MaxBodyBytes} bytes.", 413);
        using var buffer = new MemoryStream();
        var chunk = new byte[2048];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
                throw new MamoriException("request.too_large", $"At most {MaxBodyBytes} bytes.", 413);
        }
        try
        {
            return JsonSerializer.Deserialize<ConsentRequest>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json)
                ?? throw new JsonException("null body");
        }
        catch (JsonException)
        {
            throw new MamoriException("request.malformed", "The body is not a consent in JSON: deviceId or personId, choices {category: true|false}, method.");
        }
    }
}
