using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.Policy.Notice;

/// <summary>
/// Writes a <see cref="NoticePage"/> as GitHub-flavoured Markdown, for <c>mamori policy render --format md</c>
/// and for reviewing a policy change as text. Characters Markdown would read as syntax are escaped.
/// </summary>
internal sealed partial class MarkdownNoticeWriter
{
    private const int TopHeadingLevel = 2;
    private const string CellBreak = "<br>";

    private readonly StringBuilder md = new();
    private readonly string lang;

    private MarkdownNoticeWriter(string lang) => this.lang = lang;

    private string Colon => lang == NoticeLanguage.English ? ": " : "：";

    public static string Write(NoticePage page)
    {
        var writer = new MarkdownNoticeWriter(page.Lang);
        writer.WritePage(page);
        // Nested blocks each end with a blank line; where several end together, one is enough.
        return ExtraBlankLines().Replace(writer.md.ToString(), "\n\n").TrimEnd() + "\n";
    }

    private void WritePage(NoticePage page)
    {
        md.Append("# ").Append(Inline(page.Title)).Append("\n\n");
        WriteBlocks(page.Lead, TopHeadingLevel, "");
        foreach (var section in page.Sections)
        {
            WriteSection(section, TopHeadingLevel);
        }
    }

    private void WriteSection(Section section, int level)
    {
        md.Append('#', Math.Min(level, 6)).Append(' ').Append(Inline(section.Heading)).Append("\n\n");
        WriteBlocks(section.Body, level + 1, "");
    }

    private void WriteBlocks(IEnumerable<Block> blocks, int level, string indent)
    {
        foreach (var block in blocks)
        {
            WriteBlock(block, level, indent);
        }
    }

    private void WriteBlock(Block block, int level, string indent)
    {
        switch (block)
        {
            case Section section:
                WriteSection(section, level);
                break;
            case Paragraph paragraph:
                md.Append(indent).Append(Inline(paragraph.Content)).Append("\n\n");
                break;
            case ItemList list:
                WriteList(list, level, indent);
                break;
            case Facts facts:
                WriteFacts(facts, level, indent);
                break;
            case Table table:
                WriteTable(table, indent);
                break;
            default:
                throw new NotSupportedException($"No Markdown for {block.GetType().Name}.");
        }
    }

    private void WriteList(ItemList list, int level, string indent)
    {
        foreach (var item in list.Items)
        {
            var marker = item.Marker is null ? "" : Escape(item.Marker) + " ";
            md.Append(indent).Append("- ").Append(marker).Append(Inline(item.Content)).Append('\n');
            WriteNested(item.Children ?? [], level, indent);
        }

        md.Append('\n');
    }

    private void WriteFacts(Facts facts, int level, string indent)
    {
        foreach (var fact in facts.Entries)
        {
            md.Append(indent).Append("- **").Append(Inline(fact.Term)).Append("**");
            if (fact.Value is [Paragraph only])
            {
                md.Append(Colon).Append(Inline(only.Content)).Append('\n');
                continue;
            }

            md.Append(Colon.TrimEnd()).Append('\n');
            WriteNested(fact.Value, level, indent);
        }

        md.Append('\n');
    }

    /// <summary>
    /// Blocks inside a list item, indented under it. A blank line first makes them paragraphs of
    /// their own: without it, Markdown would run a note on into the item's text.
    /// </summary>
    private void WriteNested(IReadOnlyList<Block> blocks, int level, string indent)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        md.Append('\n');
        WriteBlocks(blocks, level, indent + "  ");
    }

    private void WriteTable(Table table, string indent)
    {
        md.Append(indent).Append("**").Append(Inline(table.Caption)).Append("**\n\n");
        md.Append(indent).Append("| ").AppendJoin(" | ", table.Columns.Select(Escape)).Append(" |\n");
        md.Append(indent).Append('|').Append(string.Concat(table.Columns.Select(_ => " --- |"))).Append('\n');
        foreach (var row in table.Rows)
        {
            var cells = row.Cells.Select(cell => CellText(cell.Content)).Prepend(Inline(row.Header));
            md.Append(indent).Append("| ").AppendJoin(" | ", cells).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>A pipe table holds one line per cell, so blocks are flattened with line breaks.</summary>
    private string CellText(IEnumerable<Block> blocks) =>
        string.Join(CellBreak, blocks.SelectMany(CellLines));

    private IEnumerable<string> CellLines(Block block) => block switch
    {
        Paragraph paragraph => [Inline(paragraph.Content)],
        ItemList list => list.Items.SelectMany(item =>
            (item.Children ?? []).SelectMany(CellLines)
                .Prepend((item.Marker is null ? "・" : Escape(item.Marker) + " ") + Inline(item.Content))),
        Facts facts => facts.Entries.Select(fact =>
            Inline(fact.Term) + Colon + string.Join(" ", fact.Value.SelectMany(CellLines))),
        _ => throw new NotSupportedException($"No Markdown table cell for {block.GetType().Name}."),
    };

    private static string Inline(Inline inline) => inline switch
    {
        Text text => Escape(text.Value),
        Run run => string.Concat(run.Parts.Select(Inline)),
        Link link when SafeHref.IsSafe(link.Href) => $"[{Inline(link.Content)}](<{link.Href.Replace(">", "%3E", StringComparison.Ordinal)}>)",
        Link link => Inline(link.Content),
        Strong strong => $"**{Inline(strong.Content)}**",
        Badge badge => $"〔{Escape(badge.Value)}〕",
        Date date => Escape(date.Display),
        _ => throw new NotSupportedException($"No Markdown for {inline.GetType().Name}."),
    };

    // Every punctuation mark Markdown may read as syntax is escaped, so policy text stays literal.
    // Angle brackets become entities rather than "\<": no tag text survives even in a renderer that
    // passes HTML through. Line breaks would end a list item or a table row, so they become spaces.
    private static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\r' or '\n' => escaped.Append(' '),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '&' => escaped.Append('\\').Append(c),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ExtraBlankLines();
}
