using System.Globalization;
using System.Net;
using System.Text;
using Mamori.Documents;
using Mamori.Incidents;
using Mamori.Policy;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mamori.Requests;

/// <summary>
/// The answer to a request as a letter in Japanese, addressed from the application: the answer itself (what was
/// disclosed or done) or the refusal with its §10 ground and reason. One text, rendered as HTML or as an A4 PDF
/// (PDFsharp with IPA Gothic, like the incident reports).
/// </summary>
public sealed record RequestLetter(string Title, IReadOnlyList<string> Addressee, string Date, string From, IReadOnlyList<(string Heading, string Text)> Sections)
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static RequestLetter For(RequestDetail detail, PolicyDocument policy, DateTimeOffset now)
    {
        var c = detail.Case;
        var who = detail.Content.Requester;
        var kindLabel = policy.Requests.Kinds.FirstOrDefault(k => k.Id == c.Kind)?.Label.Ja ?? c.Kind;
        var addressee = new List<string>();
        if (who.PostalCode is not null)
            addressee.Add("〒" + who.PostalCode);
        addressee.Add(who.Address);
        addressee.Add(detail.Content.Agent is { } agent ? $"{who.Name} 様 代理人 {agent.Name} 様" : who.Name + " 様");
        var sections = new List<(string, string)>
        {
            ("ご請求の内容", $"{kindLabel}（受付日：{Day(c.ReceivedAt)}、受付番号：{c.Id:D}）"),
        };
        var result = detail.Result;
        string title;
        if (c.Status == RequestStatuses.Refused)
        {
            title = "「開示等の請求等」に応じない旨のご通知";
            var ground = policy.RefusalGrounds.FirstOrDefault(g => g.Id == c.RefusalGround)?.Label.Ja ?? c.RefusalGround ?? "";
            sections.Add(("回答", "誠に恐れ入りますが、次の理由により、ご請求に応じることができません。"));
            sections.Add(("事由（個人情報保護方針 第10項）", ground));
            sections.Add(("理由", result?.RefusalReason ?? ""));
        }
        else
        {
            title = $"「{kindLabel}」のご請求に対するご回答";
            sections.AddRange(Body(c.Kind, result, policy));
        }
        sections.Add(("お問い合わせ", policy.Requests.MailTo.Text.Ja));
        return new RequestLetter(title, addressee, Day(now), policy.Controller.Name.Ja, sections);
    }

    private static IEnumerable<(string, string)> Body(string kind, RequestResult? r, PolicyDocument policy)
    {
        string Label(string category) => policy.DataCategories.FirstOrDefault(d => d.Id == category)?.Label.Ja ?? category;
        switch (kind)
        {
            case RequestKinds.PurposeNotice:
                yield return ("利用目的", string.Join('\n', (r?.Purposes ?? []).Select(p => "・" + p.LabelJa)));
                break;
            case RequestKinds.Disclosure when r?.Disclosure is { } d:
                yield return ("保有個人データ", d.Items.Count == 0 ? "ございません。"
                    : string.Join('\n', d.Items.Select(i => $"・{Label(i.Category)}：{i.Value ?? $"（ファイル {i.ContentType}、{i.FileBytes:N0}バイト）"}（取得：{Day(i.AcquiredAt)}、取得方法：{policy.AcquisitionChannels.FirstOrDefault(c => c.Id == i.Channel)?.Label.Ja ?? i.Channel}{(i.Source is null ? "" : "、提供元：" + i.Source)}）")));
                if (d.Devices.Count > 0 || d.Signals.Count > 0)
                    yield return ("照合された端末とインフォマティブデータ", string.Join('\n',
                        d.Devices.Select(x => $"・端末 {x.DeviceId}（照合：{Day(x.LinkedAt)}）")
                            .Concat(d.Signals.Select(s => $"・{s.At.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd HH:mm} {s.Type} {s.Url}"))));
                if (d.Consents.Count > 0)
                    yield return ("同意の記録", string.Join('\n', d.Consents.Select(x => $"・{x.Category}：{(x.Given ? "同意" : "不同意")}（{Day(x.RecordedAt)}、受領書 {x.ReceiptId:D}）")));
                if (d.ProvisionRecords.Count > 0)
                    yield return ("第三者提供・受領の記録", string.Join('\n', d.ProvisionRecords.Select(Record)));
                if (d.EarlierRequests.Count > 0)
                    yield return ("これまでのご請求", string.Join('\n', d.EarlierRequests.Select(x => $"・{policy.Requests.Kinds.FirstOrDefault(k => k.Id == x.Kind)?.Label.Ja ?? x.Kind}（{Day(x.ReceivedAt)}、{StatusesJa.GetValueOrDefault(x.Status, x.Status)}）")));
                break;
            case RequestKinds.ProvisionRecordDisclosure:
                yield return ("第三者提供記録", r?.ProvisionRecords is { Count: > 0 } records ? string.Join('\n', records.Select(Record)) : "記録はございません。");
                break;
            case RequestKinds.Correction:
            case RequestKinds.Addition:
                yield return ("実施した内容", string.Join('\n', (r?.Changes ?? []).Select(x => $"・{Label(x.Category)}：{x.Before ?? "（なし）"} → {x.After}")));
                break;
            case RequestKinds.Deletion:
            case RequestKinds.Erasure:
                yield return ("実施した内容", r?.Erased == true ? "お客様の保有個人データをすべて消去しました（暗号鍵を破棄し、復元できない状態としました）。"
                    : "次の項目を削除しました：" + string.Join("、", (r?.Deleted ?? []).Select(Label)));
                if (r?.Kept is { Count: > 0 } kept)
                    yield return ("法令により保存する項目（利用を停止しました）", string.Join('\n', kept.Select(k => $"・{Label(k.Category)}：{k.ReasonJa}")));
                break;
            case RequestKinds.SuspensionOfUse:
                yield return ("実施した内容", "お客様の保有個人データの利用を停止しました（法令に基づく場合を除きます）。");
                break;
            case RequestKinds.SuspensionOfProvision:
                yield return ("実施した内容", "お客様の保有個人データの第三者への提供を停止しました。");
                break;
        }
    }

    private static readonly Dictionary<string, string> RecordKindsJa = new(StringComparer.Ordinal)
    {
        [Provision.RecordKinds.Provision] = "第三者提供の記録（法第29条）",
        [Provision.RecordKinds.Receipt] = "第三者からの受領の記録（法第30条）",
        [Provision.RecordKinds.Linking] = "個人関連情報の受領の記録（法第31条）",
    };

    private static readonly Dictionary<string, string> StatusesJa = new(StringComparer.Ordinal)
    {
        [RequestStatuses.Received] = "受付",
        [RequestStatuses.Verified] = "本人確認済み",
        [RequestStatuses.Fulfilled] = "対応済み",
        [RequestStatuses.Answered] = "回答済み",
        [RequestStatuses.Refused] = "不応諾",
        [RequestStatuses.Withdrawn] = "取下げ",
    };

    private static string Record(Provision.ProvisionRecord r) =>
        $"・{RecordKindsJa.GetValueOrDefault(r.Kind, r.Kind)} {r.PartyName}（{Day(r.FirstAt)}〜{Day(r.LastAt)}、{r.Count}回、項目：{string.Join("・", r.Items)}{(r.Purpose is null ? "" : "、目的：" + r.Purpose)}）";

    public static string Day(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Japan).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>").Append(Encode(Title)).Append("</title></head><body>");
        html.Append("<p class=\"addressee\">").AppendJoin("<br>", Addressee.Select(Encode)).Append("</p>");
        html.Append("<p class=\"date\">").Append(Encode(Date)).Append("<br>").Append(Encode(From)).Append("</p>");
        html.Append("<h1>").Append(Encode(Title)).Append("</h1>");
        foreach (var (heading, text) in Sections)
            html.Append("<h2>").Append(Encode(heading)).Append("</h2><p>").AppendJoin("<br>", text.Split('\n').Select(Encode)).Append("</p>");
        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    public byte[] ToPdf()
    {
        IpaGothicFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = Title;
        document.Info.Creator = "Mamori";
        var title = new XFont(IpaGothicFontResolver.Family, 14, XFontStyleEx.Bold);
        var heading = new XFont(IpaGothicFontResolver.Family, 11, XFontStyleEx.Bold);
        var body = new XFont(IpaGothicFontResolver.Family, 10);
        using (var writer = new A4Writer(document))
        {
            foreach (var line in Addressee)
                writer.Paragraph(line, body);
            writer.Gap(8);
            writer.Paragraph(Date, body, alignRight: true);
            writer.Paragraph(From, body, alignRight: true);
            writer.Gap(12);
            writer.Paragraph(Title, title);
            foreach (var (head, text) in Sections)
            {
                writer.Gap(8);
                writer.Paragraph(head, heading);
                writer.Paragraph(text, body, indent: 12);
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
