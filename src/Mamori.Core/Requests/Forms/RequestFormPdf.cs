using System.Globalization;
using System.Text.RegularExpressions;
using Mamori.Policy;
using PdfSharp.Pdf;

namespace Mamori.Requests.Forms;

/// <summary>
/// The printable forms of §9(2), in Japanese, drawn from the policy: the application form (document A, 個人情報開示等申請書)
/// and the power of attorney (委任状) an appointed agent encloses. The kinds of request, the fee, the answer methods,
/// the documents to enclose and the addressee all come from the policy, so a policy change changes the forms.
/// </summary>
public static partial class RequestFormPdf
{
    public const string ApplicationFormId = "application_form";
    public const string PowerOfAttorneyId = "power_of_attorney";
    private const string Ja = "ja";

    public static byte[] Application(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var requests = policy.Requests;
        var title = FormTitle(requests.Documents, ApplicationFormId, "個人情報開示等申請書");
        return Render(title, canvas =>
        {
            canvas.Centered(title, canvas.Title);
            Addressee(canvas, policy);
            canvas.RightAligned("申請日　　　　年　　月　　日", canvas.Body);
            canvas.Text("貴社が保有する私の個人情報について、以下のとおり請求します。", canvas.Body);

            canvas.Section("1. 請求の種類（該当するものに☑してください。複数選択可）");
            var fee = FeeText(requests.Fee);
            foreach (var kind in requests.Kinds)
                canvas.Checkbox(kind.Label.In(Ja), aside: kind.Fee ? "手数料 " + fee : "手数料 不要");

            canvas.Section("2. 請求者（ご本人）");
            canvas.Field("氏名（ふりがな）", 34, "ふりがな");
            canvas.Field("生年月日", 22, "　　　　年　　月　　日");
            canvas.Field("住所", 40, "〒");
            canvas.Field("電話番号");
            canvas.Field("メールアドレス", 24, "電磁的記録による回答を希望される場合にご記入ください。");

            canvas.Section("3. 代理人による請求の場合（ご本人が請求する場合は記入不要です）");
            canvas.Checkbox("任意代理人（委任状による代理）");
            canvas.Checkbox("法定代理人（未成年者の親権者、成年後見人等）");
            canvas.Field("代理人の氏名（ふりがな）", 34, "ふりがな");
            canvas.Field("代理人の住所", 40, "〒");
            canvas.Field("代理人の電話番号");
            canvas.Field("ご本人との関係");

            canvas.Section("4. 請求の内容");
            canvas.Field("対象となる個人情報の項目", 56, "例：氏名、住所、契約内容、第三者提供の記録　など");
            canvas.Field("訂正・追加・削除の内容", 56, "訂正・追加・削除を請求する場合：現在の内容と正しい内容");
            canvas.Field("利用停止・消去・第三者提供の停止の理由", 56, "利用の停止、消去又は第三者提供の停止を請求する場合にご記入ください。");

            canvas.Section("5. 回答方法（いずれかに☑してください）");
            foreach (var method in requests.ResponseMethods)
                canvas.Checkbox(method.Label.In(Ja));
            canvas.Text(requests.ResponseStatement.In(Ja), canvas.Small);

            canvas.Section("6. 手数料");
            canvas.Text("手数料：" + fee + "（" + string.Join("、", requests.Kinds.Where(k => k.Fee).Select(k => k.Label.In(Ja))) + "の請求）", canvas.Body);
            canvas.Text(requests.Fee.Method.In(Ja), canvas.Body);
            canvas.Text(requests.Fee.Note.In(Ja), canvas.Small);

            canvas.Section("7. 同封する書類（☑してください）");
            foreach (var document in requests.Documents)
                canvas.Checkbox(DocumentLine(document));
            canvas.Text("任意代理人による請求の場合", canvas.Body);
            foreach (var document in requests.AppointedAgentDocuments)
                canvas.Checkbox(DocumentLine(document), indent: 12);
            canvas.Text("法定代理人による請求の場合", canvas.Body);
            foreach (var document in requests.LegalAgentDocuments)
                canvas.Checkbox(DocumentLine(document), indent: 12);

            canvas.Section("送付先");
            canvas.Text(Address(requests.MailTo), canvas.Body);
            canvas.Gap(4);
            canvas.Text(requests.UseOfRequestData.In(Ja), canvas.Small);

            canvas.Section("当社記入欄");
            canvas.Field("受付日・受付番号");
            canvas.Field("本人確認・代理権確認");
            canvas.Field("手数料の受領");
        });
    }

    public static byte[] PowerOfAttorney(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var requests = policy.Requests;
        var document = requests.AppointedAgentDocuments.FirstOrDefault(d => d.Id == PowerOfAttorneyId);
        const string title = "委任状";
        return Render(title, canvas =>
        {
            canvas.Centered(title, canvas.Title);
            Addressee(canvas, policy);
            canvas.RightAligned("　　　　年　　月　　日", canvas.Body);

            canvas.Section("代理人（受任者）");
            canvas.Field("氏名（ふりがな）", 34, "ふりがな");
            canvas.Field("住所", 40, "〒");
            canvas.Field("電話番号");
            canvas.Field("ご本人との関係");

            canvas.Gap(6);
            canvas.Text("私は、上記の者を代理人と定め、貴社が保有する私の個人情報に関する次の事項を委任します。", canvas.Body);

            canvas.Section("委任事項（委任するものに☑してください）");
            foreach (var kind in requests.Kinds)
                canvas.Checkbox("保有個人データの" + kind.Label.In(Ja) + "の請求に関する一切の権限");
            canvas.Checkbox("上記の請求に対する回答の受領に関する権限");

            canvas.Section("委任者（ご本人）");
            canvas.Field("住所", 40, "〒");
            canvas.Field("生年月日", 22, "　　　　年　　月　　日");
            canvas.Field("電話番号");
            canvas.SignatureWithSeal("氏名（自署）", "実印");

            canvas.Gap(8);
            if (document?.Note is { } note)
                canvas.Text("※ " + note.In(Ja), canvas.Body);
            foreach (var other in requests.AppointedAgentDocuments.Where(d => d.Id != PowerOfAttorneyId))
                canvas.Text("※ " + DocumentLine(other) + "を同封してください。", canvas.Body);
            canvas.Text("※ " + FormTitle(requests.Documents, ApplicationFormId, "個人情報開示等申請書") + "とともに、下記宛てにご郵送ください。", canvas.Body);
            canvas.Text(Address(requests.MailTo), canvas.Body, indent: 12);
        });
    }

    private static byte[] Render(string title, Action<FormCanvas> draw)
    {
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Mamori";
        using (var canvas = new FormCanvas(document))
            draw(canvas);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Addressee(FormCanvas canvas, PolicyDocument policy)
    {
        canvas.Gap(4);
        canvas.Text(policy.Controller.Name.In(Ja) + "　御中", canvas.Heading);
        canvas.Gap(2);
    }

    /// <summary>The form's name without the policy's list marker ("A. 個人情報開示等申請書" → "個人情報開示等申請書").</summary>
    private static string FormTitle(IEnumerable<RequestDocument> documents, string id, string fallback) =>
        documents.FirstOrDefault(d => d.Id == id) is { } d ? ListMarker().Replace(d.Label.In(Ja), "") : fallback;

    private static string DocumentLine(RequestDocument document) =>
        document.Note is { } note && !string.IsNullOrWhiteSpace(note.Ja) && document.DownloadPath is null
            ? document.Label.In(Ja) + "（" + note.In(Ja) + "）"
            : document.Label.In(Ja);

    private static string Address(PostalAddress address) =>
        (string.IsNullOrEmpty(address.PostalCode) ? "" : "〒" + address.PostalCode + "　") + address.Text.In(Ja);

    /// <summary>The fee as the forms print it, e.g. "1,000円".</summary>
    public static string FeeText(Fee fee) =>
        fee.Currency == "JPY"
            ? fee.Amount.ToString("N0", CultureInfo.InvariantCulture) + "円"
            : fee.Amount.ToString("N0", CultureInfo.InvariantCulture) + " " + fee.Currency;

    [GeneratedRegex(@"^[A-ZＡ-Ｚ][.．]\s*")]
    private static partial Regex ListMarker();
}
