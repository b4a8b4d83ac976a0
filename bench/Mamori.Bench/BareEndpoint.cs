using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Mamori.Bench;

/// <summary>
/// The yardstick for Mamori's HTTP throughput: Kestrel (the same slim builder Mamori uses) answering every request
/// with a constant JSON document, on the same paths' shapes as the endpoints it is compared with. No database, no
/// authentication, no middleware: what this machine's HTTP stack can do at most. With <c>--sqlite FILE</c> it also
/// answers <c>GET /bare/row/{id}</c> with one person's consent rows read by one prepared query through ADO.NET on the
/// data set's database: the least any endpoint that reads the database per request can cost, for comparison.
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
        if (args.SkipWhile(a => a != "--sqlite").Skip(1).FirstOrDefault() is { } database)
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
            app.MapGet("/bare/row/{id}", (string id) => TypedResults.Ok(ConsentRows(connectionString, id)));
        }
        await app.RunAsync();
        return 0;
    }

    private sealed record Row(string Category, bool Given, long Id);

    private static List<Row> ConsentRows(string connectionString, string subjectId)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Category, Given, Id FROM consent_records WHERE SubjectKind = 'person' AND SubjectId = $id ORDER BY Id";
        command.Parameters.AddWithValue("$id", subjectId);
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
            rows.Add(new Row(reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2)));
        return rows;
    }
}
