namespace Mamori.Policy.Notice;

/// <summary>
/// Renders the public privacy notice (/privacy) from the policy: the seed's fourteen sections, the
/// dates and the Privacy Mark block, in Japanese (the default) or English. The HTML is an
/// <c>&lt;article&gt;</c> fragment for the host's layout, styled by <see cref="NoticeStyles.Css"/>.
/// </summary>
public sealed class NoticeRenderer
{
    /// <param name="lang">"ja" (default) or "en"; anything else is Japanese.</param>
    /// <param name="registered">Registered parties to name too: contractors in §7, parties abroad in §11(7).</param>
    public string RenderHtml(PolicyDocument policy, string lang, NoticeLinks links, IReadOnlyList<Recipient>? registered = null) =>
        HtmlNoticeWriter.Write(Build(policy, lang, links, registered), "article");

    /// <summary>The same notice as Markdown, for <c>mamori policy render --format md</c>.</summary>
    public string RenderMarkdown(PolicyDocument policy, string lang) => RenderMarkdown(policy, lang, NoticeLinks.Default);

    public string RenderMarkdown(PolicyDocument policy, string lang, NoticeLinks links) =>
        MarkdownNoticeWriter.Write(Build(policy, lang, links, null));

    private static NoticePage Build(PolicyDocument policy, string lang, NoticeLinks links, IReadOnlyList<Recipient>? registered)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(links);
        return new NoticeBuilder(new NoticeContext(policy, lang, links, registered)).Build();
    }
}
