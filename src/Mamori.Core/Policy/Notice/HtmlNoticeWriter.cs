using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Mamori.Policy.Notice;

/// <summary>
/// Writes a <see cref="NoticePage"/> as an HTML fragment: semantic elements and CSS classes only.
/// No script, no style attribute and no event handler is ever written (the site's CSP forbids them),
/// and every value, attribute or text, goes through the HTML encoder.
/// </summary>
internal sealed class HtmlNoticeWriter
{
    // All of Unicode passes, so Japanese stays readable in the source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const int TopHeadingLevel = 2;
    private const int LowestHeadingLevel = 6;

    private readonly StringBuilder html = new();

    private HtmlNoticeWriter() { }

    /// <param name="element">The root element: <c>article</c> for a page, <c>section</c> for a part of one.</param>
    public static string Write(NoticePage page, string element)
    {
        var writer = new HtmlNoticeWriter();
        writer.WritePage(page, element);
        return writer.html.ToString();
    }

    private void WritePage(NoticePage page, string element)
    {
        html.Append('<').Append(element).Append(" class=\"").Append(Encode(page.CssClass))
            .Append("\" lang=\"").Append(Encode(page.Lang)).Append("\">\n");
        WriteHeader(page);
        if (page.ContentsTitle is not null)
        {
            WriteContents(page.ContentsTitle, page.Sections);
        }

        foreach (var section in page.Sections)
        {
            WriteSection(section, TopHeadingLevel);
        }

        html.Append("</").Append(element).Append(">\n");
    }

    private void WriteHeader(NoticePage page)
    {
        html.Append("<header class=\"notice-header\">\n<h1>");
        WriteInline(page.Title);
        html.Append("</h1>\n");
        WriteBlocks(page.Lead, TopHeadingLevel);
        html.Append("</header>\n");
    }

    private void WriteContents(string title, IReadOnlyList<Section> sections)
    {
        html.Append("<nav class=\"notice-toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">")
            .Append(Encode(title)).Append("</h2>\n<ol>\n");
        foreach (var section in sections)
        {
            html.Append("<li><a href=\"#").Append(Encode(section.Id)).Append("\">");
            WriteInline(section.Heading);
            html.Append("</a></li>\n");
        }

        html.Append("</ol>\n</nav>\n");
    }

    private void WriteSection(Section section, int level)
    {
        var heading = Math.Min(level, LowestHeadingLevel).ToString(CultureInfo.InvariantCulture);
        html.Append("<section aria-labelledby=\"").Append(Encode(section.Id)).Append("\">\n")
            .Append("<h").Append(heading).Append(" id=\"").Append(Encode(section.Id)).Append("\">");
        WriteInline(section.Heading);
        html.Append("</h").Append(heading).Append(">\n");
        WriteBlocks(section.Body, level + 1);
        html.Append("</section>\n");
    }

    private void WriteBlocks(IEnumerable<Block> blocks, int level)
    {
        foreach (var block in blocks)
        {
            WriteBlock(block, level);
        }
    }

    private void WriteBlock(Block block, int level)
    {
        switch (block)
        {
            case Section section:
                WriteSection(section, level);
                break;
            case Paragraph paragraph:
                WriteParagraph(paragraph);
                break;
            case ItemList list:
                WriteList(list, level);
                break;
            case Facts facts:
                WriteFacts(facts, level);
                break;
            case Table table:
                WriteTable(table, level);
                break;
            default:
                throw new NotSupportedException($"No HTML for {block.GetType().Name}.");
        }
    }

    private void WriteParagraph(Paragraph paragraph)
    {
        html.Append("<p").Append(ClassAttribute(paragraph.Class)).Append('>');
        WriteInline(paragraph.Content);
        html.Append("</p>\n");
    }

    private void WriteList(ItemList list, int level)
    {
        // Items carry the policy's own markers (①, (1), ・), so the browser's bullets are switched off by class.
        var marked = list.Items.Any(item => item.Marker is not null);
        var classes = string.Join(' ', new[] { "notice-list", marked ? "marked" : null, list.Class }.OfType<string>());
        html.Append("<ul class=\"").Append(Encode(classes)).Append("\">\n");
        foreach (var item in list.Items)
        {
            html.Append("<li").Append(IdAttribute(item.Id)).Append('>');
            if (marked)
            {
                // Marker and text in two spans, so CSS can hang the text beside its marker.
                html.Append("<span class=\"marker\">").Append(Encode(item.Marker ?? "")).Append("</span><span class=\"item-text\">");
                WriteInline(item.Content);
                html.Append("</span>");
            }
            else
            {
                WriteInline(item.Content);
            }
            if (item.Children is { Count: > 0 } children)
            {
                html.Append('\n');
                WriteBlocks(children, level);
            }

            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
    }

    private void WriteFacts(Facts facts, int level)
    {
        html.Append("<dl class=\"notice-facts\">\n");
        foreach (var fact in facts.Entries)
        {
            html.Append("<div><dt>");
            WriteInline(fact.Term);
            html.Append("</dt><dd>");
            WriteFlow(fact.Value, level);
            html.Append("</dd></div>\n");
        }

        html.Append("</dl>\n");
    }

    private void WriteTable(Table table, int level)
    {
        var captionId = table.Id + "-caption";
        // The wrapper scrolls sideways on a phone; it is focusable so a keyboard can scroll it too.
        html.Append("<div class=\"notice-table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"")
            .Append(Encode(captionId)).Append("\">\n")
            .Append("<table class=\"notice-table\" id=\"").Append(Encode(table.Id)).Append("\">\n")
            .Append("<caption id=\"").Append(Encode(captionId)).Append("\">");
        WriteInline(table.Caption);
        html.Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            WriteRow(row, level);
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private void WriteRow(Row row, int level)
    {
        html.Append("<tr").Append(IdAttribute(row.Id)).Append("><th scope=\"row\">");
        WriteInline(row.Header);
        html.Append("</th>");
        foreach (var cell in row.Cells)
        {
            html.Append("<td>");
            WriteFlow(cell.Content, level);
            html.Append("</td>");
        }

        html.Append("</tr>\n");
    }

    /// <summary>A single paragraph is written bare inside a cell or definition; anything more as blocks.</summary>
    private void WriteFlow(IReadOnlyList<Block> blocks, int level)
    {
        if (blocks is [Paragraph { Class: null } only])
        {
            WriteInline(only.Content);
            return;
        }

        html.Append('\n');
        WriteBlocks(blocks, level);
    }

    private void WriteInline(Inline inline)
    {
        switch (inline)
        {
            case Text { Lang: null } text:
                html.Append(Encode(text.Value));
                break;
            case Text { Lang: { } lang } text:
                html.Append("<span lang=\"").Append(Encode(lang)).Append("\">")
                    .Append(Encode(text.Value)).Append("</span>");
                break;
            case Run run:
                foreach (var part in run.Parts)
                {
                    WriteInline(part);
                }

                break;
            case Link link:
                WriteLink(link);
                break;
            case Strong strong:
                html.Append("<strong>");
                WriteInline(strong.Content);
                html.Append("</strong>");
                break;
            case Badge badge:
                html.Append("<span class=\"badge badge-").Append(Encode(badge.Kind)).Append("\">")
                    .Append(Encode(badge.Value)).Append("</span>");
                break;
            case Date date:
                html.Append("<time datetime=\"").Append(date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append("\">").Append(Encode(date.Display)).Append("</time>");
                break;
            default:
                throw new NotSupportedException($"No HTML for {inline.GetType().Name}.");
        }
    }

    private void WriteLink(Link link)
    {
        if (!SafeHref.IsSafe(link.Href))
        {
            // A javascript: or otherwise odd address in the policy is shown as text, never followed.
            WriteInline(link.Content);
            return;
        }

        html.Append("<a href=\"").Append(Encode(link.Href)).Append('"');
        if (link.HrefLang is not null)
        {
            html.Append(" hreflang=\"").Append(Encode(link.HrefLang)).Append('"');
        }

        if (SafeHref.IsExternal(link.Href))
        {
            html.Append(" rel=\"noopener noreferrer\"");
        }

        html.Append('>');
        WriteInline(link.Content);
        html.Append("</a>");
    }

    private static string IdAttribute(string? id) => id is null ? "" : $" id=\"{Encode(id)}\"";

    private static string ClassAttribute(string? cssClass) => cssClass is null ? "" : $" class=\"{Encode(cssClass)}\"";

    private static string Encode(string value) => Encoder.Encode(value);
}
