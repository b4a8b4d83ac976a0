using System.Security.Claims;
using Mamori.Host.Auth;
using Mamori.Staff;
using Mamori.Statistics;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/statistics</c> (reports with small cells suppressed) and <c>/api/v1/anonymised-datasets</c>
/// (registered, and so published on <c>/privacy/anonymised-data</c>).</summary>
public static class StatisticsApi
{
    public static void MapStatisticsApi(this IEndpointRouteBuilder routes)
    {
        var statistics = routes.MapGroup("/api/v1/statistics").WithTags("Statistics");

        statistics.MapGet("/page-views", async (DateOnly? from, DateOnly? to, AggregateReports reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.PageViewsAsync(from, to, ct)))
            .RequirePermission(Permission.ManageProgramme)
            .WithName("PageViewStatistics").WithSummary("Page views per month and page; cells of fewer devices than the policy's minimum are suppressed.");

        statistics.MapGet("/service-users", async (DateOnly? from, DateOnly? to, AggregateReports reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.ServiceUsersAsync(from, to, ct)))
            .RequirePermission(Permission.ManageProgramme)
            .WithName("ServiceUserStatistics").WithSummary("Users (devices) of each service per month; small cells suppressed.");

        statistics.MapGet("/incidents", async (DateOnly? from, DateOnly? to, AggregateReports reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.IncidentsAsync(from, to, ct)))
            .RequirePermission(Permission.ManageProgramme)
            .WithName("IncidentStatistics").WithSummary("Incidents per month and the persons they affected; small person counts suppressed.");

        var datasets = routes.MapGroup("/api/v1/anonymised-datasets").WithTags("Statistics");

        datasets.MapGet("", async (AnonymisedDatasets service, CancellationToken ct) => TypedResults.Ok(await service.PublishedAsync(ct)))
            .AllowAnonymous()
            .WithName("ListAnonymisedDatasets").WithSummary("Public: the anonymised datasets made, their items and how they are provided (APPI Arts. 43–44).");

        datasets.MapPost("", async (RegisterDataset body, AnonymisedDatasets service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var dataset = await service.RegisterAsync(body, user.AuditActor(), ct);
                return TypedResults.Created("/privacy/anonymised-data", dataset);
            })
            .RequirePermission(Permission.ManageProgramme)
            .WithName("RegisterAnonymisedDataset").WithSummary("Register a dataset made; its items and method of provision are published at once.");
    }
}
