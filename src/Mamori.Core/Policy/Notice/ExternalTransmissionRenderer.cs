namespace Mamori.Policy.Notice;

/// <summary>
/// Renders the tag and SDK pages from the policy's tag inventory: the external-transmission list
/// (/privacy/external-transmission) and the cookie inventory that /privacy/cookies embeds.
/// Both are HTML fragments in Japanese (the default) or English, styled by <see cref="NoticeStyles.Css"/>.
/// </summary>
public sealed class ExternalTransmissionRenderer
{
    /// <summary>Per tag or SDK that sends data off the device: the items sent, the recipient and service, the purposes.</summary>
    public string RenderHtml(PolicyDocument policy, string lang, NoticeLinks links) =>
        HtmlNoticeWriter.Write(Builder(policy, lang, links).ExternalTransmissionPage(), "article");

    /// <summary>Every tag by cookie category, with provider, items, purposes and retention: a <c>&lt;section&gt;</c> to embed.</summary>
    public string RenderCookieInventoryHtml(PolicyDocument policy, string lang, NoticeLinks links) =>
        HtmlNoticeWriter.Write(Builder(policy, lang, links).CookieInventoryPage(), "section");

    private static ExternalTransmissionBuilder Builder(PolicyDocument policy, string lang, NoticeLinks links)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(links);
        return new ExternalTransmissionBuilder(new NoticeContext(policy, lang, links));
    }
}
