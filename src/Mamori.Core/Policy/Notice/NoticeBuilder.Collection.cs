using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

// §1 who we are, §2 how we obtain personal information, §3 data from the use of our sites and apps.
internal sealed partial class NoticeBuilder
{
    private Section ControllerSection()
    {
        var controller = Policy.Controller;
        return Numbered(1,
        [
            new Facts(
            [
                new Detail(Plain(T.Name), LegalName()),
                new Detail(Plain(T.Address), context.Address(controller.Address)),
                new Detail(Plain(T.Representative), context.PersonName(controller.Representative)),
                new Detail(Plain(T.PrivacyOfficer), context.Say(controller.PrivacyOfficer)),
                new Detail(Plain(T.Contact), new Link(Links.InquiryForm, context.Say(controller.ContactWindow.Name))),
            ]),
        ]);
    }

    /// <summary>The controller's name; the English notice adds the Japanese legal name, the one registered.</summary>
    private Inline LegalName()
    {
        var name = Policy.Controller.Name;
        return context.IsEnglish && !string.IsNullOrWhiteSpace(name.Ja) && name.Ja != name.En
            ? Run.Of(context.Say(name), Plain(" ("), new Text(name.Ja, NoticeLanguage.Japanese), Plain(")"))
            : context.Say(name);
    }

    private Section AcquisitionSection() => Numbered(2,
    [
        new ItemList([.. Policy.AcquisitionChannels.Select((channel, index) => new Item(
            context.Say(channel.Label),
            Numbering.Within(channel.Ref, "2", Numbering.Parenthesised(index + 1)),
            Numbering.Anchor("channel", channel.Id),
            [.. context.Paragraphs(channel.Note)]))]),
    ]);

    private Section WebDataSection() => Numbered(3,
    [
        Sub(3, 1, T.InformativeDataTitle, InformativeDataBody()),
        Sub(3, 2, T.CookiesTitle, CookiesBody()),
        Sub(3, 3, T.DeviceIdentifiersTitle, DeviceIdentifiersBody()),
        Sub(3, 4, T.LocationTitle, LocationBody()),
    ]);

    private List<Block> InformativeDataBody()
    {
        var data = Policy.InformativeData;
        var body = new List<Block>(context.Paragraphs(data.Definition));
        if (data.LinkingPurposes.Count > 0)
        {
            body.Add(Para(T.LinkingPurposesIntro));
            body.Add(Bullets(data.LinkingPurposes.Select(p => context.Say(p.Label))));
        }

        body.AddRange(context.Paragraphs(data.LinkingStatement));
        body.Add(Para(T.InformativeKindsIntro));
        body.Add(new ItemList([.. data.Kinds.Select(kind => new Item(
            context.Say(kind.Label), Numbering.Circled(kind.Number), Numbering.Anchor("kind", kind.Id)))]));
        return body;
    }

    private List<Block> CookiesBody()
    {
        var cookies = Policy.Cookies;
        var tags = new TagBlocks(context, onNotice: true);
        var body = new List<Block>(context.Paragraphs(cookies.Definition));
        if (cookies.Mechanisms.Count > 0)
        {
            body.Add(Para(T.MechanismsIntro));
            body.Add(Bullets(cookies.Mechanisms.Select(m => context.Say(m.Label))));
        }

        body.Add(Para(T.CookieCategoriesIntro));
        body.Add(new ItemList([.. cookies.Categories.Select(category => new Item(
            new Strong(context.Say(category.Label)),
            Numbering.Circled(category.Number),
            Numbering.Anchor("cookie-category", category.Id),
            [.. context.Paragraphs(category.Description), tags.ConsentModeParagraph(category.Mode)]))]));
        body.Add(Para(new Link(Links.CookieSettings, Plain(T.CookieSettingsLink))));
        body.AddRange(context.Paragraphs(cookies.ThirdPartyStatement));
        body.AddRange(DmpBlocks(cookies.Dmp));
        body.Add(tags.Table("tags", Plain(T.TagsCaption), cookies.Tags, withCategory: true));
        body.Add(Para(new Link(Links.ExternalTransmission, Plain(T.ExternalTransmissionLink))));
        return body;
    }

    private List<Block> DmpBlocks(Dmp dmp)
    {
        var blocks = new List<Block>(context.Paragraphs(dmp.Statement));
        if (!dmp.Used)
        {
            blocks.Add(Para(T.DmpNotUsed));
        }

        if (!string.IsNullOrWhiteSpace(dmp.OptOutUrl))
        {
            // The seed sets this link apart as its own heading-like line; a strong paragraph keeps it prominent.
            blocks.Add(Para(new Strong(new Link(dmp.OptOutUrl, Plain(T.DmpOptOutLink))), "notice-action"));
        }

        return blocks;
    }

    private List<Block> DeviceIdentifiersBody()
    {
        var ids = Policy.DeviceIdentifiers;
        var body = new List<Block>(context.Paragraphs(ids.Statement))
        {
            new Facts(
            [
                new Detail(Plain(T.Apps), context.Join(ids.Platforms.Select(p => Plain(T.PlatformName(p))))),
                new Detail(Plain(T.AdIdentifiers), context.Join(ids.AdIdentifiers.Select(a => context.Say(a.Label)))),
                new Detail(Plain(T.DeviceIdentifierPurposes), [PurposeList(ids.Purposes)]),
                new Detail(Plain(T.AdIdentifierPurposes), [PurposeList(ids.AdIdentifierPurposes)]),
            ]),
        };
        body.AddRange(context.Paragraphs(ids.OptOut));
        return body;
    }

    private List<Block> LocationBody()
    {
        var location = Policy.Location;
        var consent = location.ConsentRequired ? T.LocationConsentOnly : T.LocationWithoutConsent;
        var body = new List<Block> { Para(new Strong(Plain(consent))) };
        body.AddRange(context.Paragraphs(location.Statement));
        body.Add(new Facts([new Detail(Plain(T.LocationPurposes), [PurposeList(location.Purposes)])]));
        body.AddRange(context.Paragraphs(location.OptOut));
        return body;
    }
}
