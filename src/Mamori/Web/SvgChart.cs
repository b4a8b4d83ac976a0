using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Mamori.Host.Web;

/// <summary>One bar: its label, its value, and a CSS class that says what it means (e.g. <c>overdue</c>).</summary>
public sealed record Bar(string Label, double Value, string? Note = null, string Kind = "normal");

/// <summary>
/// Charts drawn on the server as SVG: no script, no inline style (the CSP allows neither), readable without colour
/// (each bar carries its value as text) and by screen readers (role="img" with a title, and a table fallback
/// is the page's job). Colours come from site.css classes.
/// </summary>
public static class SvgChart
{
    private const int LabelWidth = 220;
    private const int BarArea = 360;
    private const int Row = 26;

    /// <summary>Horizontal bars scaled to <paramref name="max"/> (or to the largest value).</summary>
    public static IHtmlContent Bars(string id, string title, IReadOnlyList<Bar> bars, double? max = null)
    {
        var top = max ?? (bars.Count == 0 ? 1 : Math.Max(1, bars.Max(b => b.Value)));
        var height = Math.Max(Row, bars.Count * Row) + 4;
        var html = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"{html.Encode(id)}\" class=\"chart\" role=\"img\" aria-labelledby=\"{html.Encode(id)}-title\" viewBox=\"0 0 {LabelWidth + BarArea + 90} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{html.Encode(id)}-title\">{html.Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * Row + 2;
            var width = top <= 0 ? 0 : Math.Round(BarArea * Math.Clamp(bar.Value / top, 0, 1), 1);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"bar bar-{html.Encode(bar.Kind)}\" data-label=\"{html.Encode(bar.Label)}\" data-value=\"{bar.Value.ToString(CultureInfo.InvariantCulture)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{html.Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width.ToString(CultureInfo.InvariantCulture)}\" height=\"{Row - 8}\" rx=\"3\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(LabelWidth + width + 6).ToString(CultureInfo.InvariantCulture)}\" y=\"{y + 17}\">{html.Encode(bar.Note ?? bar.Value.ToString(CultureInfo.InvariantCulture))}</text>");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
