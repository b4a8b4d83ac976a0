using System.Globalization;
using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

/// <summary>
/// Lays the policy out as the public notice: the seed's fourteen sections with their headings and
/// numbering, then the dates and the Privacy Mark block. One method per section, spread over the
/// partial files by theme; each says what the section contains, never how it looks.
/// </summary>
internal sealed partial class NoticeBuilder(NoticeContext context)
{
    private PolicyDocument Policy => context.Policy;

    private NoticeText T => context.Text;

    private NoticeLinks Links => context.Links;

    public NoticePage Build() => new(
        context.Lang,
        "notice",
        context.Say(Policy.Title),
        Lead(),
        [
            ControllerSection(),
            AcquisitionSection(),
            WebDataSection(),
            PurposesSection(),
            ThirdPartySection(),
            JointUseSection(),
            OutsourcingSection(),
            SensitiveDataSection(),
            RequestsSection(),
            RefusalSection(),
            SecuritySection(),
            InquiriesSection(),
            VoluntarinessSection(),
            ScopeSection(),
            DatesSection(),
            PrivacyMarkSection(),
        ],
        T.Contents);

    /// <summary>The preamble, the dates at a glance, and links to earlier versions and the other language.</summary>
    private List<Block> Lead()
    {
        var other = NoticeLanguage.Other(context.Lang);
        var otherText = NoticeText.For(other);
        var meta = Run.Of(
            LabelAndValue(T.Established, context.Date(Policy.Established)),
            Plain(T.Spacer),
            LabelAndValue(T.LastRevised, context.Date(LastRevised())),
            Plain(T.Spacer),
            new Link(Links.EarlierVersions, Plain(T.EarlierVersions)),
            Plain(T.Spacer),
            new Link(Links.NoticeIn(other), new Text(otherText.LanguageName, other), other));

        return [.. context.Paragraphs(Policy.Preamble), new Paragraph(meta, "notice-meta")];
    }

    /// <summary>The last revision's date; a policy never revised was last set when it took effect.</summary>
    private DateOnly LastRevised() =>
        Policy.Revisions.Count > 0 ? Policy.Revisions.Max(r => r.Date) : Policy.EffectiveFrom;

    /// <summary>A numbered section of the seed: id "s<paramref name="number"/>", heading "n. title".</summary>
    private Section Numbered(int number, IEnumerable<Block> body) =>
        new("s" + number.ToString(CultureInfo.InvariantCulture),
            Plain(number.ToString(CultureInfo.InvariantCulture) + ". " + T.SectionTitles[number - 1]),
            [.. body]);

    /// <summary>A sub-section "(n) title" with id "s{section}-{n}"; <paramref name="marker"/> overrides "(n)" where the policy numbers it.</summary>
    private static Section Sub(int section, int number, Inline title, IEnumerable<Block> body, string? marker = null) =>
        new($"s{section.ToString(CultureInfo.InvariantCulture)}-{number.ToString(CultureInfo.InvariantCulture)}",
            Run.Of(Plain((marker ?? Numbering.Parenthesised(number)) + " "), title),
            [.. body]);

    private static Section Sub(int section, int number, string title, IEnumerable<Block> body) =>
        Sub(section, number, Plain(title), body);

    /// <summary>"label：value", as the seed writes 制定：2005年04月01日.</summary>
    private Run LabelAndValue(string label, Inline value) => Run.Of(Plain(label + T.Colon), value);

    private static Paragraph Para(Inline content, string? cssClass = null) => new(content, cssClass);

    private static Paragraph Para(string content, string? cssClass = null) => new(Plain(content), cssClass);

    /// <summary>The policy's own lead-in to a section, or the seed's wording where an older policy has none.</summary>
    private List<Block> LeadIn(LocalizedText statement, string fallback) =>
        Has(statement) ? [.. context.Paragraphs(statement)] : [Para(fallback)];

    /// <summary>A plain bulleted list of inlines.</summary>
    private static ItemList Bullets(IEnumerable<Inline> items) => new([.. items.Select(i => new Item(i))]);

    private ItemList PurposeList(IEnumerable<string> purposeIds) =>
        Bullets(purposeIds.Select(id => context.PurposeWithLabel(id)));
}
