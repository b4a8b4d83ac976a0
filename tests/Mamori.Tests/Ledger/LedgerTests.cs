using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Mamori.Audit;
using Mamori.Data;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Tests.Infrastructure;
using Mamori.Tests.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Retention.RetentionTestKit;
using VaultItem = Mamori.Vault.PersonItem;

namespace Mamori.Tests.Ledger;

/// <summary>The ledger matches the database, its Excel export opens and its CSV parses; its review is signed off by the
/// privacy officer and moves the next review a year on; the auditor reads it but does not sign.</summary>
public abstract class LedgerTests<THost>(THost host) where THost : MamoriHost
{
    [Fact]
    public async Task The_ledger_counts_match_the_database_and_both_exports_read_back()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        await PersonAsync(officer, "customer", ("contact.name", "台帳 一郎"), ("contact.email", "ichiro@example.jp"), ("insurance.policy", "POL-9"));
        await PersonAsync(officer, "customer", ("contact.name", "台帳 二郎"), ("contact.phone", "090-0000-0000"));
        await SignalClient.IngestAsync(await SignalClient.SiteAsync(host), SignalClient.PageView(host, SignalClient.NewDeviceId(), extra: new { ip = "198.51.100.9" }));

        var (items, signals) = await host.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<MamoriDb>();
            var byCategory = await db.Set<VaultItem>().GroupBy(i => i.Category).Select(g => new { g.Key, Count = g.LongCount(), Persons = g.Select(i => i.PersonId).Distinct().LongCount() })
                .ToDictionaryAsync(g => g.Key, g => (g.Count, g.Persons), Ct);
            var withIp = await db.Set<Signal>().LongCountAsync(s => s.Ip != null, Ct);
            return (byCategory, withIp);
        });

        var ledger = await JsonAsync(await officer.GetAsync("/api/v1/ledger", Ct));
        var rows = ledger.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("category").GetString()!);
        Assert.Equal(49, rows.Count);
        foreach (var (category, row) in rows.Where(r => !r.Value.GetProperty("persons").ValueKind.Equals(JsonValueKind.Null)))
        {
            var expected = items.GetValueOrDefault(category);
            Assert.Equal((expected.Count, expected.Persons), (row.GetProperty("records").GetInt64(), row.GetProperty("persons").GetInt64()));
        }
        Assert.True(rows["contact.name"].GetProperty("records").GetInt64() >= 2);
        Assert.Equal(signals, rows["net.ip_address"].GetProperty("records").GetInt64());
        var health = rows["health.medical_history"];
        Assert.Equal("要配慮個人情報", health.GetProperty("sensitivity").GetString());
        Assert.Contains("10年", rows["insurance.policy"].GetProperty("keepUntil").GetString(), StringComparison.Ordinal);
        Assert.Contains("1年", rows["call.recording"].GetProperty("keepUntil").GetString(), StringComparison.Ordinal);
        Assert.Contains("privacy_officer", rows["contact.name"].GetProperty("access").EnumerateArray().Select(a => a.GetString()));

        var exportsBefore = (await host.AuditEntriesAsync()).Count(e => e.Action == AuditActions.LedgerExported);

        // Excel: the workbook opens and its cells are the ledger's.
        var xlsx = await officer.GetAsync("/api/v1/ledger/export?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct))))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal("項目", sheet.Cell(1, 2).GetString());
            var nameRow = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "contact.name");
            Assert.Equal(rows["contact.name"].GetProperty("records").GetInt64(), nameRow.Cell(17).GetValue<long>());
            Assert.Equal("氏名", nameRow.Cell(2).GetString());
        }

        // CSV: a UTF-8 BOM, then RFC 4180 records of equal width, one per category after the heading.
        var csv = await (await officer.GetAsync("/api/v1/ledger/export?format=csv&lang=en", Ct)).Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var records = ParseCsv(Encoding.UTF8.GetString(csv[3..]));
        Assert.Equal(50, records.Count);
        Assert.All(records, r => Assert.Equal(18, r.Count));
        Assert.Equal("Item", records[0][1]);
        var nameRecord = records.Single(r => r[0] == "contact.name");
        Assert.Equal(rows["contact.name"].GetProperty("records").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), nameRecord[16]);
        Assert.Contains(records, r => r[3].Contains('\n', StringComparison.Ordinal)); // multi-line cells survive quoting
        Assert.Equal(exportsBefore + 2, (await host.AuditEntriesAsync()).Count(e => e.Action == AuditActions.LedgerExported));
    }

    [Fact]
    public async Task The_review_is_signed_off_by_the_privacy_officer_and_the_next_falls_due_a_year_on()
    {
        var officer = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.PrivacyOfficer));
        var auditor = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.Auditor));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/ledger", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/ledger/export?format=csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/ledger/reviews", new { comment = "確認" }, Ct)).StatusCode);
        var operatorKey = host.CreateApiClient(await host.CreateApiKeyAsync(Roles.Operator));
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.GetAsync("/api/v1/ledger", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorKey.GetAsync("/api/v1/ledger/reviews", Ct)).StatusCode);
        Assert.Equal("ledger.format_unknown", (await JsonAsync(await officer.GetAsync("/api/v1/ledger/export?format=pdf", Ct), HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("ledger.review_comment_required",
            (await JsonAsync(await officer.PostAsJsonAsync("/api/v1/ledger/reviews", new { comment = "" }, Ct), HttpStatusCode.BadRequest)).GetProperty("code").GetString());

        var review = await JsonAsync(await officer.PostAsJsonAsync("/api/v1/ledger/reviews", new { comment = "全項目を確認、変更なし" }, Ct), HttpStatusCode.Created);
        var reviewedAt = review.GetProperty("reviewedAt").GetDateTimeOffset();
        var ledger = await JsonAsync(await officer.GetAsync("/api/v1/ledger", Ct));
        Assert.Equal(DateOnly.FromDateTime(reviewedAt.AddYears(1).ToOffset(TimeSpan.FromHours(9)).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ledger.GetProperty("nextReviewDue").GetString());
        Assert.Equal(review.GetProperty("id").GetGuid(), ledger.GetProperty("lastReview").GetProperty("id").GetGuid());
        Assert.Contains(await host.AuditEntriesAsync(), e => e.Action == AuditActions.LedgerReviewed && e.Target == "ledger_review:" + review.GetProperty("id").GetGuid().ToString("D"));
    }

    /// <summary>An RFC 4180 reader, written here so the test does not trust the writer's own idea of the format.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; i++;
            }
            else field.Append(c);
        }
        Assert.False(quoted);
        Assert.Equal(0, field.Length + record.Count);
        return records;
    }
}

public sealed class LedgerOnSqlite(SqliteHost host) : LedgerTests<SqliteHost>(host), IClassFixture<SqliteHost>;

public sealed class LedgerOnPostgres(PostgresHost host) : LedgerTests<PostgresHost>(host), IClassFixture<PostgresHost>;
