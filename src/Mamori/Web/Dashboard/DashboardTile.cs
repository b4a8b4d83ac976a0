using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;

namespace Mamori.Host.Web.Dashboard;

/// <summary>
/// One tile of the console's home page. The extension point: a capability adds a tile by implementing this and
/// registering it (<c>services.AddScoped&lt;IDashboardTile, MyTile&gt;()</c>); tiles appear in <see cref="Order"/>.
/// A tile answers null when the signed-in staff member may not see it.
/// </summary>
public interface IDashboardTile
{
    int Order { get; }
    Task<DashboardTile?> BuildAsync(ClaimsPrincipal user, string lang, CancellationToken ct);
}

/// <param name="Id">For the element id and tests.</param>
/// <param name="Figure">The headline figure, e.g. "3".</param>
/// <param name="Attention">Something is due or overdue.</param>
/// <param name="Lines">Short facts under the figure.</param>
/// <param name="Chart">A chart drawn by <see cref="SvgBars"/>, or null.</param>
public sealed record DashboardTile(string Id, string Title, string Figure, string Caption, bool Attention, string Link,
    IReadOnlyList<string> Lines, SvgChart? Chart = null);

/// <summary>Markup of a server-drawn SVG chart (no script, no style attribute: CSP allows it as it is).</summary>
public sealed record SvgChart(string Markup);

/// <summary>Horizontal bar charts drawn on the server as SVG; colours come from site.css classes.</summary>
public static class SvgBars
{
    private const int Width = 320;
    private const int Row = 22;
    private const int LabelWidth = 120;

    /// <param name="bars">Label, value, and whether the bar needs attention (drawn in the warning colour).</param>
    public static SvgChart Draw(string title, IReadOnlyList<(string Label, double Value, bool Attention)> bars, string unit)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => Math.Abs(b.Value)));
        var height = Math.Max(Row, bars.Count * Row);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" aria-label=\"{Encode(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, attention) = bars[i];
            var y = i * Row;
            var length = (int)Math.Round((Width - LabelWidth - 50) * Math.Abs(value) / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"0\" y=\"{y + 15}\">{Encode(Trim(label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{(attention ? "bar bar-attention" : "bar")}\" x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{Math.Max(1, length)}\" height=\"{Row - 8}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{LabelWidth + Math.Max(1, length) + 4}\" y=\"{y + 15}\">{Encode(value.ToString("0.#", CultureInfo.InvariantCulture) + unit)}</text>");
        }
        svg.Append("</svg>");
        return new SvgChart(svg.ToString());
    }

    private static string Trim(string label) => label.Length > 12 ? label[..11] + "…" : label;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
