using Mamori.Audit;
using Mamori.Data;
using Mamori.Policy;
using Mamori.Retention;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Vault;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Ledger;

/// <summary>One row of the ledger (個人情報管理台帳): one kind of personal information, i.e. one data category.</summary>
public sealed record LedgerRow(
    string Category,
    string Item,
    IReadOnlyList<string> SubjectKinds,
    IReadOnlyList<string> Purposes,
    string Storage,
    string Protection,
    IReadOnlyList<string> Access,
    string UseBy,
    string KeepUntil,
    string Sensitivity,
    IReadOnlyList<string> Acquisition,
    string Notification,
    string Consent,
    bool ThirdParty,
    bool JointUse,
    bool Outsourcing,
    long Records,
    long? Persons);

public sealed record LedgerSheet(string Lang, string PolicyVersion, DateTimeOffset GeneratedAt, IReadOnlyList<LedgerRow> Rows,
    LedgerReview? LastReview, DateOnly NextReviewDue);

/// <summary>
/// The ledger of personal information (JIS Q 15001, APPI.md §10), generated rather than kept by hand: each row comes
/// from the policy (items, purposes, sensitivity, provision, joint use, outsourcing, retention) and the roles table
/// (who may access), with live counts from the database. Its yearly review is signed off and recorded here.
/// </summary>
public sealed class PersonalInformationLedger(MamoriDb db, CurrentPolicy policy, AuditTrail audit, TimeProvider clock)
{
    public async Task<LedgerSheet> BuildAsync(string lang, CancellationToken ct = default)
    {
        var doc = policy.Document;
        var itemCounts = await db.Set<PersonItem>().GroupBy(i => i.Category)
            .Select(g => new { Category = g.Key, Items = g.LongCount(), Persons = g.Select(i => i.PersonId).Distinct().LongCount() })
            .ToDictionaryAsync(c => c.Category, ct);
        var channels = (await db.Set<PersonItem>().Select(i => new { i.Category, i.Provenance.Channel }).Distinct().ToListAsync(ct))
            .ToLookup(c => c.Category, c => c.Channel);
        var signals = await SignalCountsAsync(ct);
        var access = Roles.All.Where(r => Roles.Allows(r, Permission.ReadPersonalData)).ToList();
        var storage = Say(lang, "Mamori データベース（", "Mamori database (") + (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? "PostgreSQL" : "SQLite") + Say(lang, "）", ")");
        var rules = doc.Retention?.Rules ?? [];

        var rows = new List<LedgerRow>();
        foreach (var category in doc.DataCategories)
        {
            var purposes = doc.Purposes.Where(p => p.Categories.Contains(category.Id)).ToList();
            var kinds = purposes.SelectMany(p => p.SubjectKinds).Distinct().ToList();
            var rule = Rule(rules, category, kinds);
            itemCounts.TryGetValue(category.Id, out var counts);
            var acquired = category.Informative ? ["automatic"] : channels[category.Id].Order(StringComparer.Ordinal).ToList();
            rows.Add(new LedgerRow(
                category.Id,
                category.Label.In(lang),
                [.. kinds.Select(k => doc.SubjectKinds.FirstOrDefault(s => s.Id == k)?.Label.In(lang) ?? k)],
                [.. purposes.Select(p => $"{p.Ref} {p.Label.In(lang)}")],
                storage,
                category.Informative
                    ? Say(lang, "暗号化せず保存（単体では個人を識別しない）。IPアドレスは設定により短縮、位置情報・広告識別子は同意がある場合のみ保存。本人と照合した後は個人情報として扱う。",
                        "Stored unencrypted (identifies no one by itself); IP addresses truncated when configured; location and ad IDs kept only with consent. Personal data once linked to a person.")
                    : Say(lang, "本人ごとの鍵で暗号化（AES-256-GCM）。消去時は鍵を破棄（復元不能）。アクセスは利用目的ごとに判定し監査証跡に記録。",
                        "Encrypted with a key per person (AES-256-GCM); erasure destroys the key. Every access is decided per purpose and audited."),
                category.Informative ? [.. access.Where(r => Roles.Allows(r, Permission.IngestSignals) || Roles.Allows(r, Permission.ReadPersonalData))] : access,
                rule is null ? "—" : Period(rule.UseFor, lang),
                rule is null ? Say(lang, "利用目的の達成まで", "Until the purpose is fulfilled") : Period(rule.KeepFor, lang) + " (" + rule.Id + ")",
                category.Sensitivity switch
                {
                    Sensitivity.SpecialCare => Say(lang, "要配慮個人情報", "Special care"),
                    Sensitivity.Kibi => Say(lang, "機微情報", "Sensitive (kibi)"),
                    _ => Say(lang, "なし", "None"),
                },
                [.. acquired.Select(c => doc.AcquisitionChannels.FirstOrDefault(a => a.Id == c)?.Label.In(lang) ?? c)],
                Say(lang, $"プライバシーポリシー（{doc.Version}版）で公表・通知", $"Published and notified in the privacy policy (version {doc.Version})"),
                category.Sensitive ? Say(lang, "書面による同意又は第8項の根拠", "Written consent or a §8 ground")
                    : category.Informative ? Say(lang, "クッキー・端末識別子の同意（分析・ターゲティング等）", "Cookie and device-identifier consent (analytics, targeting)")
                    : purposes.Any(p => p.IsProvision) ? Say(lang, "第三者提供には本人の同意", "Consent for provision to third parties")
                    : Say(lang, "不要（通知・公表）", "Not needed (notice)"),
                purposes.Any(p => p.IsProvision) || doc.ThirdParty.CoSolicitation.Items.Contains(category.Id),
                doc.JointUse.Items.Contains(category.Id),
                doc.Outsourcing.Contractors.Count > 0 && purposes.Count > 0,
                category.Informative ? signals.GetValueOrDefault(category.Id) : counts?.Items ?? 0,
                category.Informative ? null : counts?.Persons ?? 0));
        }
        var last = await LastReviewAsync(ct);
        return new LedgerSheet(lang, doc.Version, clock.GetUtcNow(), rows, last, NextReviewDue(last));
    }

    /// <summary>The export is a hand-over of the ledger: audited with its format.</summary>
    public async Task<LedgerSheet> ExportAsync(string lang, string format, string actor, CancellationToken ct = default)
    {
        var sheet = await BuildAsync(lang, ct);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.LedgerExported, AuditOutcomes.Success, Reasons: [format]), ct);
        return sheet;
    }

    public async Task<LedgerReview> ReviewAsync(string? comment, string actor, CancellationToken ct = default)
    {
        var text = comment?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > LedgerReview.MaxComment)
            throw new MamoriException("ledger.review_comment_required", $"Say what the review found (1–{LedgerReview.MaxComment} characters).");
        var review = new LedgerReview { ReviewedAt = clock.GetUtcNow(), ReviewedBy = actor, PolicyVersion = policy.Version, Comment = text };
        db.Set<LedgerReview>().Add(review);
        await audit.AppendAsync(new AuditEvent(actor, AuditActions.LedgerReviewed, AuditOutcomes.Success, Target: "ledger_review:" + review.Id.ToString("D")), ct);
        return review;
    }

    public Task<List<LedgerReview>> ReviewsAsync(CancellationToken ct = default) =>
        db.Set<LedgerReview>().AsNoTracking().OrderByDescending(r => r.ReviewedAt).Take(50).ToListAsync(ct);

    public Task<LedgerReview?> LastReviewAsync(CancellationToken ct = default) =>
        db.Set<LedgerReview>().AsNoTracking().OrderByDescending(r => r.ReviewedAt).FirstOrDefaultAsync(ct);

    /// <summary>A year (the policy's interval) after the last review; today when there has been none.</summary>
    public DateOnly NextReviewDue(LedgerReview? last)
    {
        var months = policy.Document.Programme?.LedgerReviewMonths ?? 12;
        var from = last?.ReviewedAt.AddMonths(months) ?? clock.GetUtcNow();
        return DateOnly.FromDateTime(from.ToOffset(TimeSpan.FromHours(9)).DateTime);
    }

    /// <summary>Device signals holding each informative category (one pass over the table).</summary>
    private async Task<Dictionary<string, long>> SignalCountsAsync(CancellationToken ct)
    {
        var c = await db.Set<Signal>().GroupBy(_ => 1).Select(g => new
        {
            Device = g.LongCount(s => s.DeviceId != null),
            Agent = g.LongCount(s => s.UserAgent != null),
            Os = g.LongCount(s => s.Os != null || s.Connection != null),
            Referrer = g.LongCount(s => s.Referrer != null),
            Ip = g.LongCount(s => s.Ip != null),
            Location = g.LongCount(s => s.Latitude != null),
            Url = g.LongCount(s => s.Url != null),
            Counts = g.LongCount(s => s.Count > 1),
            Log = g.LongCount(s => s.LogLine != null),
            Ad = g.LongCount(s => s.AdId != null),
        }).FirstOrDefaultAsync(ct);
        return c is null ? [] : new()
        {
            ["device.id"] = c.Device, ["device.user_agent"] = c.Agent, ["device.os_connection"] = c.Os, ["web.referrer"] = c.Referrer,
            ["net.ip_address"] = c.Ip, ["device.location"] = c.Location, ["web.browsing_history"] = c.Url, ["web.usage_counts"] = c.Counts,
            ["server.log"] = c.Log, ["device.ad_id"] = c.Ad,
        };
    }

    /// <summary>The retention rule that governs the category: an items rule naming it, else the signals rule for
    /// unlinked devices (informative data), else the first person rule for one of its subject kinds.</summary>
    private static RetentionRule? Rule(IReadOnlyList<RetentionRule> rules, DataCategory category, List<string> kinds) =>
        rules.FirstOrDefault(r => r.Scope == "items" && (r.Categories ?? []).Contains(category.Id))
        ?? (category.Informative ? rules.FirstOrDefault(r => r.Scope == "signals" && r.Linked == false) : null)
        ?? rules.FirstOrDefault(r => r.Scope == "person" && (r.SubjectKinds ?? []).Any(kinds.Contains)
            && (r.Categories is not { Count: > 0 } || r.Categories.Contains(category.Id)))
        ?? rules.FirstOrDefault(r => r.Scope == "person" && (r.SubjectKinds ?? []).Any(kinds.Contains));

    private static string Period(string iso, string lang) => RetentionPeriod.TryParse(iso, out var p) ? p.Describe(lang) : iso;

    private static string Say(string lang, string ja, string en) => lang == "en" ? en : ja;
}
