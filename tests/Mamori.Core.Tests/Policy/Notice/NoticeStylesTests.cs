using Mamori.Policy.Notice;
using Xunit;

namespace Mamori.Core.Tests.Policy.Notice;

public sealed class NoticeStylesTests
{
    [Fact]
    public void The_stylesheet_reads_on_a_phone_and_prints()
    {
        var css = NoticeStyles.Css;

        Assert.Contains("max-width: 48rem", css, StringComparison.Ordinal);
        Assert.Contains("overflow-x: auto", css, StringComparison.Ordinal);
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("break-inside: avoid", css, StringComparison.Ordinal);
        // Japanese fonts come first in the stack.
        Assert.Matches("font-family: \"Hiragino Kaku Gothic ProN\"", css);
    }

    [Fact]
    public void Every_class_the_pages_use_is_styled()
    {
        var policy = RepositoryPolicy.Load();
        var pages = new NoticeRenderer().RenderHtml(policy, "ja", NoticeLinks.Default)
            + new ExternalTransmissionRenderer().RenderHtml(policy, "ja", NoticeLinks.Default)
            + new ExternalTransmissionRenderer().RenderCookieInventoryHtml(policy, "ja", NoticeLinks.Default);

        var classes = System.Text.RegularExpressions.Regex.Matches(pages, "class=\"([^\"]+)\"")
            .SelectMany(m => m.Groups[1].Value.Split(' '))
            .Distinct();

        Assert.All(classes, cssClass => Assert.Contains("." + cssClass, NoticeStyles.Css, StringComparison.Ordinal));
    }
}
