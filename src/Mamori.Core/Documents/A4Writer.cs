using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mamori.Documents;

/// <summary>
/// Writes lines top to bottom on A4 pages of a PDF, adding a page when one is full. Japanese has no spaces to break
/// at, so a line breaks at whichever character would overflow (TextWrap). Shared by the incident report and the request letters.
/// </summary>
public sealed class A4Writer(PdfDocument document, double margin = 56) : IDisposable
{
    private XGraphics? _gfx;
    private double _y;
    private double _width;
    private double _bottom;

    public void Gap(double points) => _y += points;

    /// <summary>Each line of <paramref name="text"/> wrapped to the page; right-aligned lines are for dates and senders.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, bool alignRight = false)
    {
        var lineHeight = font.Size * 1.6;
        foreach (var source in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            if (_gfx is null)
                NewPage();
            foreach (var line in TextWrap.Lines(_gfx!, source, font, _width - indent))
            {
                if (_y + lineHeight > _bottom)
                    NewPage();
                var x = alignRight ? margin + _width - _gfx!.MeasureString(line, font).Width : margin + indent;
                _gfx!.DrawString(line, font, XBrushes.Black, new XPoint(x, _y + font.Size));
                _y += lineHeight;
            }
        }
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        _gfx = XGraphics.FromPdfPage(page);
        _y = margin;
        _width = page.Width.Point - 2 * margin;
        _bottom = page.Height.Point - margin;
    }

    public void Dispose() => _gfx?.Dispose();
}
