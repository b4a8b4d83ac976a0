using System.Globalization;
using System.Text;
using Mamori.Compliance;
using Mamori.Policy;

namespace Mamori.Incidents;

/// <summary>
/// The draft of the report to the PPC (漏えい等報告, 規則8) with its nine fields, as JSON and as the text of the printable
/// PDF, and the publication text. Japanese: it goes to a Japanese regulator and Japanese persons.
/// </summary>
public sealed record IncidentReport(
    [property: Pseudonymous] Guid IncidentId,
    DateOnly DraftedOn,
    bool Reportable,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ReportDeadline> Deadlines,
    ReportController Controller,
    ReportFields Fields,
    string PublicationText)
{
    /// <summary>The reason code of a notice drafted without a purpose to read name and address under.</summary>
    public const string NoNoticePurpose = "incident.no_notice_purpose";

    public const string Investigating = "調査中";
    public const string NamePlaceholder = "［お名前］";
    public const string AddressPlaceholder = "［ご住所］";

    /// <summary>The nine fields' headings as the PPC's form names them (規則8(1) ①–⑨).</summary>
    public static readonly IReadOnlyList<string> Headings =
    [
        "(1) 概要",
        "(2) 漏えい等が発生し、又は発生したおそれがある個人データの項目",
        "(3) 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
        "(4) 原因",
        "(5) 二次被害又はそのおそれの有無及びその内容",
        "(6) 本人への対応の実施状況",
        "(7) 公表の実施状況",
        "(8) 再発防止のための措置",
        "(9) その他参考となる事項",
    ];

    public static string CaseLabel(int number) => number switch
    {
        1 => "要配慮個人情報が含まれる個人データの漏えい等（規則第7条第1号）",
        2 => "不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等（規則第7条第2号）",
        3 => "不正の目的をもって行われたおそれがある個人データの漏えい等（規則第7条第3号）",
        4 => "個人データに係る本人の数が1,000人を超える漏えい等（規則第7条第4号）",
        _ => throw new ArgumentOutOfRangeException(nameof(number)),
    };

    public static string ReportLabel(string report) => report switch
    {
        Reports.PpcPreliminary => "個人情報保護委員会への速報",
        Reports.PpcFinal => "個人情報保護委員会への確報",
        Reports.FsaPreliminary => "金融庁（監督当局）への報告",
        _ => report,
    };

    public static IncidentReport Draft(IncidentView view, PolicyDocument policy, DateOnly today)
    {
        var i = view.Incident;
        var cases = view.Reportability.Cases.Select(c => new ReportCase(c.Number, c.Code, CaseLabel(c.Number), c.Categories)).ToList();
        var items = i.Categories.Select(c => policy.DataCategories.FirstOrDefault(d => d.Id == c))
            .Where(d => d is not null)
            .Select(d => new ReportItem(d!.Id, d.Label.Ja, d.Sensitivity == Sensitivity.SpecialCare)).ToList();
        var overview = new ReportOverview(i.OccurredAt, i.AwarenessDate, i.DiscoveredAt, i.DiscoveredBy, i.Summary, i.Suspected,
            cases, i.ContractorInvolved, i.ContractorName, i.StronglyEncrypted, i.KeyLeaked);
        var fields = new ReportFields(overview, items, i.PersonsAffected, i.Cause,
            i.SecondaryDamage ?? Investigating, i.MeasuresForPersons ?? Investigating, i.Publication ?? Investigating,
            i.PreventionMeasures ?? Investigating, i.Other ?? "");
        var c = policy.Controller;
        var controller = new ReportController(c.Name.Ja, "〒" + c.Address.PostalCode + " " + c.Address.Text.Ja,
            c.Representative.Title.Ja + " " + c.Representative.Name.Ja, c.PrivacyOfficer.Ja);
        return new IncidentReport(i.Id, today, view.Reportability.Reportable, view.Reportability.Reasons, view.Deadlines,
            controller, fields, Publication(view, policy, items, today));
    }

    /// <summary>The report as lines of text, heading by heading: what the PDF prints.</summary>
    public IReadOnlyList<(string Heading, string Body)> Sections()
    {
        var o = Fields.Overview;
        var overview = new StringBuilder();
        overview.AppendLine("発生日時：" + (o.OccurredAt is { } at ? DateTime(at) : "不明（調査中）"));
        overview.AppendLine("発覚日（当社が知った日）：" + Date(o.DiscoveredOn) + "（" + DateTime(o.DiscoveredAt) + "）");
        overview.AppendLine("発見者：" + o.DiscoveredBy);
        overview.AppendLine("事案の内容：" + o.Summary + (o.Suspected ? "（漏えい等のおそれ）" : ""));
        overview.AppendLine("報告対象となる事態：" + (o.Cases.Count == 0 ? "該当なし" : string.Join("／", o.Cases.Select(c => c.Label))));
        if (!Reportable && Reasons.Contains(IncidentCodes.StronglyEncrypted))
            overview.AppendLine("高度な暗号化等の措置が講じられ、復号鍵は漏えいしていないため、報告対象外と判断しています。");
        overview.AppendLine("委託先の関与：" + (o.ContractorInvolved ? "あり（" + (o.ContractorName ?? "委託先名 調査中") + "）" : "なし"));
        overview.AppendLine("暗号化：" + (o.StronglyEncrypted ? "高度な暗号化あり" + (o.KeyLeaked ? "（復号鍵も漏えい）" : "（復号鍵の漏えいなし）") : "なし"));
        return
        [
            (Headings[0], overview.ToString().TrimEnd()),
            (Headings[1], string.Join("、", Fields.Items.Select(x => x.Label + (x.SpecialCare ? "（要配慮個人情報）" : "")))),
            (Headings[2], Fields.PersonsAffected.ToString("N0", CultureInfo.InvariantCulture) + "人"),
            (Headings[3], Fields.Cause),
            (Headings[4], Fields.SecondaryDamage),
            (Headings[5], Fields.MeasuresForPersons),
            (Headings[6], Fields.Publication),
            (Headings[7], Fields.PreventionMeasures),
            (Headings[8], Fields.Other.Length == 0 ? "なし" : Fields.Other),
        ];
    }

    /// <summary>A deadline as one line: the report, the nth day, the due date and why it moved.</summary>
    public static string DeadlineLine(ReportDeadline d) =>
        ReportLabel(d.Report) + "：" + d.Day + "日目 " + Date(d.Due)
        + (d.Moved ? "（" + Date(d.Nominal) + "が閉庁日のため翌開庁日）" : "");

    /// <summary>A notice to one affected person (法第26条第2項): overview, items, cause, secondary damage, other.</summary>
    public static PersonNotice Notice(IncidentView view, PolicyDocument policy, Guid personId, Addressee? to, DateOnly today)
    {
        var i = view.Incident;
        var c = policy.Controller;
        var name = to?.Name ?? NamePlaceholder;
        var address = to?.Address ?? AddressPlaceholder;
        var items = ItemLabels(i, policy);
        var text = new StringBuilder()
            .AppendLine(address)
            .AppendLine(name + " 様")
            .AppendLine()
            .AppendLine(Date(today))
            .AppendLine(c.Name.Ja)
            .AppendLine(c.Representative.Title.Ja + " " + c.Representative.Name.Ja)
            .AppendLine()
            .AppendLine("個人情報の漏えい" + (i.Suspected ? "のおそれ" : "") + "に関するお詫びとお知らせ")
            .AppendLine()
            .AppendLine("このたび、当社がお預かりしているお客様の個人情報について、漏えい等" + (i.Suspected ? "のおそれがある事態" : "") + "が発生いたしました。"
                + "ご迷惑とご心配をおかけしますことを、心よりお詫び申し上げます。")
            .AppendLine()
            .AppendLine("1. 概要")
            .AppendLine("　" + Date(i.AwarenessDate) + "、" + i.Summary)
            .AppendLine("2. 漏えい等" + (i.Suspected ? "のおそれがある" : "した") + "個人情報の項目")
            .AppendLine("　" + items)
            .AppendLine("3. 原因")
            .AppendLine("　" + i.Cause)
            .AppendLine("4. 二次被害又はそのおそれの有無及びその内容")
            .AppendLine("　" + (i.SecondaryDamage ?? Investigating))
            .AppendLine("5. その他")
            .AppendLine("　" + (i.Other is { Length: > 0 } other ? other + " " : "")
                + "不審な連絡等がございましたら、下記の窓口までお知らせください。")
            .AppendLine()
            .AppendLine(Contact(policy))
            .ToString();
        return new PersonNotice(personId, to?.Name is not null && to.Address is not null, text);
    }

    private static string Publication(IncidentView view, PolicyDocument policy, IReadOnlyList<ReportItem> items, DateOnly today)
    {
        var i = view.Incident;
        return new StringBuilder()
            .AppendLine("個人情報の漏えい" + (i.Suspected ? "のおそれ" : "") + "に関するお詫びとお知らせ")
            .AppendLine()
            .AppendLine(Date(today))
            .AppendLine(policy.Controller.Name.Ja)
            .AppendLine()
            .AppendLine("このたび、当社がお預かりしている個人情報について、漏えい等" + (i.Suspected ? "のおそれがある事態" : "") + "が発生いたしました。"
                + "関係する皆様に多大なるご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。")
            .AppendLine()
            .AppendLine("1. 概要")
            .AppendLine("　" + Date(i.AwarenessDate) + "、" + i.Summary)
            .AppendLine("2. 対象となる個人情報の項目")
            .AppendLine("　" + string.Join("、", items.Select(x => x.Label)))
            .AppendLine("3. 対象となる方の人数")
            .AppendLine("　" + i.PersonsAffected.ToString("N0", CultureInfo.InvariantCulture) + "人")
            .AppendLine("4. 原因")
            .AppendLine("　" + i.Cause)
            .AppendLine("5. 二次被害又はそのおそれの有無")
            .AppendLine("　" + (i.SecondaryDamage ?? Investigating))
            .AppendLine("6. 再発防止のための措置")
            .AppendLine("　" + (i.PreventionMeasures ?? Investigating))
            .AppendLine()
            .AppendLine("対象となる方には個別にご連絡しております。ご連絡先が分からない方を含め、ご不明な点は下記の窓口までお問い合わせください。")
            .AppendLine()
            .AppendLine(Contact(policy))
            .ToString();
    }

    private static string ItemLabels(Incident i, PolicyDocument policy) =>
        string.Join("、", i.Categories.Select(c => policy.DataCategories.FirstOrDefault(d => d.Id == c)?.Label.Ja ?? c));

    private static string Contact(PolicyDocument policy)
    {
        var w = policy.Controller.ContactWindow;
        return "【お問い合わせ窓口】" + policy.Controller.Name.Ja + " " + w.Name.Ja + Environment.NewLine
            + "〒" + w.Address.PostalCode + " " + w.Address.Text.Ja + Environment.NewLine
            + "お問い合わせフォーム：" + w.FormPath;
    }

    private static readonly string[] Weekdays = ["日", "月", "火", "水", "木", "金", "土"];

    /// <summary>2026年5月1日（金）</summary>
    public static string Date(DateOnly d) =>
        d.Year + "年" + d.Month + "月" + d.Day + "日（" + Weekdays[(int)d.DayOfWeek] + "）";

    private static string DateTime(DateTimeOffset at)
    {
        var jst = at.ToOffset(ReportDeadlines.JapanOffset);
        return Date(DateOnly.FromDateTime(jst.DateTime)) + " " + jst.ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}

public sealed record ReportController(string Name, string Address, string Representative, string PrivacyOfficer);

/// <summary>The nine fields of 規則8(1).</summary>
public sealed record ReportFields(
    ReportOverview Overview,
    IReadOnlyList<ReportItem> Items,
    int PersonsAffected,
    [property: PersonalData] string Cause,
    [property: PersonalData] string SecondaryDamage,
    [property: PersonalData] string MeasuresForPersons,
    [property: PersonalData] string Publication,
    [property: PersonalData] string PreventionMeasures,
    [property: PersonalData] string Other);

/// <summary>Field (1): dates, what happened, who found it, which cases, the contractor's part.</summary>
public sealed record ReportOverview(
    DateTimeOffset? OccurredAt,
    DateOnly DiscoveredOn,
    DateTimeOffset DiscoveredAt,
    [property: PersonalData] string DiscoveredBy,
    [property: PersonalData] string Summary,
    bool Suspected,
    IReadOnlyList<ReportCase> Cases,
    bool ContractorInvolved,
    [property: PersonalData] string? ContractorName,
    bool StronglyEncrypted,
    bool KeyLeaked);

public sealed record ReportCase(int Number, string Code, string Label, IReadOnlyList<string> Categories);

public sealed record ReportItem(string Category, string Label, bool SpecialCare);

/// <summary>Whom a notice is addressed to, as read through the vault; null values stay placeholders.</summary>
public sealed record Addressee([property: PersonalData] string? Name, [property: PersonalData] string? Address);

/// <summary>A notice to one person; <see cref="Addressed"/> is false while name or address is a placeholder.</summary>
public sealed record PersonNotice([property: Pseudonymous] Guid PersonId, bool Addressed, [property: PersonalData] string Text);
