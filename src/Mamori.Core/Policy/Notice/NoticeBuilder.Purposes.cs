using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

// §4: the purposes of use, grouped by whose information it is, then the data categories they use.
internal sealed partial class NoticeBuilder
{
    private Section PurposesSection()
    {
        var anchored = new HashSet<string>(StringComparer.Ordinal);
        var body = LeadIn(Policy.PurposesStatement, T.PurposesIntro);
        var groups = 0;
        foreach (var kind in Policy.SubjectKinds)
        {
            groups++;
            var marker = Numbering.Within(kind.Ref, "4", Numbering.Parenthesised(groups));
            body.Add(new Section(Numbering.Anchor("s4", kind.Id), Run.Of(Plain(marker + " "), SubjectKindTitle(kind)),
                [PurposeItems(TopLevelPurposes(p => p.SubjectKinds.Contains(kind.Id)), kind.Ref, anchored)]));
        }

        // Purposes no listed subject kind claims are still purposes of this policy: they must be published too.
        var known = Policy.SubjectKinds.Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        var unclaimed = TopLevelPurposes(p => !p.SubjectKinds.Any(known.Contains)).ToList();
        if (unclaimed.Count > 0)
        {
            body.Add(new Section("s4-other", Plain(T.OtherPurposesTitle), [PurposeItems(unclaimed, "4", anchored)]));
        }

        body.AddRange(context.Paragraphs(Policy.AnalysisNote, "note"));
        body.Add(CategoriesSection());
        return Numbered(4, body);
    }

    /// <summary>"保険代理店事業におけるお客様の個人情報", "従業者の個人情報（派遣社員、アルバイト、退職者を含む）".</summary>
    private Run SubjectKindTitle(SubjectKind kind)
    {
        var title = new List<Inline> { context.Say(kind.Label), Plain(T.PersonalInformationOfSuffix) };
        if (Has(kind.Includes))
        {
            title.AddRange([Plain(T.OpenParenthesis), context.Say(kind.Includes), Plain(T.CloseParenthesis)]);
        }

        return new Run(title);
    }

    /// <summary>Purposes matching <paramref name="belongs"/> that are not nested under another purpose.</summary>
    private IEnumerable<Purpose> TopLevelPurposes(Func<Purpose, bool> belongs) =>
        Policy.Purposes.Where(p => belongs(p) && context.Lookup.Purpose(p.Parent ?? "") is null);

    private ItemList PurposeItems(IEnumerable<Purpose> purposes, string groupRef, HashSet<string> anchored) =>
        new([.. purposes.Select((purpose, index) => PurposeItem(
            purpose, Numbering.Within(purpose.Ref, groupRef, Numbering.Circled(index + 1)), anchored))], "purposes");

    /// <summary>
    /// One purpose with its ※ mark and provision badge, and the uses nested under it (①'s five uses).
    /// A purpose shared by two subject kinds appears under both, but only the first carries its anchor.
    /// </summary>
    private Item PurposeItem(Purpose purpose, string marker, HashSet<string> anchored)
    {
        var content = new List<Inline> { context.Say(purpose.Label) };
        if (purpose.UsesAnalysis)
        {
            content.Add(Plain(T.AnalysisMark));
        }

        if (purpose.IsProvision)
        {
            content.AddRange([Plain(" "), new Badge(T.ProvisionBadge, "provision")]);
        }

        var anchor = Numbering.Anchor("purpose", purpose.Id);
        var uses = Policy.Purposes.Where(p => p.Parent == purpose.Id).ToList();
        List<Block> children = uses.Count == 0
            ? []
            : [new ItemList([.. uses.Select(use => PurposeItem(use, T.UseMarker, anchored))])];
        return new Item(new Run(content), marker, anchored.Add(anchor) ? anchor : null, children);
    }

    /// <summary>Every data category, marked 要配慮 / 機微 where sensitive, with the purposes that use it.</summary>
    private Section CategoriesSection()
    {
        var rows = Policy.DataCategories.Select(category => new Row(
            context.Say(category.Label),
            [
                Cell.Of(CategoryClass(category)),
                Cell.Of(UsedBy(category)),
            ],
            Numbering.Anchor("category", category.Id)));
        return new Section("s4-categories", Plain(T.CategoriesTitle),
        [
            Para(T.CategoriesIntro),
            Para(T.SensitivityLegend, "note"),
            new Table("categories", Plain(T.CategoriesCaption), [T.Category, T.Classification, T.UsedFor], [.. rows]),
        ]);
    }

    /// <summary>The §4 purposes that use a category; a dash where none does (it is used elsewhere, e.g. §9(5) or §8).</summary>
    private Inline UsedBy(DataCategory category)
    {
        var purposes = context.Lookup.PurposesUsing(category.Id).Select(p => context.PurposeRef(p.Id)).ToList();
        return purposes.Count == 0 ? Plain(T.EmptyCell) : context.Join(purposes);
    }

    private Inline CategoryClass(DataCategory category)
    {
        var marks = new List<Inline>();
        if (category.Sensitive)
        {
            marks.Add(context.SensitivityBadge(category.Sensitivity));
        }

        if (category.Informative)
        {
            marks.Add(Plain(T.InformativeData));
        }

        return marks.Count == 0 ? Plain(T.OrdinaryPersonalInformation) : context.Join(marks);
    }
}
