using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Ledger;
using Mamori.Staff;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/ledger</c>: the ledger of personal information generated from the policy and live counts, its
/// Excel and CSV exports, and its yearly review.</summary>
public static class LedgerApi
{
    public sealed record ReviewRequest([property: PersonalData] string? Comment);
    public sealed record ReviewResponse(Guid Id, DateTimeOffset ReviewedAt, string ReviewedBy, string PolicyVersion, [property: PersonalData] string Comment);

    public static void MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var ledger = routes.MapGroup("/api/v1/ledger").WithTags("Ledger");

        ledger.MapGet("", async (string? lang, PersonalInformationLedger service, CancellationToken ct) =>
                TypedResults.Ok(await service.BuildAsync(Lang(lang), ct)))
            .RequirePermission(Permission.ViewLedger)
            .WithName("GetLedger").WithSummary("The ledger (個人情報管理台帳): one row per kind of personal information, with record counts and the review due.");

        ledger.MapGet("/export", async (string? format, string? lang, PersonalInformationLedger service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                if (format is not ("xlsx" or "csv"))
                    throw new MamoriException("ledger.format_unknown", "The format is xlsx or csv.");
                var sheet = await service.ExportAsync(Lang(lang), format, user.AuditActor(), ct);
                var name = $"ledger-{sheet.GeneratedAt.ToOffset(TimeSpan.FromHours(9)):yyyyMMdd}.{format}";
                return format == "xlsx"
                    ? TypedResults.File(LedgerExport.Xlsx(sheet), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
                    : TypedResults.File(LedgerExport.Csv(sheet), "text/csv; charset=utf-8", name);
            })
            .RequirePermission(Permission.ViewLedger)
            .WithName("ExportLedger").WithSummary("The ledger as an Excel workbook (format=xlsx) or CSV (format=csv, RFC 4180, UTF-8 with BOM); the export is audited.");

        ledger.MapGet("/reviews", async (PersonalInformationLedger service, CancellationToken ct) =>
                TypedResults.Ok((await service.ReviewsAsync(ct)).Select(Shape).ToList()))
            .RequirePermission(Permission.ViewLedger)
            .WithName("ListLedgerReviews").WithSummary("The reviews signed off, latest first.");

        ledger.MapPost("/reviews", async (ReviewRequest body, PersonalInformationLedger service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var review = await service.ReviewAsync(body.Comment, user.AuditActor(), ct);
                return TypedResults.Created($"/api/v1/ledger/reviews/{review.Id}", Shape(review));
            })
            .RequirePermission(Permission.ManageProgramme)
            .WithName("ReviewLedger").WithSummary("Sign off the ledger's review with what it found; the next review falls due a year on.");
    }

    private static string Lang(string? lang) => lang == "en" ? "en" : "ja";

    private static ReviewResponse Shape(LedgerReview r) => new(r.Id, r.ReviewedAt, r.ReviewedBy, r.PolicyVersion, r.Comment);
}
