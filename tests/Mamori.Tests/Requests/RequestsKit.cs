using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Requests;

/// <summary>Intent-named helpers for the request tests: a customer in the vault, a request taken in by post and
/// brought to the point where it may be carried out.</summary>
internal static class RequestsKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The first bytes of each accepted type, enough for the content check.</summary>
    public static readonly byte[] Pdf = "%PDF-1.7\n%scan of the application\n"u8.ToArray();
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    public static async Task<HttpClient> ClientAsync(MamoriHost host, string role = Roles.PrivacyOfficer) =>
        host.CreateApiClient(await host.CreateApiKeyAsync(role));

    public static string Tag() => Guid.NewGuid().ToString("N")[..10];

    public sealed record Customer(Guid Id, string Name, string Email);

    /// <summary>A customer with contact details, a consultation and an insurance contract (which the law keeps).</summary>
    public static async Task<Customer> CustomerAsync(HttpClient client, string tag, bool withContract = true)
    {
        var name = "山田 太郎" + tag;
        var email = $"taro.{tag}@example.jp";
        var items = new Dictionary<string, string>
        {
            ["contact.name"] = name,
            ["contact.birthdate"] = "1980-04-01",
            ["contact.email"] = email,
            ["contact.address"] = "東京都千代田区丸の内1-1-1 " + tag,
            ["consultation.content"] = "自動車保険の相談" + tag,
        };
        if (withContract)
            items["insurance.policy"] = "POL-" + tag;
        var response = await client.PostAsJsonAsync("/api/v1/persons", new { kind = "customer", channel = "direct", items }, Ct);
        var body = await OkAsync(response);
        return new Customer(body.GetProperty("id").GetGuid(), name, email);
    }

    public static object Application(string kind, Customer who, string responseMethod = "electronic", object? agent = null,
        object? changes = null, string[]? categories = null, DateTimeOffset? receivedAt = null) => new
    {
        kind,
        channel = "mail",
        responseMethod,
        agent,
        requester = new { name = who.Name, address = "東京都千代田区丸の内1-1-1", postalCode = "100-0005", email = who.Email, birthdate = "1980-04-01" },
        details = "申請書の記載どおり",
        changes,
        categories,
        receivedAt,
    };

    public static async Task<JsonElement> OpenAsync(HttpClient client, object application)
    {
        var response = await client.PostAsJsonAsync("/api/v1/requests", application, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await OkAsync(response);
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] content, string? documentId = null, string contentType = "application/pdf")
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync($"/api/v1/requests/{id}/documents{(documentId is null ? "" : "?documentId=" + documentId)}", body, Ct);
    }

    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string step, object? body = null) =>
        client.PostAsJsonAsync($"/api/v1/requests/{id}/{step}", body ?? new { }, Ct);

    /// <summary>Takes the application in and verifies it as an operator would: scans uploaded, person matched, every
    /// document ticked; and records the fee when one is due. Returns the case id.</summary>
    public static async Task<Guid> VerifiedAsync(HttpClient client, object application, Guid personId, bool payFee = true)
    {
        var opened = await OpenAsync(client, application);
        var id = opened.GetProperty("id").GetGuid();
        await OkAsync(await UploadAsync(client, id, Pdf, "application_form"));
        await OkAsync(await UploadAsync(client, id, Jpeg, "identity_document", "image/jpeg"));
        await OkAsync(await StepAsync(client, id, "match", new { personId }));
        foreach (var document in opened.GetProperty("checklist").EnumerateArray())
            await OkAsync(await StepAsync(client, id, "checklist/" + document.GetString(), new { @checked = true }));
        await OkAsync(await StepAsync(client, id, "verification"));
        if (payFee && opened.GetProperty("feeRequired").GetBoolean())
            await OkAsync(await StepAsync(client, id, "fee"));
        return id;
    }

    public static async Task<JsonElement> FulfilAsync(HttpClient client, Guid id) => await OkAsync(await StepAsync(client, id, "fulfilment"));

    public static async Task<JsonElement> PackageAsync(HttpClient client, Guid id) =>
        await OkAsync(await client.GetAsync($"/api/v1/requests/{id}/package?format=json", Ct));

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }
}
