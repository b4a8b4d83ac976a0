using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

/// <summary>
/// The two pages about tags and SDKs: the external-transmission list (外部送信, Telecommunications
/// Business Act Art. 27-12: what is sent, to whom, why; no vague "etc.") and the cookie inventory
/// that /privacy/cookies embeds above its settings.
/// </summary>
internal sealed class ExternalTransmissionBuilder(NoticeContext context)
{
    private readonly TagBlocks tags = new(context, onNotice: false);

    private NoticeText T => context.Text;

    private List<Tag> Tags => context.Policy.Cookies.Tags;

    public NoticePage ExternalTransmissionPage()
    {
        var external = Tags.Where(TagBlocks.IsExternal).ToList();
        List<Block> lead =
        [
            new Paragraph(Plain(T.ExternalTransmissionIntro)),
            new Paragraph(new Link(context.Links.CookieSettings, Plain(T.ExternalTransmissionSettings)), "notice-action"),
        ];
        if (external.Count == 0)
        {
            lead.Add(new Paragraph(Plain(T.NoExternalTransmission)));
        }

        return new NoticePage(context.Lang, "notice notice-external", Plain(T.ExternalTransmissionTitle), lead,
            [.. external.Select(TransmissionSection)], ContentsTitle: null);
    }

    /// <summary>One tag: recipient and service, the items sent one by one, the purposes, and how to stop it.</summary>
    private Section TransmissionSection(Tag tag) =>
        new(Numbering.Anchor("et", tag.Id), context.Say(tag.Name),
        [
            new Facts(
            [
                new Detail(Plain(T.Recipient), [.. RecipientBlocks(tag)]),
                new Detail(Plain(T.Service), context.Say(tag.Name)),
                new Detail(Plain(T.ItemsSent), [tags.ItemsSent(tag)]),
                new Detail(Plain(T.Purposes), [tags.Purposes(tag)]),
                new Detail(Plain(T.CookieCategory), [new Paragraph(context.CookieCategoryName(tag.Category)), .. ConsentMode(tag)]),
                new Detail(Plain(T.Retention), context.Say(tag.Retention)),
                new Detail(Plain(T.DmpColumn), Plain(tag.Dmp ? T.Yes : T.No)),
                .. Has(tag.Note) ? [new Detail(Plain(T.Notes), [.. context.Paragraphs(tag.Note)])] : Array.Empty<Detail>(),
            ]),
        ]);

    /// <summary>The provider with its links, and where it is (APPI Art. 28 wants the country of a recipient abroad).</summary>
    private IEnumerable<Block> RecipientBlocks(Tag tag)
    {
        foreach (var block in tags.ProviderBlocks(tag))
        {
            yield return block;
        }

        if (context.Lookup.Recipient(tag.Provider) is not { } recipient)
        {
            yield break;
        }

        yield return new Paragraph(Run.Of(Plain(T.Country + T.Colon), context.Country(recipient.Country)));
        if (recipient.Address is not null)
        {
            yield return new Paragraph(Run.Of(Plain(T.Address + T.Colon), context.Address(recipient.Address, recipient.Country)));
        }

        foreach (var note in context.Paragraphs(recipient.Note, "note"))
        {
            yield return note;
        }
    }

    private IEnumerable<Block> ConsentMode(Tag tag)
    {
        if (context.Lookup.CookieCategory(tag.Category) is { } category)
        {
            yield return tags.ConsentModeParagraph(category.Mode);
        }
    }

    public NoticePage CookieInventoryPage()
    {
        var sections = context.Policy.Cookies.Categories
            .Select(category => CategorySection(category, Tags.Where(t => t.Category == category.Id)))
            .ToList();
        var uncategorised = Tags.Where(t => context.Lookup.CookieCategory(t.Category) is null).ToList();
        if (uncategorised.Count > 0)
        {
            sections.Add(new Section("cookies-other", Plain(T.UncategorisedTitle),
                [tags.Table("cookies-other-table", Plain(T.UncategorisedTitle), uncategorised, withCategory: true)]));
        }

        return new NoticePage(context.Lang, "notice notice-cookies", Plain(T.CookieInventoryTitle),
            [new Paragraph(Plain(T.CookieInventoryIntro))], sections, ContentsTitle: null);
    }

    /// <summary>A cookie category: what it is for, its consent mode, and every tag in it.</summary>
    private Section CategorySection(CookieCategory category, IEnumerable<Tag> inCategory)
    {
        var members = inCategory.ToList();
        var id = Numbering.Anchor("cookies", category.Id);
        Block list = members.Count == 0
            ? new Paragraph(Plain(T.NoTagsInCategory))
            : tags.Table(id + "-table", context.Say(category.Label), members, withCategory: false);
        return new Section(id, Run.Of(Plain(Numbering.Circled(category.Number) + " "), context.Say(category.Label)),
            [.. context.Paragraphs(category.Description), tags.ConsentModeParagraph(category.Mode), list]);
    }
}
