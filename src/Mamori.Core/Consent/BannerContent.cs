using Mamori.Policy;
using Mamori.Policy.Notice;

namespace Mamori.Consent;

/// <summary>What the consent banner and its settings dialog show, from the policy, in one language.</summary>
/// <param name="Headings">The notice's own words for a tag's provider, items, purposes and retention.</param>
public sealed record BannerContent(string Lang, BannerHeadings Headings, IReadOnlyList<BannerCategory> Categories)
{
    public static BannerContent For(PolicyDocument policy, string lang)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var words = new PolicyWords(policy, lang);
        var text = NoticeText.For(words.Lang);
        var headings = new BannerHeadings(text.Provider, text.ItemsSent, text.Purposes, text.Retention);
        var categories = policy.Cookies.Categories.Select(c => new BannerCategory(
            c.Id,
            PolicyYamlConventions.EnumName(c.Mode),
            words.Say(c.Label),
            words.Say(c.Description),
            text.ConsentModeName(c.Mode),
            text.ConsentModeExplanation(c.Mode),
            [.. policy.Cookies.Tags.Where(t => t.Category == c.Id).Select(t => new BannerTag(
                words.Say(t.Name),
                words.Provider(t),
                [.. t.ItemsSent.Select(words.Item)],
                [.. t.Purposes.Select(words.Purpose)],
                words.Say(t.Retention)))]));
        return new BannerContent(words.Lang, headings, [.. categories]);
    }
}

public sealed record BannerHeadings(string Provider, string Items, string Purposes, string Retention);

/// <param name="Mode">necessary, opt_out or opt_in, as the policy file spells it.</param>
public sealed record BannerCategory(string Id, string Mode, string Label, string Description, string ModeName, string ModeExplanation,
    IReadOnlyList<BannerTag> Tags);

public sealed record BannerTag(string Name, string Provider, IReadOnlyList<string> Items, IReadOnlyList<string> Purposes, string Retention);
