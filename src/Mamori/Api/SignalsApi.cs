using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Signals;
using Mamori.Staff;
using Microsoft.Extensions.Options;

namespace Mamori.Host.Api;

/// <summary><c>POST /api/v1/signals</c>: a site's batch of events, through the consent gate, stored once per batch ID.</summary>
public static partial class SignalsApi
{
    public sealed record SignalsResponse(string BatchId, int Accepted, IReadOnlyDictionary<string, int> Dropped,
        IReadOnlyDictionary<string, int> Stripped, IReadOnlyDictionary<string, int> Truncated);

    /// <summary>Set on the answer to a retry: the body is the stored answer to the first post of the batch ID.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static void MapSignalsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/signals", async (HttpContext http, SignalIngestion ingestion, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var batch = await ReadAsync(http, ct);
                var result = await ingestion.IngestAsync(Site(user), user.AuditActor(), batch, ct);
                if (result.Replayed)
                    http.Response.Headers[ReplayedHeader] = "true";
                var outcome = result.Outcome;
                return TypedResults.Ok(new SignalsResponse(result.BatchId, outcome.Accepted, outcome.Dropped, outcome.Stripped, outcome.Truncated));
            })
            .RequirePermission(Permission.IngestSignals)
            .RequireRateLimiting(Web.RateLimits.Signals)
            .RequireCors(ConsentServices.SitesSignalsCorsPolicy)
            .Accepts<SignalBatchInput>("application/json")
            .WithName("IngestSignals")
            .WithSummary("A batch of events from a site (site key); the consent gate drops and strips what the device has not allowed; a retry of the batch ID is answered again, never stored twice.")
            .WithTags("Signals");
    }

    /// <summary>Batch IDs are unique per site: the key's name (what it is for), so a rotated key keeps the site's batches.</summary>
    private static string Site(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ClaimTypes.Name);
        return string.IsNullOrWhiteSpace(name) ? user.AuditActor() : name[..Math.Min(name.Length, SignalLimits.MaxSiteLength)];
    }

    /// <summary>Reads at most <see cref="SignalLimits.MaxBodyBytes"/> (whatever the headers claim) and maps JSON errors to stable codes.</summary>
    private static async Task<SignalBatchInput> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
            throw new MamoriException("request.unsupported_media_type", "Send the batch as application/json.", 415);
        if (request.ContentLength > SignalLimits.MaxBodyBytes)
            throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > SignalLimits.MaxBodyBytes)
                throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<SignalBatchInput>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), json)
                ?? throw new MamoriException(SignalCodes.BodyInvalid, "Send a JSON object {\"batchId\": …, \"events\": […]}.");
        }
        catch (JsonException e) when (e.Path is { } path && EventPath().Match(path) is { Success: true } at)
        {
            throw new SignalEventInvalidException(int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                at.Groups[2].Success ? at.Groups[2].Value : "event", "has the wrong type or format.");
        }
        catch (JsonException)
        {
            throw new MamoriException(SignalCodes.BodyInvalid, "The body is not valid JSON of the shape {\"batchId\": …, \"events\": […]}.");
        }
    }

    private static MamoriException TooLarge() =>
        new(SignalCodes.BatchTooLarge, $"A batch body is at most {SignalLimits.MaxBodyBytes / 1024} KB; split it.", 413);

    [GeneratedRegex(@"^\$\.events\[(\d+)\](?:\.(\w+))?")]
    private static partial Regex EventPath();
}
