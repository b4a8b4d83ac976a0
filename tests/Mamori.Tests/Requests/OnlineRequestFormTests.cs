using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Requests.RequestsKit;

namespace Mamori.Tests.Requests;

/// <summary>/privacy/requests/new once the policy switches the online channel on: a person applies with their proof of
/// identity, and the request lands in the staff queue, marked online.</summary>
public abstract partial class OnlineRequestFormTests<THost>(THost host) where THost : MamoriHost
{
    private async Task OnlineFormOnAsync()
    {
        if (host.Options.PolicyFile != MamoriHost.PolicyPath)
            return;
        var file = Path.Combine(host.Database.DataDirectory, "policy-online.yaml");
        var yaml = await File.ReadAllTextAsync(MamoriHost.PolicyPath, Ct);
        Assert.Contains("  onlineForm: false", yaml, StringComparison.Ordinal);
        // A new version, as publishing a changed policy requires.
        await File.WriteAllTextAsync(file, yaml.Replace("  onlineForm: false", "  onlineForm: true", StringComparison.Ordinal)
            .Replace("version: \"2024-07-01\"", "version: \"2026-11-01\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", "effectiveFrom: 2026-11-01", StringComparison.Ordinal), Ct);
        await host.RestartWithPolicyAsync(file);
    }

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient client, Dictionary<string, string> fields, byte[] identity, string type)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await Forms.TokenAsync(client, "/privacy/requests/new")), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(identity);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "identity", "licence");
        return await client.PostAsync("/privacy/requests/new", form, Ct);
    }

    [Fact]
    public async Task A_person_applies_online_with_their_identity_document()
    {
        await OnlineFormOnAsync();
        var tag = Tag();
        var person = host.CreateClient();
        var page = await person.GetAsync("/privacy/requests/new", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var fields = new Dictionary<string, string>
        {
            ["Form.Kind"] = "disclosure",
            ["Form.ResponseMethod"] = "electronic",
            ["Form.Name"] = "オンライン 申請" + tag,
            ["Form.Address"] = "東京都港区新橋1-1-1",
            ["Form.Email"] = $"online.{tag}@example.jp",
            ["Form.AgentType"] = "none",
        };

        // A file that is not what it claims is refused, and nothing is stored.
        var refused = await ApplyAsync(person, fields, "not an image"u8.ToArray(), "image/png");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("data-code=\"request.document_type\"", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var accepted = await ApplyAsync(person, fields, Png, "image/png");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var html = WebUtility.HtmlDecode(await accepted.Content.ReadAsStringAsync(Ct));
        var id = Guid.Parse(ReceivedPattern().Match(html).Groups[1].Value);
        Assert.Contains("id=\"fee-notice\"", html, StringComparison.Ordinal);

        var staff = await ClientAsync(host);
        var detail = await OkAsync(await staff.GetAsync($"/api/v1/requests/{id}", Ct));
        Assert.Equal("online", detail.GetProperty("channel").GetString());
        Assert.Equal("anonymous", detail.GetProperty("transitions")[0].GetProperty("actor").GetString());
        var document = Assert.Single(detail.GetProperty("documents").EnumerateArray());
        Assert.Equal(("identity_document", "image/png"), (document.GetProperty("documentId").GetString(), document.GetProperty("contentType").GetString()));
        var queue = await OkAsync(await staff.GetAsync("/api/v1/requests", Ct));
        Assert.Single(queue.EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_form_is_protected_against_forgery()
    {
        await OnlineFormOnAsync();
        using var form = new MultipartFormDataContent { { new StringContent("disclosure"), "Form.Kind" } };
        var response = await host.CreateClient().PostAsync("/privacy/requests/new", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("id=\"received\" data-request=\"([0-9a-f-]{36})\"")]
    private static partial Regex ReceivedPattern();
}

public sealed class OnlineRequestFormOnSqlite(SqliteHost host) : OnlineRequestFormTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class OnlineRequestFormOnPostgres(PostgresHost host) : OnlineRequestFormTests<PostgresHost>(host), IClassFixture<PostgresHost>;
