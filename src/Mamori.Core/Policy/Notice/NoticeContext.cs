using System.Text.RegularExpressions;

namespace Mamori.Policy.Notice;

/// <summary>
/// What every builder needs while turning the policy into a page: the language, its labels, the
/// links, the id lookups, and small helpers that say a policy value in that language.
/// </summary>
internal sealed partial class NoticeContext
{
    public NoticeContext(PolicyDocument policy, string lang, NoticeLinks links, IReadOnlyList<Recipient>? registered = null)
    {
        Policy = policy;
        Registered = registered ?? [];
        Lang = NoticeLanguage.Normalize(lang);
        Text = NoticeText.For(Lang);
        Links = links;
        Lookup = new PolicyLookup(policy);
    }

    public PolicyDocument Policy { get; }

    /// <summary>Parties of the registry the notice names beside the policy's own recipients: contractors (§7) and
    /// parties abroad (§11(7)).</summary>
    public IReadOnlyList<Recipient> Registered { get; }

    public string Lang { get; }

    public NoticeText Text { get; }

    public NoticeLinks Links { get; }

    public PolicyLookup Lookup { get; }

    public bool IsEnglish => Lang == NoticeLanguage.English;

    public static bool Has(LocalizedText? text) =>
        !string.IsNullOrWhiteSpace(text?.Ja) || !string.IsNullOrWhiteSpace(text?.En);

    /// <summary>
    /// A policy text in the page's language. Where that language is missing the other one is shown,
    /// marked with its own lang so a screen reader switches voice: better than a gap in a legal notice.
    /// </summary>
    public Inline Say(LocalizedText? text)
    {
        if (text is null)
        {
            return Plain("");
        }

        var own = text.In(Lang);
        if (!string.IsNullOrWhiteSpace(own))
        {
            return Plain(own.Trim());
        }

        var other = NoticeLanguage.Other(Lang);
        return new Text(text.In(other).Trim(), other);
    }

    /// <summary>A policy text as paragraphs: a blank line in the text starts a new one.</summary>
    public IEnumerable<Block> Paragraphs(LocalizedText? text, string? cssClass = null)
    {
        if (!Has(text))
        {
            yield break;
        }

        var said = (Text)Say(text);
        foreach (var part in BlankLine().Split(said.Value).Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            yield return new Paragraph(said with { Value = part.Trim() }, cssClass);
        }
    }

    public static Text Plain(string value) => new(value);

    public Inline Date(DateOnly date) => new Date(date, Text.FormatDate(date));

    /// <summary>
    /// "〒105-0004 東京都…" in Japanese; "…, Tokyo 105-0004" in English. An address abroad keeps its
    /// own order, the postal code last, and never takes the 〒 mark.
    /// </summary>
    public Inline Address(PostalAddress? address, string country = "JP")
    {
        if (address is null)
        {
            return Plain("");
        }

        var text = Say(address.Text);
        var code = address.PostalCode.Trim();
        if (code.Length == 0)
        {
            return text;
        }

        var japanese = country.Equals("JP", StringComparison.OrdinalIgnoreCase);
        return japanese && Text.PostalCodeFirst ? Run.Of(Plain("〒" + code + " "), text) : Run.Of(text, Plain(" " + code));
    }

    public Inline PersonName(Person? person) =>
        person is null ? Plain("") : Run.Of(Say(person.Title), Plain(" "), Say(person.Name));

    /// <summary>Items in a row: 「、」 between them in Japanese, ", " in English.</summary>
    public Inline Join(IEnumerable<Inline> items)
    {
        var parts = new List<Inline>();
        foreach (var item in items)
        {
            if (parts.Count > 0)
            {
                parts.Add(Plain(Text.ListSeparator));
            }

            parts.Add(item);
        }

        return new Run(parts);
    }

    /// <summary>A purpose's place in §4, e.g. "4(1)⑨", linking to it on the notice.</summary>
    public Inline PurposeRef(string id, string noticePath = "")
    {
        var purpose = Lookup.Purpose(id);
        var label = purpose is null || string.IsNullOrWhiteSpace(purpose.Ref) ? id : purpose.Ref;
        return purpose is null ? Plain(label) : new Link(noticePath + "#" + Numbering.Anchor("purpose", id), Plain(label));
    }

    /// <summary>A purpose with its reference and full label, e.g. "4(1)⑨ 効果的な広告配信…".</summary>
    public Inline PurposeWithLabel(string id, string noticePath = "")
    {
        var purpose = Lookup.Purpose(id);
        return purpose is null ? Plain(id) : Run.Of(PurposeRef(id, noticePath), Plain(" "), Say(purpose.Label));
    }

    public Inline CategoryName(string id)
    {
        var category = Lookup.Category(id);
        return category is null ? Plain(id) : Say(category.Label);
    }

    /// <summary>A data category with a 要配慮 or 機微 badge when it is sensitive.</summary>
    public Inline CategoryWithBadge(string id)
    {
        var category = Lookup.Category(id);
        return category is null || !category.Sensitive
            ? CategoryName(id)
            : Run.Of(Say(category.Label), Plain(" "), SensitivityBadge(category.Sensitivity));
    }

    public Inline SensitivityBadge(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.SpecialCare => new Badge(Text.SpecialCare, "special-care"),
        Sensitivity.Kibi => new Badge(Text.Kibi, "kibi"),
        _ => Plain(""),
    };

    public Inline RecipientName(string? id)
    {
        var recipient = Lookup.Recipient(id);
        return recipient is null ? Plain(id ?? "") : Say(recipient.Name);
    }

    /// <summary>What a tag sends, named precisely: an informative kind, else a data category, else the id itself.</summary>
    public Inline SentItemName(string id)
    {
        var kind = Lookup.Kind(id);
        return kind is not null ? Say(kind.Label) : CategoryName(id);
    }

    public Inline CookieCategoryName(string id)
    {
        var category = Lookup.CookieCategory(id);
        return category is null ? Plain(id) : Say(category.Label);
    }

    public Inline Country(string? code) => Plain(Text.CountryName(code));

    /// <summary>A link whose text is a policy value or a label; unsafe addresses are written as text by the writers.</summary>
    public static Inline LinkTo(string? href, Inline content) =>
        string.IsNullOrWhiteSpace(href) ? content : new Link(href, content);

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();
}
