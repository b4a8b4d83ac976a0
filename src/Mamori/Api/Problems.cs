using Mamori.Host.Logging;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Mamori.Host.Api;

/// <summary>RFC 9457 problem documents, each with a stable <c>code</c> member.</summary>
public static class Problems
{
    public static IResult Result(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static async Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    /// <summary>Gives every problem a code, turns a <see cref="MamoriException"/> into a 400 with its own code,
    /// and never lets an exception's text or stack trace out.</summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var error = context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is MamoriException known)
        {
            context.HttpContext.Response.StatusCode = known.Status;
            problem.Status = known.Status;
            problem.Title = ReasonPhrases.GetReasonPhrase(known.Status);
            problem.Type = TypeFor(known.Status);
            problem.Detail = known.Message;
            problem.Extensions["code"] = known.Code;
            foreach (var (name, value) in known.Extensions)
                problem.Extensions[name] = value;
        }
        else if (error is BadHttpRequestException bad)
        {
            context.HttpContext.Response.StatusCode = bad.StatusCode;
            problem.Status = bad.StatusCode;
            problem.Type = TypeFor(bad.StatusCode);
            problem.Detail = "The request could not be read.";
            problem.Extensions["code"] = "request.malformed";
        }
        problem.Extensions.Remove("exception");
        problem.Extensions.TryAdd("code", DefaultCode(problem.Status));
        if (problem.Status is >= 400 and < 500)
            LogRefusal(context.HttpContext, problem.Status.Value, (string)problem.Extensions["code"]!);
    }

    /// <summary>A refusal is logged by its code and the endpoint's name, never by what the caller sent. A path that
    /// matched no endpoint (whatever a caller typed) is only a debug record. Server errors are logged by the
    /// exception handler.</summary>
    private static void LogRefusal(HttpContext http, int status, string code)
    {
        // After an exception the handler has cleared the endpoint; it keeps the one that threw.
        var endpoint = http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        var name = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint?.DisplayName;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Problems).FullName!);
        logger.Refused(name is null ? LogLevel.Debug : LogLevel.Information, status, code, name ?? "no endpoint");
    }

    private static string DefaultCode(int? status) => status switch
    {
        400 => "request.invalid",
        401 => "auth.unauthenticated",
        403 => "auth.forbidden",
        404 => "resource.not_found",
        405 => "request.method_not_allowed",
        413 => "request.too_large",
        415 => "request.unsupported_media_type",
        429 => "rate_limited",
        _ => "server.error",
    };

    /// <summary>The RFC 9110 section of a status, as ASP.NET Core links it; set again here because the default was
    /// filled in for the 500 of the unhandled exception before the status became the exception's own.</summary>
    private static string? TypeFor(int status) => status switch
    {
        >= 400 and <= 417 => $"https://tools.ietf.org/html/rfc9110#section-15.5.{status - 399}",
        >= 500 and <= 505 => $"https://tools.ietf.org/html/rfc9110#section-15.6.{status - 499}",
        _ => null,
    };
}
