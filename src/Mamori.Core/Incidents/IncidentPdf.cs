using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Mamori.Documents;

namespace Mamori.Incidents;

/// <summary>The report draft as a printable A4 PDF in Japanese (PDFsharp with the IPA Gothic font).</summary>
public static class IncidentPdf
{
    private const double Margin = 56;

    public static byte[] Render(IncidentReport report)
    {
        IpaGothicFontResolver.Install();
        using var document = new PdfDocument();
        document.Info.Title = "個人データの漏えい等に関する報告（案）";
        document.Info.Creator = "Mamori";
        var writer = new A4Writer(document, Margin);
        var title = new XFont(IpaGothicFontResolver.Family, 15, XFontStyleEx.Bold);
        var heading = new XFont(IpaGothicFontResolver.Family, 11, XFontStyleEx.Bold);
        var body = new XFont(IpaGothicFontResolver.Family, 10);

        writer.Paragraph("個人データの漏えい等に関する報告（案）", title);
        writer.Gap(4);
        writer.Paragraph("個人情報保護委員会 御中", body);
        writer.Paragraph("作成日：" + IncidentReport.Date(report.DraftedOn) + "　事案ID：" + report.IncidentId.ToString("D"), body);
        writer.Gap(6);
        writer.Paragraph("報告者", heading);
        writer.Paragraph(report.Controller.Name, body, 12);
        writer.Paragraph(report.Controller.Address, body, 12);
        writer.Paragraph("代表者：" + report.Controller.Representative, body, 12);
        writer.Paragraph("個人情報保護管理責任者：" + report.Controller.PrivacyOfficer, body, 12);
        writer.Gap(6);
        writer.Paragraph("報告の要否と期限", heading);
        writer.Paragraph(report.Reportable ? "報告対象（法第26条第1項）" : "報告対象外（理由：" + string.Join("、", report.Reasons) + "）", body, 12);
        foreach (var deadline in report.Deadlines)
            writer.Paragraph(IncidentReport.DeadlineLine(deadline), body, 12);
        foreach (var (head, text) in report.Sections())
        {
            writer.Gap(6);
            writer.Paragraph(head, heading);
            writer.Paragraph(text, body, 12);
        }
        writer.Gap(10);
        writer.Paragraph("本書は Mamori が記録された事実から作成した案です。提出前に内容を確認し、個人情報保護委員会の報告フォームに入力してください。", body);
        writer.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}

/// <summary>
/// Resolves every font PDFsharp asks for to IPA Gothic (IPAゴシック, package fonts-ipafont-gothic), which covers the
/// kanji, kana and Latin letters of Mamori's documents. Bold is simulated. PDFsharp keeps one resolver per process:
/// other documents (request packages, letters) should use this one rather than install their own.
/// </summary>
public sealed class IpaGothicFontResolver : IFontResolver
{
    public const string Family = "IPAGothic";
    public const string FontFile = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";
    private const string Face = "ipag";
    private static readonly Lock Gate = new();
    private static readonly Lazy<byte[]> Bytes = new(() => File.ReadAllBytes(FontFile));

    /// <summary>Installs the resolver once for the process, unless one is installed already.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new IpaGothicFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(Face, isBold, isItalic);

    public byte[]? GetFont(string faceName) => faceName == Face ? Bytes.Value : null;
}
