using System.Text.RegularExpressions;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Xunit;
using static Mamori.Core.Tests.Policy.Notice.RenderedHtml;

namespace Mamori.Core.Tests.Policy.Notice;

/// <summary>The external-transmission list (外部送信) and the cookie inventory of /privacy/cookies.</summary>
public sealed class ExternalTransmissionRendererTests
{
    private readonly ExternalTransmissionRenderer renderer = new();

    public static TheoryData<string, string> PoliciesAndLanguages => NoticeCoverageTests.PoliciesAndLanguages;

    [Theory]
    [MemberData(nameof(PoliciesAndLanguages))]
    public void Each_tag_sending_data_off_the_device_lists_its_items_recipient_service_and_purposes(string source, string lang)
    {
        var policy = NoticeCoverageTests.Load(source);
        var html = renderer.RenderHtml(policy, lang, NoticeLinks.Default);

        foreach (var tag in policy.Cookies.Tags)
        {
            var external = tag.Party == Party.Third || !string.IsNullOrEmpty(tag.Provider);
            Assert.Equal(external, html.Contains($"id=\"et-{tag.Id}\"", StringComparison.Ordinal));
            if (!external)
            {
                continue;
            }

            var section = VisibleText(ElementWithId(html, "et-" + tag.Id, "</section>"));
            var recipient = policy.Recipients.FirstOrDefault(r => r.Id == tag.Provider);
            Assert.Contains(Collapse((tag.ProviderName ?? recipient?.Name)!.In(lang)), section, StringComparison.Ordinal);
            Assert.Contains(Collapse(tag.Name.In(lang)), section, StringComparison.Ordinal);
            Assert.Contains(Collapse(tag.Retention.In(lang)), section, StringComparison.Ordinal);
            Assert.All(tag.ItemsSent, item => Assert.Contains(
                Collapse(policy.InformativeData.Kinds.Single(k => k.Id == item).Label.In(lang)), section, StringComparison.Ordinal));
            Assert.All(tag.Purposes, purpose => Assert.Contains(
                Collapse(policy.Purposes.Single(p => p.Id == purpose).Label.In(lang)), section, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(PoliciesAndLanguages))]
    public void The_cookie_inventory_lists_every_tag_under_its_category_with_provider_items_purposes_and_retention(string source, string lang)
    {
        var policy = NoticeCoverageTests.Load(source);
        var html = renderer.RenderCookieInventoryHtml(policy, lang, NoticeLinks.Default);

        Assert.StartsWith($"<section class=\"notice notice-cookies\" lang=\"{lang}\">", html, StringComparison.Ordinal);
        foreach (var tag in policy.Cookies.Tags)
        {
            var category = ElementWithId(html, "cookies-" + tag.Category, "</section>");
            var row = VisibleText(ElementWithId(category, "tag-" + tag.Id, "</tr>"));
            Assert.Contains(Collapse(tag.Name.In(lang)), row, StringComparison.Ordinal);
            Assert.Contains(Collapse(tag.Retention.In(lang)), row, StringComparison.Ordinal);
            Assert.All(tag.ItemsSent, item => Assert.Contains(
                Collapse(policy.InformativeData.Kinds.Single(k => k.Id == item).Label.In(lang)), row, StringComparison.Ordinal));
            Assert.All(tag.Purposes, purpose => Assert.Contains(
                Collapse(policy.Purposes.Single(p => p.Id == purpose).Label.In(lang)), row, StringComparison.Ordinal));
        }

        Assert.All(policy.Cookies.Categories, category => Assert.Contains(
            Collapse(category.Description.In(lang)), VisibleText(html), StringComparison.Ordinal));
    }

    [Fact]
    public void Purposes_on_the_tag_pages_link_back_to_the_notice_in_the_same_language()
    {
        var html = renderer.RenderHtml(NoticeFixture.Create(), "en", NoticeLinks.Default);

        Assert.Contains("<a href=\"/privacy?lang=en#purpose-ads\">4(1)③</a> Ad delivery", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void The_tag_pages_write_no_script_no_style_and_encode_markup(string lang)
    {
        var hostile = NoticeFixture.Hostile();
        hostile.Cookies.Tags[1].OptOutUrl = NoticeFixture.JavascriptUrl;

        foreach (var html in new[]
        {
            renderer.RenderHtml(hostile, lang, NoticeLinks.Default),
            renderer.RenderCookieInventoryHtml(hostile, lang, NoticeLinks.Default),
        })
        {
            AssertCspSafe(html);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }

        var clean = renderer.RenderHtml(RepositoryPolicy.Load(), lang, NoticeLinks.Default);
        Assert.DoesNotContain(" style=", clean, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+=", RegexOptions.IgnoreCase), clean);
    }

    [Fact]
    public void Without_external_tags_the_list_says_so()
    {
        var policy = NoticeFixture.Create();
        policy.Cookies.Tags.RemoveAll(t => t.Party == Party.Third);

        var html = renderer.RenderHtml(policy, "ja", NoticeLinks.Default);

        Assert.Contains("外部の事業者へ情報を送信するタグ・SDKはありません", html, StringComparison.Ordinal);
    }
}
