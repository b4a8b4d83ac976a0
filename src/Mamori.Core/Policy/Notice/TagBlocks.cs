using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

/// <summary>
/// The tags and SDKs, said the same way wherever they appear: in §3(2) of the notice, in the cookie
/// inventory of /privacy/cookies and in the external-transmission list.
/// </summary>
internal sealed class TagBlocks(NoticeContext context)
{
    private NoticeText T => context.Text;

    /// <summary>"Consent: opt-out — on until you switch it off in the cookie settings", so a visitor knows what to do.</summary>
    public Paragraph ConsentModeParagraph(ConsentMode mode) =>
        new(Run.Of(new Strong(Plain(T.ConsentModeLabel + T.Colon + T.ConsentModeName(mode))), Plain(T.Dash + T.ConsentModeExplanation(mode))),
            "consent-mode");

    /// <summary>
    /// One row per tag. On the notice itself (<paramref name="noticePath"/> empty) purposes are given by
    /// their §4 reference, since §4 spells them out on the same page; elsewhere with their full label.
    /// </summary>
    public Table Table(string id, Inline caption, IEnumerable<Tag> tags, bool withCategory, string noticePath)
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

        return new Table(id, caption, columns, [.. rows.Select(tag => TagRow(tag, withCategory, withNotes, noticePath))]);
    }

    private Row TagRow(Tag tag, bool withCategory, bool withNotes, string noticePath)
    {
        List<Cell> cells = [Cell.Of(Plain(T.PartyName(tag.Party))), Cell.Of([.. ProviderBlocks(tag)])];
        if (withCategory)
        {
            cells.Add(Cell.Of(context.CookieCategoryName(tag.Category)));
        }

        Block purposes = noticePath.Length == 0
            ? new Paragraph(context.Join(tag.Purposes.Select(p => context.PurposeRef(p))))
            : Purposes(tag, noticePath);
        cells.Add(Cell.Of(ItemsSent(tag)));
        cells.Add(Cell.Of(purposes));
        cells.Add(Cell.Of(context.Say(tag.Retention)));
        cells.Add(Cell.Of(Plain(tag.Dmp ? T.Yes : T.No)));
        if (withNotes)
        {
            cells.Add(new Cell([.. context.Paragraphs(tag.Note)]));
        }

        return new Row(context.Say(tag.Name), cells, Numbering.Anchor("tag", tag.Id));
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

    public ItemList Purposes(Tag tag, string noticePath) =>
        new([.. tag.Purposes.Select(p => new Item(context.PurposeWithLabel(p, noticePath)))]);

    /// <summary>
    /// External transmission (外部送信) is data leaving the visitor's device for someone other than us:
    /// every third-party tag, and a first-party one that names a provider (e.g. a first-party cookie
    /// whose readings are sent to an analytics vendor). Our own ID sent to ourselves is exempt.
    /// </summary>
    public static bool IsExternal(Tag tag) => tag.Party == Party.Third || !string.IsNullOrWhiteSpace(tag.Provider);
}
