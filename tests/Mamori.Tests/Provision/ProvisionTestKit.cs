using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Provision;

/// <summary>Intent-named helpers for the provision tests: persons, consents, provisions, records.</summary>
internal static class ProvisionTestKit
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpClient> ClientAsync(MamoriHost host, string role = Roles.PrivacyOfficer) =>
        host.CreateApiClient(await host.CreateApiKeyAsync(role));

    public static string Tag() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>A customer told every customer purpose at acquisition (the default), with a medical history on written consent.</summary>
    public static object Customer(string tag, IReadOnlyList<string>? purposes = null, string ground = "insurance_business", string? writtenConsent = "form-")
        => new
        {
            kind = "customer",
            channel = "direct",
            purposes,
            sensitiveGround = ground,
            writtenConsent = writtenConsent is null ? null : writtenConsent + tag,
            items = new Dictionary<string, string>
            {
                ["contact.name"] = "佐藤 花子" + tag,
                ["contact.sex"] = "女性",
                ["contact.birthdate"] = "1985-06-15",
                ["contact.email"] = $"hanako.{tag}@example.jp",
                ["contact.phone"] = "080-5555-0101",
                ["contact.address"] = "大阪府大阪市北区" + tag,
                ["consultation.content"] = "医療保険の見直し" + tag,
                ["insurance.policy"] = "POL-" + tag,
                ["health.medical_history"] = "喘息" + tag,
            },
        };

    public static async Task<Guid> CreatePersonAsync(HttpClient client, object person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", person, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> ProvideAsync(HttpClient client, Guid personId, string recipient, string purpose, string basis,
        string[] items, bool batch = false, string? contractReference = null) =>
        client.PostAsJsonAsync("/api/v1/provisions", new { personId, recipient, purpose, items, basis, batch, contractReference }, Ct);

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a problem with the code, and that it carries no data.</summary>
    public static async Task DeniedAsync(HttpResponseMessage response, string code, HttpStatusCode status = HttpStatusCode.Forbidden)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(status == response.StatusCode, $"expected {status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(problem.TryGetProperty("data", out _));
    }

    public static async Task<JsonElement> GiveConsentAsync(HttpClient client, object consent)
    {
        var response = await client.PostAsJsonAsync("/api/v1/provision-consents", consent, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await OkAsync(response);
    }

    public static async Task<JsonElement[]> RecordsAsync(HttpClient client, Guid personId)
    {
        var body = await OkAsync(await client.GetAsync($"/api/v1/provision-records?personId={personId}", Ct));
        return [.. body.GetProperty("records").EnumerateArray()];
    }

    public static Task SuspendProvisionAsync(MamoriHost host, Guid personId) =>
        host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<Mamori.Data.MamoriDb>();
            var person = await db.Set<Mamori.Vault.Person>().SingleAsync(p => p.Id == personId, Ct);
            person.ProvisionSuspended = true;
            return await db.SaveChangesAsync(Ct);
        });
}
