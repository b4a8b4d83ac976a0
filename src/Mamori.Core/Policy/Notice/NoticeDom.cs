namespace Mamori.Policy.Notice;

// A small document tree between the policy and the output formats. The builders say once *what*
// a page contains; the HTML and Markdown writers only say *how* it looks. Every string held here
// is plain text: the writers encode it, so nothing in the policy can become markup.

internal abstract record Inline;

/// <summary>Plain text; <paramref name="Lang"/> is set when it is not in the page's language.</summary>
internal sealed record Text(string Value, string? Lang = null) : Inline;

/// <summary>Several inlines in a row.</summary>
internal sealed record Run(IReadOnlyList<Inline> Parts) : Inline
{
    public static Run Of(params Inline[] parts) => new(parts);
}

internal sealed record Link(string Href, Inline Content, string? HrefLang = null) : Inline;

internal sealed record Strong(Inline Content) : Inline;

/// <summary>A short marker such as 要配慮 next to a data category; <paramref name="Kind"/> becomes a CSS class.</summary>
internal sealed record Badge(string Value, string Kind) : Inline;

internal sealed record Date(DateOnly Value, string Display) : Inline;

internal abstract record Block;

internal sealed record Paragraph(Inline Content, string? Class = null) : Block;

/// <summary>A list whose items carry their own markers (①, (1), ・) as the policy numbers them.</summary>
internal sealed record ItemList(IReadOnlyList<Item> Items, string? Class = null) : Block;

internal sealed record Item(Inline Content, string? Marker = null, string? Id = null, IReadOnlyList<Block>? Children = null);

/// <summary>Term–value pairs (a <c>dl</c>), e.g. the controller's name, address and representative.</summary>
internal sealed record Facts(IReadOnlyList<Detail> Entries) : Block;

internal sealed record Detail(Inline Term, IReadOnlyList<Block> Value)
{
    public Detail(Inline term, Inline value) : this(term, [new Paragraph(value)]) { }
}

/// <summary>A table whose first column heads each row; <paramref name="Columns"/> includes that column.</summary>
internal sealed record Table(string Id, Inline Caption, IReadOnlyList<string> Columns, IReadOnlyList<Row> Rows) : Block;

internal sealed record Row(Inline Header, IReadOnlyList<Cell> Cells, string? Id = null);

internal sealed record Cell(IReadOnlyList<Block> Content)
{
    public static Cell Of(Inline content) => new([new Paragraph(content)]);

    public static Cell Of(params Block[] content) => new(content);
}

/// <summary>A headed part of the page; sections inside its body become the next heading level.</summary>
internal sealed record Section(string Id, Inline Heading, IReadOnlyList<Block> Body) : Block;

/// <summary>A whole page: title, lead blocks, then its sections. <paramref name="ContentsTitle"/> is
/// the heading of the table of contents, or null for a page without one.</summary>
internal sealed record NoticePage(
    string Lang,
    string CssClass,
    Inline Title,
    IReadOnlyList<Block> Lead,
    IReadOnlyList<Section> Sections,
    string? ContentsTitle);
