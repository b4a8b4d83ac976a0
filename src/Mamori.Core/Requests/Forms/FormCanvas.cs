using Mamori.Documents;
using Mamori.Incidents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mamori.Requests.Forms;

/// <summary>
/// Lays out a printed form on A4 pages from top to bottom: headings, wrapped text, tick boxes and ruled boxes to
/// write in. Japanese has no spaces to break at, so text wraps at whichever character would overflow. A block that
/// does not fit on the page starts a new one.
/// </summary>
internal sealed class FormCanvas : IDisposable
{
    public const double Margin = 42;
    private const double LabelWidth = 120;
    private const double BoxSize = 9;

    private readonly PdfDocument _document;
    private XGraphics? _gfx;
    private double _y;

    public FormCanvas(PdfDocument document)
    {
        IpaGothicFontResolver.Install();
        _document = document;
        Title = new XFont(IpaGothicFontResolver.Family, 16, XFontStyleEx.Bold);
        Heading = new XFont(IpaGothicFontResolver.Family, 10.5, XFontStyleEx.Bold);
        Body = new XFont(IpaGothicFontResolver.Family, 9);
        Small = new XFont(IpaGothicFontResolver.Family, 7.5);
    }

    public XFont Title { get; }
    public XFont Heading { get; }
    public XFont Body { get; }
    public XFont Small { get; }

    private static double PageWidth => XUnit.FromMillimeter(210).Point;
    private static double PageHeight => XUnit.FromMillimeter(297).Point;
    private static double ContentWidth => PageWidth - 2 * Margin;
    private XGraphics Gfx => _gfx ?? NewPage();

    public void Gap(double points) => _y += points;

    public void Centered(string text, XFont font)
    {
        Ensure(font.Size * 1.8);
        var width = Gfx.MeasureString(text, font).Width;
        Gfx.DrawString(text, font, XBrushes.Black, new XPoint((PageWidth - width) / 2, _y + font.Size));
        _y += font.Size * 1.8;
    }

    public void RightAligned(string text, XFont font)
    {
        Ensure(font.Size * 1.6);
        var width = Gfx.MeasureString(text, font).Width;
        Gfx.DrawString(text, font, XBrushes.Black, new XPoint(PageWidth - Margin - width, _y + font.Size));
        _y += font.Size * 1.6;
    }

    /// <summary>Wrapped text, each line on the page's grid; <paramref name="indent"/> from the left margin.</summary>
    public void Text(string text, XFont font, double indent = 0)
    {
        var lineHeight = font.Size * 1.55;
        foreach (var line in Wrap(text, font, ContentWidth - indent))
        {
            Ensure(lineHeight);
            Gfx.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + font.Size));
            _y += lineHeight;
        }
    }

    /// <summary>A numbered section heading with a rule under it.</summary>
    public void Section(string title)
    {
        Ensure(Heading.Size * 2.4 + 30); // keep a heading with the start of its section
        _y += 4;
        Gfx.DrawString(title, Heading, XBrushes.Black, new XPoint(Margin, _y + Heading.Size));
        _y += Heading.Size * 1.5;
        Gfx.DrawLine(XPens.Black, Margin, _y, PageWidth - Margin, _y);
        _y += 4;
    }

    /// <summary>An empty tick box followed by its (wrapped) label.</summary>
    public void Checkbox(string label, double indent = 0, string? aside = null)
    {
        var lineHeight = Body.Size * 1.55;
        var lines = Wrap(label, Body, ContentWidth - indent - BoxSize - 6 - (aside is null ? 0 : 110)).ToList();
        Ensure(lineHeight * lines.Count + 2);
        Gfx.DrawRectangle(XPens.Black, Margin + indent, _y + 1.5, BoxSize, BoxSize);
        if (aside is not null)
            Gfx.DrawString(aside, Small, XBrushes.Black, new XPoint(PageWidth - Margin - Gfx.MeasureString(aside, Small).Width, _y + Body.Size));
        foreach (var line in lines)
        {
            Gfx.DrawString(line, Body, XBrushes.Black, new XPoint(Margin + indent + BoxSize + 6, _y + Body.Size));
            _y += lineHeight;
        }
        _y += 2;
    }

    /// <summary>A row of a ruled table: the label on the left, an empty box of <paramref name="height"/> to write in,
    /// with an optional hint printed small inside it.</summary>
    public void Field(string label, double height = 24, string? hint = null)
    {
        Ensure(height);
        var left = Margin;
        Gfx.DrawRectangle(XPens.Black, left, _y, LabelWidth, height);
        Gfx.DrawRectangle(XPens.Black, left + LabelWidth, _y, ContentWidth - LabelWidth, height);
        var labelLines = Wrap(label, Body, LabelWidth - 8).ToList();
        var top = _y + (height - labelLines.Count * Body.Size * 1.3) / 2;
        foreach (var line in labelLines)
        {
            Gfx.DrawString(line, Body, XBrushes.Black, new XPoint(left + 4, top + Body.Size));
            top += Body.Size * 1.3;
        }
        if (hint is not null)
        {
            var hintY = _y + 2;
            foreach (var line in Wrap(hint, Small, ContentWidth - LabelWidth - 8))
            {
                Gfx.DrawString(line, Small, XBrushes.Gray, new XPoint(left + LabelWidth + 4, hintY + Small.Size));
                hintY += Small.Size * 1.3;
            }
        }
        _y += height;
    }

    /// <summary>A field for a signature with a square box beside it for the seal, captioned (e.g. 実印).</summary>
    public void SignatureWithSeal(string label, string sealCaption, double height = 64)
    {
        Ensure(height);
        const double seal = 56;
        var left = Margin;
        var signatureWidth = ContentWidth - LabelWidth - seal - 16;
        Gfx.DrawRectangle(XPens.Black, left, _y, LabelWidth, height);
        Gfx.DrawRectangle(XPens.Black, left + LabelWidth, _y, signatureWidth, height);
        Gfx.DrawString(label, Body, XBrushes.Black, new XPoint(left + 4, _y + height / 2 + Body.Size / 2));
        var sealX = left + LabelWidth + signatureWidth + 16;
        var sealY = _y + (height - seal) / 2;
        var dashed = new XPen(XColors.Black, 0.8) { DashStyle = XDashStyle.Dash };
        Gfx.DrawRectangle(dashed, sealX, sealY, seal, seal);
        var width = Gfx.MeasureString(sealCaption, Small).Width;
        Gfx.DrawString(sealCaption, Small, XBrushes.Gray, new XPoint(sealX + (seal - width) / 2, sealY + seal / 2 + Small.Size / 2));
        _y += height;
    }

    /// <summary>An empty box the width of the page, with its caption inside at the top left.</summary>
    public void Box(string caption, double height)
    {
        Ensure(height);
        Gfx.DrawRectangle(XPens.Black, Margin, _y, ContentWidth, height);
        Gfx.DrawString(caption, Small, XBrushes.Gray, new XPoint(Margin + 4, _y + Small.Size + 2));
        _y += height;
    }

    private void Ensure(double height)
    {
        if (_gfx is null || _y + height > PageHeight - Margin)
            NewPage();
    }

    private XGraphics NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        return _gfx;
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width) =>
        text.Replace("\r", "", StringComparison.Ordinal).Split('\n').SelectMany(paragraph => TextWrap.Lines(Gfx, paragraph, font, width));

    public void Dispose() => _gfx?.Dispose();
}
