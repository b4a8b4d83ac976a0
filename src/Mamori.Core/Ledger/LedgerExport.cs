using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace Mamori.Ledger;

/// <summary>The ledger as an Excel workbook (ClosedXML) or CSV (RFC 4180, UTF-8 with a BOM so Excel reads Japanese).</summary>
public static class LedgerExport
{
    public static IReadOnlyList<string> Headings(string lang) => lang == "en"
        ? ["Category", "Item", "Subjects", "Purposes", "Where stored", "How stored", "Who may access", "Use by", "Keep until", "Sensitive",
           "How acquired", "How notified", "Consent", "Third-party provision", "Joint use", "Outsourcing", "Records", "Persons"]
        : ["区分ID", "項目", "本人の区分", "利用目的", "保管場所", "保管方法", "アクセス権者", "利用期限", "保存期限", "要配慮・機微",
           "取得方法", "通知・公表", "同意", "第三者提供", "共同利用", "委託", "件数", "人数"];

    public static IEnumerable<IReadOnlyList<string>> Cells(LedgerSheet sheet)
    {
        string Flag(bool value) => value ? (sheet.Lang == "en" ? "yes" : "あり") : (sheet.Lang == "en" ? "no" : "なし");
        foreach (var r in sheet.Rows)
        {
            yield return [r.Category, r.Item, string.Join("\n", r.SubjectKinds), string.Join("\n", r.Purposes), r.Storage, r.Protection,
                string.Join(", ", r.Access), r.UseBy, r.KeepUntil, r.Sensitivity, string.Join("\n", r.Acquisition), r.Notification, r.Consent,
                Flag(r.ThirdParty), Flag(r.JointUse), Flag(r.Outsourcing), r.Records.ToString(CultureInfo.InvariantCulture),
                r.Persons?.ToString(CultureInfo.InvariantCulture) ?? ""];
        }
    }

    public static byte[] Xlsx(LedgerSheet sheet)
    {
        using var workbook = new XLWorkbook();
        var ws = workbook.Worksheets.Add(sheet.Lang == "en" ? "Ledger" : "個人情報管理台帳");
        var headings = Headings(sheet.Lang);
        for (var c = 0; c < headings.Count; c++)
            ws.Cell(1, c + 1).Value = headings[c];
        ws.Row(1).Style.Font.Bold = true;
        var row = 2;
        foreach (var cells in Cells(sheet))
        {
            for (var c = 0; c < cells.Count; c++)
            {
                // Counts as numbers (Excel sums them); every other cell as text, so nothing is read as a formula or date.
                if (c >= cells.Count - 2 && long.TryParse(cells[c], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    ws.Cell(row, c + 1).Value = n;
                else
                    ws.Cell(row, c + 1).SetValue(cells[c]);
            }
            row++;
        }
        ws.Cell(row + 1, 1).SetValue(sheet.Lang == "en" ? $"Policy version {sheet.PolicyVersion}" : $"ポリシー {sheet.PolicyVersion}版");
        ws.Cell(row + 1, 2).SetValue(sheet.GeneratedAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " JST");
        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, row - 1, headings.Count).Style.Alignment.WrapText = true;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Csv(LedgerSheet sheet)
    {
        var text = new StringBuilder();
        Line(text, Headings(sheet.Lang));
        foreach (var cells in Cells(sheet))
            Line(text, cells);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>RFC 4180: fields quoted when they hold a comma, quote or line break; quotes doubled; CRLF between records.
    /// A field starting with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.</summary>
    private static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                text.Append(',');
            var cell = cells[i].Length > 0 && "=+-@".Contains(cells[i][0], StringComparison.Ordinal) ? "'" + cells[i] : cells[i];
            text.Append(cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }
        text.Append("\r\n");
    }
}
