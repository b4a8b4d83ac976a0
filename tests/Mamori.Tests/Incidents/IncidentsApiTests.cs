using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Audit;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace Mamori.Tests.Incidents;

/// <summary><c>/api/v1/incidents</c> through HttpClient: reportability, deadlines, drafts, who may use it.</summary>
public abstract class IncidentsApiTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> ClientAsync(string role = Roles.PrivacyOfficer) => host.CreateApiClient(await host.CreateApiKeyAsync(role));

    /// <summary>A mis-sent email with medical histories, known at 10:00 JST on Friday 1 May 2026 (before Golden Week).</summary>
    internal static Dictionary<string, object?> GoldenWeekIncident(string tag) => new()
    {
        ["discoveredAt"] = "2026-05-01T10:00:00+09:00",
        ["occurredAt"] = "2026-04-30T18:20:00+09:00",
        ["discoveredBy"] = "情報セキュリティ室",
        ["items"] = new[] { "contact.name", "health.medical_history" },
        ["personsAffected"] = 3,
        ["summary"] = "健康状態の告知書を別のお客様にメールで誤送信した" + tag,
        ["cause"] = "宛先の選択誤りと送信前確認の不足" + tag,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static JsonElement Deadline(JsonElement incident, string report, int day) =>
        incident.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("report").GetString() == report && d.GetProperty("day").GetInt32() == day);

    private async Task<JsonElement> RecordAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task The_Friday_before_Golden_Week_gets_the_deadlines_a_privacy_officer_computes()
    {
        var client = await ClientAsync();
        var incident = await RecordAsync(client, GoldenWeekIncident(Tag()));

        Assert.True(incident.GetProperty("reportable").GetBoolean());
        Assert.Equal(["incident.sensitive_data"], incident.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("2026-05-01", incident.GetProperty("awarenessDate").GetString());
        // Day 3 = Sun 3 May → 4, 5, 6 May are holidays → Thu 7 May; day 5 = Tue 5 May → Thu 7 May;
        // day 30 = Sat 30 May → Mon 1 June.
        var third = Deadline(incident, "ppc_preliminary", 3);
        Assert.Equal(("2026-05-03", "2026-05-07", true), (third.GetProperty("nominal").GetString(), third.GetProperty("due").GetString(), third.GetProperty("moved").GetBoolean()));
        Assert.Equal(["2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06"],
            third.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("date").GetString()));
        Assert.Equal("2026-05-07", Deadline(incident, "ppc_preliminary", 5).GetProperty("due").GetString());
        Assert.Equal("2026-06-01", Deadline(incident, "ppc_final", 30).GetProperty("due").GetString());
        // The host's clock stands in late November 2026: long overdue.
        Assert.True(Deadline(incident, "ppc_final", 30).GetProperty("daysLeft").GetInt32() < 0);

        var id = incident.GetProperty("id").GetGuid();
        var again = await JsonAsync(await client.GetAsync($"/api/v1/incidents/{id}", Ct));
        Assert.Equal("2026-06-01", Deadline(again, "ppc_final", 30).GetProperty("due").GetString());

        var entry = (await host.AuditEntriesAsync()).Last(e => e.Target == $"incident:{id:D}");
        Assert.Equal((AuditActions.IncidentRecorded, "contact.name,health.medical_history", "incident.sensitive_data"), (entry.Action, entry.Categories, entry.Reasons));
    }

    [Fact]
    public async Task Without_a_discovery_time_the_day_of_awareness_is_today_on_the_clock()
    {
        var client = await ClientAsync();
        var body = GoldenWeekIncident(Tag());
        body.Remove("discoveredAt");
        body.Remove("occurredAt");
        body["malicious"] = true;
        var incident = await RecordAsync(client, body);
        // The host's clock: Friday 27 November 2026 (JST). Day 60 = 27 Nov + 59 days = Mon 25 Jan 2027.
        Assert.Equal("2026-11-27", incident.GetProperty("awarenessDate").GetString());
        var final = Deadline(incident, "ppc_final", 60);
        Assert.Equal("2027-01-25", final.GetProperty("due").GetString());
        Assert.Equal(59, final.GetProperty("daysLeft").GetInt32());
        // Day 3 = Sun 29 Nov → Mon 30 Nov: three days left.
        Assert.Equal(3, Deadline(incident, "ppc_preliminary", 3).GetProperty("daysLeft").GetInt32());
    }

    [Fact]
    public async Task Strong_encryption_with_the_key_safe_is_not_reportable()
    {
        var body = GoldenWeekIncident(Tag());
        body["stronglyEncrypted"] = true;
        var incident = await RecordAsync(await ClientAsync(), body);
        Assert.False(incident.GetProperty("reportable").GetBoolean());
        Assert.Equal(["incident.sensitive_data", "incident.strongly_encrypted"], incident.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(incident.GetProperty("deadlines").EnumerateArray());
    }

    [Theory]
    [InlineData("items", null, "incident.items_missing")]
    [InlineData("items", "nonsense.category", "category.unknown")]
    [InlineData("discoveredAt", "2027-01-01T00:00:00+09:00", "incident.discovered_in_future")]
    [InlineData("occurredAt", "2026-05-02T00:00:00+09:00", "incident.occurred_after_discovery")]
    [InlineData("personIds", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "incident.person_unknown")]
    [InlineData("cause", null, "request.field_missing")]
    public async Task Invalid_facts_are_refused_with_their_code(string field, string? value, string code)
    {
        var body = GoldenWeekIncident(Tag());
        body[field] = field switch
        {
            "items" => value is null ? Array.Empty<string>() : new[] { value },
            "personIds" => new[] { value },
            _ => value,
        };
        var response = await (await ClientAsync()).PostAsJsonAsync("/api/v1/incidents", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_incident_is_a_404_problem()
    {
        var response = await (await ClientAsync()).GetAsync($"/api/v1/incidents/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("incident.not_found", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_report_has_its_nine_fields_and_a_publication_text()
    {
        var client = await ClientAsync();
        var tag = Tag();
        var id = (await RecordAsync(client, GoldenWeekIncident(tag))).GetProperty("id").GetGuid();

        var report = await JsonAsync(await client.GetAsync($"/api/v1/incidents/{id}/report?format=json", Ct));
        var fields = report.GetProperty("fields");
        Assert.Equal(["overview", "items", "personsAffected", "cause", "secondaryDamage", "measuresForPersons", "publication", "preventionMeasures", "other"],
            fields.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-05-01", fields.GetProperty("overview").GetProperty("discoveredOn").GetString());
        Assert.Equal(1, fields.GetProperty("overview").GetProperty("cases")[0].GetProperty("number").GetInt32());
        Assert.Equal(3, fields.GetProperty("personsAffected").GetInt32());
        Assert.Equal("調査中", fields.GetProperty("secondaryDamage").GetString());
        var publication = report.GetProperty("publicationText").GetString()!;
        Assert.Contains("株式会社カカコム・インシュアランス", publication, StringComparison.Ordinal);
        Assert.Contains("宛先の選択誤りと送信前確認の不足" + tag, publication, StringComparison.Ordinal);
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.IncidentReportDrafted && e.Target == $"incident:{id:D}");

        var bad = await client.GetAsync($"/api/v1/incidents/{id}/report?format=docx", Ct);
        Assert.Equal("report.format_unknown", (await JsonAsync(bad)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_PDF_reads_back_in_Japanese()
    {
        var client = await ClientAsync();
        var tag = Tag();
        var id = (await RecordAsync(client, GoldenWeekIncident(tag))).GetProperty("id").GetGuid();

        var response = await client.GetAsync($"/api/v1/incidents/{id}/report?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(Ct));

        Assert.Contains("個人データの漏えい等に関する報告（案）", text, StringComparison.Ordinal);
        Assert.Contains("個人情報保護委員会 御中", text, StringComparison.Ordinal);
        foreach (var heading in Mamori.Incidents.IncidentReport.Headings)
            Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains("宛先の選択誤りと送信前確認の不足" + tag, text, StringComparison.Ordinal);
        Assert.Contains("2026年5月7日（木）", text, StringComparison.Ordinal);
        Assert.Contains("2026年6月1日（月）", text, StringComparison.Ordinal);
        Assert.Contains("病歴・健康状態", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notices_for_persons_in_the_vault_carry_placeholders_without_a_notice_purpose()
    {
        var client = await ClientAsync();
        var person = await CreatePersonAsync(client, "山田 花子" + Tag());
        var body = GoldenWeekIncident(Tag());
        body["personIds"] = new[] { person };
        var incident = await RecordAsync(client, body);
        Assert.Equal([person], incident.GetProperty("personIds").EnumerateArray().Select(p => p.GetGuid()));

        var notices = await JsonAsync(await client.GetAsync($"/api/v1/incidents/{incident.GetProperty("id").GetGuid()}/notices", Ct));
        Assert.False(notices.GetProperty("addressed").GetBoolean());
        Assert.Equal(["incident.no_notice_purpose"], notices.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var notice = Assert.Single(notices.GetProperty("notices").EnumerateArray());
        Assert.Equal(person, notice.GetProperty("personId").GetGuid());
        var text = notice.GetProperty("text").GetString()!;
        Assert.StartsWith("［ご住所］", text, StringComparison.Ordinal);
        Assert.Contains("［お名前］ 様", text, StringComparison.Ordinal);
        Assert.Contains("病歴・健康状態", text, StringComparison.Ordinal);
    }

    internal static async Task<Guid> CreatePersonAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/v1/persons", new
        {
            kind = "customer",
            channel = "direct",
            items = new Dictionary<string, string> { ["contact.name"] = name, ["contact.address"] = "東京都港区新橋1-1-1", ["contact.email"] = $"{Guid.NewGuid():N}@example.jp" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Roles.Operator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Auditor, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Marketing, HttpStatusCode.Forbidden)]
    [InlineData(Roles.System, HttpStatusCode.Forbidden)]
    public async Task Only_a_role_that_manages_incidents_may_use_them(string? role, HttpStatusCode expected)
    {
        var id = (await RecordAsync(await ClientAsync(), GoldenWeekIncident(Tag()))).GetProperty("id").GetGuid();
        var client = role is null ? host.CreateClient() : await ClientAsync(role);
        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/v1/incidents", GoldenWeekIncident(Tag()), Ct)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/incidents/{id}", Ct)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/incidents/{id}/report?format=pdf", Ct)).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/incidents/{id}/notices", Ct)).StatusCode);
    }
}

public sealed class IncidentsApiOnSqlite(SqliteHost host) : IncidentsApiTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class IncidentsApiOnPostgres(PostgresHost host) : IncidentsApiTests<PostgresHost>(host), IClassFixture<PostgresHost>;

/// <summary>A host whose agency reports to the FSA too and reads notices' addressees under a purpose (settings).</summary>
public abstract class FinancialSectorHost(string provider) : MamoriHost(provider)
{
    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Configuration["Mamori:Incidents:FinancialSector"] = "true";
        builder.Configuration["Mamori:Incidents:NoticePurpose"] = "agency.solicitation";
    }
}

public sealed class FinancialSectorSqliteHost() : FinancialSectorHost("sqlite");

public sealed class FinancialSectorPostgresHost() : FinancialSectorHost("postgres");

public abstract class IncidentSettingsTests<THost>(THost host) where THost : MamoriHost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_financial_sector_setting_adds_the_FSA_report_and_a_notice_purpose_addresses_the_notices()
    {
        var client = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var name = "佐藤 一郎" + Guid.NewGuid().ToString("N")[..6];
        var person = await IncidentsApiTests<THost>.CreatePersonAsync(client, name);
        var body = IncidentsApiTests<THost>.GoldenWeekIncident("fsa");
        body["personIds"] = new[] { person };
        var response = await client.PostAsJsonAsync("/api/v1/incidents", body, Ct);
        using var incident = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(incident.RootElement.GetProperty("financialSector").GetBoolean());
        var fsa = incident.RootElement.GetProperty("deadlines").EnumerateArray().Where(d => d.GetProperty("report").GetString() == "fsa_preliminary").ToList();
        Assert.Equal([("2026-05-07", 3), ("2026-05-07", 5)], fsa.Select(d => (d.GetProperty("due").GetString(), d.GetProperty("day").GetInt32())));

        var id = incident.RootElement.GetProperty("id").GetGuid();
        using var notices = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/incidents/{id}/notices", Ct));
        Assert.True(notices.RootElement.GetProperty("addressed").GetBoolean());
        var text = notices.RootElement.GetProperty("notices")[0].GetProperty("text").GetString()!;
        Assert.StartsWith("東京都港区新橋1-1-1", text, StringComparison.Ordinal);
        Assert.Contains(name + " 様", text, StringComparison.Ordinal);
        // The read went through the vault, under the purpose, and is in the trail.
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.PersonRead && e.PersonId == person && e.Purpose == "agency.solicitation");
    }
}

public sealed class IncidentSettingsOnSqlite(FinancialSectorSqliteHost host) : IncidentSettingsTests<FinancialSectorSqliteHost>(host), IClassFixture<FinancialSectorSqliteHost>;

public sealed class IncidentSettingsOnPostgres(FinancialSectorPostgresHost host) : IncidentSettingsTests<FinancialSectorPostgresHost>(host), IClassFixture<FinancialSectorPostgresHost>;

/// <summary>The text of a PDF as <c>pdftotext</c> (poppler-utils, installed by scripts/test.sh) reads it.</summary>
internal static class PdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mamori-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftotext failed: " + await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
