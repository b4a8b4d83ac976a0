using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mamori.Bench;

/// <summary>
/// The yardstick for Mamori's HTTP throughput: Kestrel (the same slim builder Mamori uses) answering every request
/// with a constant JSON document, on the same paths' shapes as the endpoints it is compared with. No database, no
/// authentication, no middleware: what this machine's HTTP stack can do at most.
/// </summary>
public static class BareEndpoint
{
    private sealed record Constant(bool Allowed, string[] Reasons, string PolicyVersion);

    public static async Task<int> RunAsync(string[] args)
    {
        var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5392";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        var constant = new Constant(true, [], "2024-07-01");
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapGet("/bare/consents/{id}", (string id) => TypedResults.Ok(constant));
        app.MapPost("/bare/decisions", () => TypedResults.Ok(constant));
        await app.RunAsync();
        return 0;
    }
}
