using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Requests.RequestsKit;

namespace Mamori.Tests.Requests;

/// <summary>The request settings of the policy at work, in a variant of the agency's policy: the online channel switched
/// on (/privacy/requests/new), and a category named as not retained personal data (APPI Art. 16(4)).</summary>
public abstract partial class RequestPolicySwitchesTests<THost>(THost host) where THost : MamoriHost
{
    private async Task VariantAsync()
    {
        if (host.Options.PolicyFile != MamoriHost.PolicyPath)
            return;
        var file = Path.Combine(host.Database.DataDirectory, "policy-online.yaml");
        var yaml = await File.ReadAllTextAsync(MamoriHost.PolicyPath, Ct);
        Assert.Contains("  onlineForm: false", yaml, StringComparison.Ordinal);
        // A new version, as publishing a changed policy requires.
        await File.WriteAllTextAsync(file, yaml.Replace("  onlineForm: false", "  onlineForm: true", StringComparison.Ordinal)
            .Replace("version: \"2024-07-01\"", "version: \"2026-11-01\"", StringComparison.Ordinal)
            .Replace("effectiveFrom: 2024-07-01", "effectiveFrom: 2026-11-01", StringComparison.Ordinal)
            .Replace("  notRetained: []", NotRetained, StringComparison.Ordinal), Ct);
        await host.RestartWithPolicyAsync(file);
    }

    private const string NotRetained = """
          notRetained:
            - category: consultation.content
              reason:
                ja: 存否が明らかになることにより違法又は不当な行為を助長するおそれがあるため
                en: Revealing whether it exists could encourage unlawful or improper acts
        """;

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
        await VariantAsync();
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
        await VariantAsync();
        using var form = new MultipartFormDataContent { { new StringContent("disclosure"), "Form.Kind" } };
        var response = await host.CreateClient().PostAsync("/privacy/requests/new", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task What_is_not_retained_personal_data_is_left_out_of_a_disclosure()
    {
        await VariantAsync();
        var officer = await ClientAsync(host);
        var tag = Tag();
        var customer = await CustomerAsync(officer, tag);
        // The variant names the consultations as not retained (the customer has one).
        var id = await VerifiedAsync(officer, Application("disclosure", customer), customer.Id);
        var items = (await FulfilAsync(officer, id)).GetProperty("result").GetProperty("disclosure").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("category").GetString()).ToList();
        Assert.Contains("contact.name", items);
        Assert.DoesNotContain("consultation.content", items);
        var text = await Incidents.PdfText.ExtractAsync(await (await officer.GetAsync($"/api/v1/requests/{id}/package?format=pdf", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.DoesNotContain("自動車保険の相談" + tag, text, StringComparison.Ordinal);
        Assert.Contains(tag, text, StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"received\" data-request=\"([0-9a-f-]{36})\"")]
    private static partial Regex ReceivedPattern();
}

public sealed class RequestPolicySwitchesOnSqlite(SqliteHost host) : RequestPolicySwitchesTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class RequestPolicySwitchesOnPostgres(PostgresHost host) : RequestPolicySwitchesTests<PostgresHost>(host), IClassFixture<PostgresHost>;
