using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

// §5 provision to third parties, §6 joint use, §7 outsourcing, §8 sensitive information.
internal sealed partial class NoticeBuilder
{
    private const string ContractorKind = "contractor";

    private Section ThirdPartySection()
    {
        var provision = Policy.ThirdParty;
        var body = new List<Block>(context.Paragraphs(provision.Statement))
        {
            new Facts(
            [
                new Detail(Plain(T.RecipientKinds), context.Join(provision.RecipientKinds.Select(k => Plain(T.RecipientKindName(k))))),
                new Detail(Plain(T.ProvisionPurposes), context.Join(provision.Purposes.Select(p => context.PurposeRef(p)))),
            ]),
        };
        body.AddRange(context.Paragraphs(provision.LinkingStatement));
        body.AddRange(context.Paragraphs(provision.CoSolicitation.Statement));
        body.Add(CoSolicitationTable());

        var recipients = Policy.Recipients.Where(r => !IsContractor(r)).ToList();
        if (recipients.Count > 0)
        {
            body.Add(RecipientTable("recipients", T.RecipientsCaption, recipients));
        }

        return Numbered(5, body);
    }

    /// <summary>The seed's six-row table of what co-solicitors (共同募集人) receive, and the exceptions ①–④.</summary>
    private Table CoSolicitationTable()
    {
        var co = Policy.ThirdParty.CoSolicitation;
        var items = Has(co.ItemsText) ? context.Say(co.ItemsText) : context.Join(co.Items.Select(context.CategoryWithBadge));
        var industry = Run.Of(context.Say(co.RecipientIndustry), Plain(T.OpenParenthesis),
            new Link(Links.CoSolicitors, Plain(T.CoSolicitorListLink)), Plain(T.CloseParenthesis));
        var other = new List<Block>(context.Paragraphs(Policy.ThirdParty.ExceptionsStatement))
        {
            new ItemList([.. Policy.ThirdParty.Exceptions.Select((e, i) =>
                new Item(context.Say(e.Label), Numbering.Circled(i + 1), Numbering.Anchor("exception", e.Id)))]),
        };

        var rowTitles = T.CoSolicitationRows;
        Cell[] cells =
        [
            Cell.Of(context.Say(co.Purpose)),
            Cell.Of(items),
            Cell.Of(context.Say(co.Means)),
            Cell.Of(industry),
            Cell.Of(context.Say(co.Contract)),
            new Cell(other),
        ];
        var rows = cells.Select((cell, i) => new Row(Plain($"{i + 1}. {rowTitles[i]}"), [cell]));
        return new Table("co-solicitation", Plain(T.CoSolicitationCaption), [T.Item, T.Details], [.. rows]);
    }

    /// <summary>Recipients with what is known of them: Art. 28 asks for the country, joint use for address and representative.</summary>
    private Table RecipientTable(string id, string caption, IEnumerable<Recipient> recipients) =>
        new(id, Plain(caption), [T.Name, T.RecipientKind, T.Address, T.Representative, T.Country, T.Relationship, T.Contract, T.Notes],
        [
            .. recipients.Select(r => new Row(
                LinkTo(r.Url, context.Say(r.Name)),
                [
                    Cell.Of(Plain(T.RecipientKindName(r.Kind))),
                    Cell.Of(r.Address is null ? Plain(T.EmptyCell) : context.Address(r.Address, r.Country)),
                    Cell.Of(r.Representative is null ? Plain(T.EmptyCell) : context.PersonName(r.Representative)),
                    Cell.Of(context.Country(r.Country)),
                    Cell.Of(Has(r.Relationship) ? context.Say(r.Relationship) : Plain(T.EmptyCell)),
                    Cell.Of(Has(r.Contract) ? context.Say(r.Contract) : Plain(T.EmptyCell)),
                    Has(r.Note) ? new Cell([.. context.Paragraphs(r.Note)]) : Cell.Of(Plain(T.EmptyCell)),
                ],
                Numbering.Anchor("recipient", r.Id))),
        ]);

    private Section JointUseSection()
    {
        var joint = Policy.JointUse;
        var body = new List<Block>(context.Paragraphs(joint.Statement))
        {
            new Facts(
            [
                new Detail(Plain(T.JointItems), context.Join(joint.Items.Select(context.CategoryWithBadge))),
                new Detail(Plain(T.JointUsers), context.Join(joint.Users.Select(u => context.RecipientName(u)))),
                new Detail(Plain(T.JointPurposes), [PurposeList(joint.Purposes)]),
                new Detail(Plain(T.ResponsibleParty), [.. ResponsibleParty(joint.ResponsibleParty)]),
            ]),
        };
        return Numbered(6, body);
    }

    /// <summary>Name, address and representative of the party responsible for joint use, as far as the policy knows them.</summary>
    private IEnumerable<Block> ResponsibleParty(string id)
    {
        var party = context.Lookup.Recipient(id);
        if (party is null)
        {
            yield return Para(Plain(id));
            yield break;
        }

        var name = party.Url is null
            ? (Inline)new Strong(context.Say(party.Name))
            : Run.Of(new Strong(context.Say(party.Name)), Plain(T.OpenParenthesis), new Link(party.Url, Plain(T.CompanyProfileLink)), Plain(T.CloseParenthesis));
        yield return Para(name);
        if (party.Address is not null)
        {
            yield return Para(LabelAndValue(T.Address, context.Address(party.Address, party.Country)));
        }

        if (party.Representative is not null)
        {
            yield return Para(LabelAndValue(T.Representative, context.PersonName(party.Representative)));
        }
    }

    private Section OutsourcingSection()
    {
        var outsourcing = Policy.Outsourcing;
        var body = new List<Block>(context.Paragraphs(outsourcing.Statement));
        var contractors = Policy.Recipients.Where(IsContractor).Concat(context.Registered.Where(r => r.Kind == ContractorKind)).ToList();
        if (contractors.Count > 0)
        {
            body.Add(RecipientTable("contractors", T.ContractorsCaption, contractors));
        }

        return Numbered(7, body);
    }

    /// <summary>Contractors are listed under §7, everyone else under §5: each recipient once.</summary>
    private bool IsContractor(Recipient recipient) =>
        recipient.Kind == ContractorKind || Policy.Outsourcing.Contractors.Contains(recipient.Id);

    private Section SensitiveDataSection()
    {
        var sensitive = Policy.SensitiveData;
        var body = new List<Block>(context.Paragraphs(sensitive.Statement))
        {
            new ItemList([.. sensitive.Grounds.Select(ground => new Item(
                GroundLabel(ground), Numbering.Circled(ground.Number), Numbering.Anchor("ground", ground.Id)))]),
        };

        // Said again from the flags, so the notice cannot drift from what Decisions enforces.
        var withoutWrittenConsent = sensitive.Grounds.Where(g => g.ProvisionWithoutWrittenConsent).Select(g => Numbering.Circled(g.Number)).ToList();
        if (withoutWrittenConsent.Count > 0)
        {
            body.Add(Para(T.WithoutWrittenConsent(string.Join(T.ListSeparator, withoutWrittenConsent)), "note"));
        }

        return Numbered(8, body);
    }

    private Inline GroundLabel(SensitiveGround ground) =>
        ground.RequiresConsent
            ? Run.Of(context.Say(ground.Label), Plain(" "), new Badge(T.ConsentBased, "consent"))
            : context.Say(ground.Label);
}
