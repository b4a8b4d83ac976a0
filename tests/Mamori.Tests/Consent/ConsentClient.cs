using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Consent;

/// <summary>Intent-named helpers for the consent tests: new device IDs, posting choices, reading them back.</summary>
internal static class ConsentClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A random device ID as consent.js makes one: 16 bytes, base64url, 22 characters.</summary>
    public static string NewDeviceId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, bool gpc = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/consents") { Content = JsonContent.Create(body) };
        if (gpc)
            request.Headers.Add("Sec-GPC", "1");
        return await client.SendAsync(request, Ct);
    }

    /// <summary>Posts a device's choices from the banner and returns the answer; fails the test unless it is 201.</summary>
    public static async Task<JsonElement> RecordAsync(HttpClient client, object body, bool gpc = false)
    {
        var response = await PostAsync(client, body, gpc);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ReadAsync(HttpClient client, string subjectId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/consents/{subjectId}", Ct)).RootElement.Clone();

    public static async Task<string> ProblemCodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return problem.RootElement.GetProperty("code").GetString()!;
    }

    /// <summary>A customer in the vault, for consents a person gives.</summary>
    public static async Task<Guid> CreatePersonAsync(MamoriHost host)
    {
        var client = host.CreateApiClient(await host.CreateApiKeyAsync(Mamori.Staff.Roles.PrivacyOfficer));
        var response = await client.PostAsJsonAsync("/api/v1/persons", new
        {
            kind = "customer",
            channel = "direct",
            items = new Dictionary<string, string> { ["contact.email"] = $"consent.{Guid.NewGuid():N}@example.jp" },
        }, Ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The current choice of one category in a GET /consents answer.</summary>
    public static JsonElement Current(JsonElement consents, string category) =>
        consents.GetProperty("current").EnumerateArray().Single(c => c.GetProperty("category").GetString() == category);

    public static IReadOnlyList<JsonElement> History(JsonElement consents, string category) =>
        [.. consents.GetProperty("history").EnumerateArray().Where(r => r.GetProperty("category").GetString() == category)];
}
