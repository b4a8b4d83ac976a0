using System.Net;
using System.Net.Http.Json;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Provision;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Provision.ProvisionTestKit;

namespace Mamori.Tests.Provision;

/// <summary>Receiving (Arts. 30, 31), the records a person is shown, and the retention purge. The purge test moves the
/// clock years ahead, so these tests have a host of their own.</summary>
public abstract class ProvisionRecordsTests<THost>(THost host) where THost : MamoriHost
{
    private static object Receipt(Guid personId, string? providerAddress = "東京都千代田区丸の内1-1-1", string? acquisition = "本人から直接、提供への同意を得て取得",
        string basis = "consent") => new
    {
        personId,
        providerName = "株式会社サンプル保険サービス",
        providerAddress,
        providerRepresentative = "代表取締役 山本 一郎",
        acquisition,
        items = new[] { "contact.name", "contact.phone" },
        basis,
    };

    [Fact]
    public async Task Receiving_confirms_the_provider_and_writes_the_Art30_record()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));

        await DeniedAsync(await client.PostAsJsonAsync("/api/v1/provision-records/receipts", Receipt(id, providerAddress: null), Ct),
            "receipt.provider_unconfirmed", HttpStatusCode.BadRequest);
        await DeniedAsync(await client.PostAsJsonAsync("/api/v1/provision-records/receipts", Receipt(id, acquisition: " "), Ct),
            "receipt.acquisition_unconfirmed", HttpStatusCode.BadRequest);
        await DeniedAsync(await client.PostAsJsonAsync("/api/v1/provision-records/receipts", Receipt(id, basis: "bought"), Ct),
            "receipt.basis_invalid", HttpStatusCode.BadRequest);
        Assert.Empty(await RecordsAsync(client, id));

        var created = await client.PostAsJsonAsync("/api/v1/provision-records/receipts", Receipt(id), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var optOut = await OkAsync(await client.PostAsJsonAsync("/api/v1/provision-records/receipts", Receipt(id, basis: "opt_out"), Ct));

        var records = await RecordsAsync(client, id);
        Assert.Equal(2, records.Length);
        var withConsent = records.Single(r => r.GetProperty("basis").GetString() == "consent");
        Assert.Equal("art30", withConsent.GetProperty("kind").GetString());
        var party = withConsent.GetProperty("party");
        Assert.Equal("株式会社サンプル保険サービス", party.GetProperty("name").GetString());
        Assert.Equal("東京都千代田区丸の内1-1-1", party.GetProperty("address").GetString());
        Assert.Equal("代表取締役 山本 一郎", party.GetProperty("representative").GetString());
        Assert.Equal("本人から直接、提供への同意を得て取得", party.GetProperty("acquisition").GetString());
        Assert.True(withConsent.GetProperty("consentObtained").GetBoolean());
        Assert.Equal(["contact.name", "contact.phone"], withConsent.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(withConsent.GetProperty("firstAt").GetDateTimeOffset().AddYears(3), withConsent.GetProperty("keepUntil").GetDateTimeOffset());

        // Received under the provider's opt-out: the date of receipt instead of the consent flag.
        Assert.False(optOut.GetProperty("consentObtained").GetBoolean());
        Assert.Equal(DateOnly.FromDateTime(host.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime).ToString("yyyy-MM-dd"),
            optOut.GetProperty("optOutDate").GetString());

        var entries = (await host.AuditEntriesAsync()).Where(e => e.PersonId == id && e.Action == AuditActions.ProvisionReceiptRecorded).ToList();
        Assert.Equal(2, entries.Count);
        Assert.DoesNotContain(entries, e => (e.Target ?? "").Contains("サンプル", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Linking_received_informative_data_needs_the_persons_Art31_consent_which_is_recorded()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));
        var linking = new
        {
            personId = id, providerName = "株式会社データパートナー", providerAddress = "東京都渋谷区1-2-3", providerRepresentative = "代表取締役 田中 次郎",
            items = new[] { "web.browsing_history", "device.id" },
        };

        await DeniedAsync(await client.PostAsJsonAsync("/api/v1/provision-records/linking", linking, Ct), "receipt.art31_consent_missing");
        Assert.Empty(await RecordsAsync(client, id));
        Assert.Contains(await host.AuditEntriesAsync(), e => e.PersonId == id && e.Action == AuditActions.ProvisionLinkingRecorded
            && e.Outcome == AuditOutcomes.Denied && e.Reasons == "receipt.art31_consent_missing");

        var consent = await client.PostAsJsonAsync("/api/v1/consents",
            new { personId = id.ToString("D"), choices = new Dictionary<string, bool> { ["art31_link"] = true }, method = "api" }, Ct);
        Assert.True(consent.IsSuccessStatusCode, await consent.Content.ReadAsStringAsync(Ct));

        var record = await OkAsync(await client.PostAsJsonAsync("/api/v1/provision-records/linking", linking, Ct));
        Assert.Equal("art31", record.GetProperty("kind").GetString());
        Assert.True(record.GetProperty("consentObtained").GetBoolean());
        Assert.Equal("ledger", record.GetProperty("consentSource").GetString());
        Assert.StartsWith("consent_receipt:", record.GetProperty("consentReference").GetString(), StringComparison.Ordinal);
        Assert.Equal("株式会社データパートナー", record.GetProperty("party").GetProperty("name").GetString());
        Assert.Equal(["device.id", "web.browsing_history"], record.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Single(await RecordsAsync(client, id));
    }

    [Fact]
    public async Task Records_past_their_retention_are_purged_and_the_purge_is_recorded()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));
        var standard = (await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", ["contact.name"])))
            .GetProperty("recordId").GetGuid();
        var byContract = (await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.quote_application", "consent", ["contact.name"],
            contractReference: "contract-1"))).GetProperty("recordId").GetGuid();
        var batch = (await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.claims_and_changes", "consent", ["contact.name"], batch: true)))
            .GetProperty("recordId").GetGuid();

        // A year and a day on: only the record a contract stands in for has expired. The batch flow continues.
        host.Clock.Advance(TimeSpan.FromDays(366));
        await OkAsync(await ProvideAsync(client, id, "partner_insurers", "agency.claims_and_changes", "consent", ["contact.name"], batch: true));
        var first = await OkAsync(await client.PostAsync("/api/v1/provision-records/purge", null, Ct));
        Assert.True(first.GetProperty("count").GetInt32() >= 1);
        Assert.Equal(new[] { standard, batch }.Order(), (await RecordsAsync(client, id)).Select(r => r.GetProperty("id").GetGuid()).Order());

        // Three years after the first provision: the standard record goes; the batch record runs from its last provision.
        host.Clock.Advance(TimeSpan.FromDays(365 * 2));
        await OkAsync(await client.PostAsync("/api/v1/provision-records/purge", null, Ct));
        Assert.Equal([batch], (await RecordsAsync(client, id)).Select(r => r.GetProperty("id").GetGuid()));
        host.Clock.Advance(TimeSpan.FromDays(366));
        await OkAsync(await client.PostAsync("/api/v1/provision-records/purge", null, Ct));
        Assert.Empty(await RecordsAsync(client, id));

        // Each purge left a row naming the records it deleted, and an audit entry.
        var purges = await host.WithServiceAsync(sp => sp.GetRequiredService<MamoriDb>().Set<ProvisionPurge>().AsNoTracking().ToListAsync(Ct));
        Assert.Contains(purges, p => p.RecordIds.Contains(byContract.ToString("D"), StringComparison.Ordinal));
        Assert.Contains(purges, p => p.RecordIds.Contains(standard.ToString("D"), StringComparison.Ordinal));
        Assert.Contains(purges, p => p.RecordIds.Contains(batch.ToString("D"), StringComparison.Ordinal));
        var audited = (await host.AuditEntriesAsync()).Where(e => e.Action == AuditActions.ProvisionRecordsPurged).Select(e => e.Target).ToList();
        Assert.All(purges, p => Assert.Contains("provision_purge:" + p.Id.ToString("D"), audited));
        Assert.True((await host.VerifyAuditAsync()).Intact);
    }

    [Fact]
    public async Task Records_are_read_with_the_read_permission_and_the_read_is_audited()
    {
        var client = await ClientAsync(host);
        var id = await CreatePersonAsync(client, Customer(Tag()));
        var auditor = await ClientAsync(host, Mamori.Staff.Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/api/v1/provision-records?personId={id}", Ct)).StatusCode);
        await DeniedAsync(await client.GetAsync("/api/v1/provision-records", Ct), "provision.person_id_missing", HttpStatusCode.BadRequest);
        Assert.Empty(await RecordsAsync(client, id));
        Assert.Contains(await host.AuditEntriesAsync(), e => e.PersonId == id && e.Action == AuditActions.ProvisionRecordsRead);
    }
}

public sealed class ProvisionRecordsOnSqlite(SqliteHost host) : ProvisionRecordsTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class ProvisionRecordsOnPostgres(PostgresHost host) : ProvisionRecordsTests<PostgresHost>(host), IClassFixture<PostgresHost>;
