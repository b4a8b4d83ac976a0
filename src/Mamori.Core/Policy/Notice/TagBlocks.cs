using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

/// <summary>
/// The tags and SDKs, said the same way wherever they appear: in §3(2) of the notice, in the cookie
/// inventory of /privacy/cookies and in the external-transmission list.
/// </summary>
/// <param name="onNotice">
/// True inside the notice, where §3(1) and §4 spell out the informative data and the purposes just
/// above: the table then refers to them by number (①, 4(1)⑨) to stay readable. Elsewhere they are
/// written out in full and link back to the notice.
/// </param>
internal sealed class TagBlocks(NoticeContext context, bool onNotice)
{
    private NoticeText T => context.Text;

    private string NoticePath => onNotice ? "" : context.Links.NoticeIn(context.Lang);

    /// <summary>"Consent: opt-out — on until you switch it off in the cookie settings", so a visitor knows what to do.</summary>
    public Paragraph ConsentModeParagraph(ConsentMode mode) =>
        new(Run.Of(new Strong(Plain(T.ConsentModeLabel + T.Colon + T.ConsentModeName(mode))), Plain(T.Dash + T.ConsentModeExplanation(mode))),
            "consent-mode");

    /// <summary>One row per tag: who sets it, who receives it, what it records or sends, why, and for how long.</summary>
    public Table Table(string id, Inline caption, IEnumerable<Tag> tags, bool withCategory)
    {
        List<string> columns = [T.TagName, T.Party, T.Provider];
        if (withCategory)
        {
            columns.Add(T.CookieCategory);
        }

        columns.AddRange([T.ItemsSent, T.Purposes, T.Retention, T.DmpColumn]);
        var rows = tags.ToList();
        var withNotes = rows.Any(tag => Has(tag.Note));
        if (withNotes)
        {
            columns.Add(T.Notes);
        }

        return new Table(id, caption, columns, [.. rows.Select(tag => TagRow(tag, withCategory, withNotes))]);
    }

    private Row TagRow(Tag tag, bool withCategory, bool withNotes)
    {
        List<Cell> cells = [Cell.Of(Plain(T.PartyName(tag.Party))), Cell.Of([.. ProviderBlocks(tag)])];
        if (withCategory)
        {
            cells.Add(Cell.Of(CategoryMark(tag.Category)));
        }

        cells.Add(Cell.Of(onNotice ? ItemNumbers(tag) : ItemsSent(tag)));
        cells.Add(Cell.Of(onNotice ? PurposeNumbers(tag) : Purposes(tag)));
        cells.Add(Cell.Of(context.Say(tag.Retention)));
        cells.Add(Cell.Of(Plain(tag.Dmp ? T.Yes : T.No)));
        if (withNotes)
        {
            cells.Add(new Cell([.. context.Paragraphs(tag.Note)]));
        }

        return new Row(context.Say(tag.Name), cells, Numbering.Anchor("tag", tag.Id));
    }

    /// <summary>
    /// The tag's cookie category as the notice numbers it, with its consent mode, e.g. "③ オプトアウト":
    /// the categories' long names are spelled out right above the table.
    /// </summary>
    private Inline CategoryMark(string categoryId)
    {
        if (context.Lookup.CookieCategory(categoryId) is not { } category)
        {
            return Plain(categoryId);
        }

        return Run.Of(
            new Link("#" + Numbering.Anchor("cookie-category", category.Id), Plain(Numbering.Circled(category.Number))),
            Plain(T.OpenParenthesis + T.ConsentModeName(category.Mode) + T.CloseParenthesis));
    }

    /// <summary>Who receives the data, with links to their privacy policy and opt-out where given.</summary>
    public IEnumerable<Block> ProviderBlocks(Tag tag)
    {
        yield return new Paragraph(ProviderName(tag));
        var links = new List<Inline>();
        if (!string.IsNullOrWhiteSpace(tag.PrivacyPolicyUrl))
        {
            links.Add(new Link(tag.PrivacyPolicyUrl, Plain(T.PrivacyPolicyLink)));
        }

        if (!string.IsNullOrWhiteSpace(tag.OptOutUrl))
        {
            links.Add(new Link(tag.OptOutUrl, Plain(T.OptOutLink)));
        }

        if (links.Count > 0)
        {
            yield return new Paragraph(context.Join(links), "tag-links");
        }
    }

    /// <summary>The provider named on the tag, else its recipient entry, else us for a first-party tag.</summary>
    public Inline ProviderName(Tag tag)
    {
        if (Has(tag.ProviderName))
        {
            return context.Say(tag.ProviderName);
        }

        if (context.Lookup.Recipient(tag.Provider) is { } recipient)
        {
            return context.Say(recipient.Name);
        }

        return tag.Party == Party.First ? context.Say(context.Policy.Controller.Name) : Plain(tag.Provider ?? "");
    }

    public ItemList ItemsSent(Tag tag) => new([.. tag.ItemsSent.Select(item => new Item(context.SentItemName(item)))]);

    public ItemList Purposes(Tag tag) =>
        new([.. tag.Purposes.Select(p => new Item(context.PurposeWithLabel(p, NoticePath)))]);

    /// <summary>The items as §3(1) numbers them ("①、②、⑤"), each linking to its line; an item §3(1) lacks is named in full.</summary>
    private Paragraph ItemNumbers(Tag tag) =>
        new(context.Join(tag.ItemsSent.Select(item => context.Lookup.Kind(item) is { } kind
            ? new Link("#" + Numbering.Anchor("kind", kind.Id), Plain(Numbering.Circled(kind.Number)))
            : context.SentItemName(item))));

    private Paragraph PurposeNumbers(Tag tag) => new(context.Join(tag.Purposes.Select(p => context.PurposeRef(p))));

    /// <summary>
    /// External transmission (外部送信) is data leaving the visitor's device for someone other than us:
    /// every third-party tag, and a first-party one that names a provider (e.g. a first-party cookie
    /// whose readings are sent to an analytics vendor). Our own ID sent to ourselves is exempt.
    /// </summary>
    public static bool IsExternal(Tag tag) => tag.Party == Party.Third || !string.IsNullOrWhiteSpace(tag.Provider);
}
