using System.Text.RegularExpressions;
using Mamori.Policy;
using Mamori.Policy.Notice;
using Xunit;
using static Mamori.Core.Tests.Policy.Notice.RenderedHtml;

namespace Mamori.Core.Tests.Policy.Notice;

/// <summary>The notice's layout, its safety under the site's CSP, and what it says about particular facts.</summary>
public sealed class NoticeRendererTests
{
    private static readonly string[] JapaneseHeadings =
    [
        "1. 個人情報取扱い事業者",
        "2. 個人情報の取得",
        "3. ウェブサイトまたはアプリの利用に関するデータの取得及び利用",
        "4. 個人情報及びインフォーマティブデータの利用目的",
        "5. 個人情報の第三者提供に関する事項",
        "6. 当社グループ会社との共同利用",
        "7. 業務委託に関する事項",
        "8. 機微情報の取扱い",
        "9. 保有個人データに関する利用目的の通知・開示・訂正・追加・削除・利用の停止・消去・提供停止の請求及び第三者提供記録に関する開示請求（以下、総称して「開示等の請求等」といいます。）に応じる手続き",
        "10. 「開示等の請求等」に応じない事由",
        "11. 安全管理措置",
        "12. 苦情および個人情報保護方針・個人情報の取扱いに関する問い合わせの受付窓口",
        "13. 個人情報の任意性",
        "14. 本ポリシーの適用範囲について",
    ];

    private readonly NoticeRenderer renderer = new();

    private static PolicyDocument RealPolicy => Mamori.Core.Tests.RepositoryPolicy.Load();

    [Fact]
    public void The_Japanese_notice_has_the_seeds_fourteen_headings_in_order_with_ids_and_a_table_of_contents()
    {
        var html = renderer.RenderHtml(RealPolicy, "ja", NoticeLinks.Default);

        var positions = JapaneseHeadings.Select((heading, i) =>
        {
            var tag = $"<h2 id=\"s{i + 1}\">{heading}</h2>";
            Assert.Contains(tag, WebDecode(html), StringComparison.Ordinal);
            Assert.Contains($"<a href=\"#s{i + 1}\">", html, StringComparison.Ordinal);
            return WebDecode(html).IndexOf(tag, StringComparison.Ordinal);
        }).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<nav class=\"notice-toc\"", html, StringComparison.Ordinal);
        Assert.StartsWith("<article class=\"notice\" lang=\"ja\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_English_notice_is_marked_English_and_numbers_its_sections_the_same_way()
    {
        var html = renderer.RenderHtml(RealPolicy, "en", NoticeLinks.Default);

        Assert.StartsWith("<article class=\"notice\" lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"s1\">1. Business handling personal information</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"s14\">14. Scope of this policy</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Established: <time datetime=\"2005-04-01\">April 1, 2005</time>", html, StringComparison.Ordinal);
        Assert.Contains("Last revised: <time datetime=\"2024-07-01\">July 1, 2024</time>", html, StringComparison.Ordinal);
        // The registered legal name stands beside the English one, marked as Japanese.
        Assert.Contains("<span lang=\"ja\">株式会社カカコム・インシュアランス</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/privacy\" hreflang=\"ja\"><span lang=\"ja\">日本語</span></a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void The_notice_writes_no_script_no_style_and_no_event_handler(string lang)
    {
        foreach (var policy in new[] { RealPolicy, NoticeFixture.Create() })
        {
            var html = renderer.RenderHtml(policy, lang, NoticeLinks.Default);

            AssertCspSafe(html);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(new Regex(@"\son[a-z]+=", RegexOptions.IgnoreCase), html);
        }
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Markup_in_the_policy_is_shown_as_text_never_run(string lang)
    {
        var policy = NoticeFixture.Hostile();
        policy.Cookies.Tags[1].OptOutUrl = NoticeFixture.JavascriptUrl;
        policy.Cookies.Tags[1].PrivacyPolicyUrl = "https://x.example/\"><script>alert(2)</script>";

        var html = renderer.RenderHtml(policy, lang, NoticeLinks.Default);

        AssertCspSafe(html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains(Collapse(policy.Controller.Name.In(lang)), VisibleText(html), StringComparison.Ordinal);
        // "&amp;" typed in the policy is text too: encoded once more, it reads back as typed.
        Assert.Contains("&amp;amp;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://x.example/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_missing_in_English_is_shown_in_Japanese_marked_as_Japanese()
    {
        var policy = NoticeFixture.Create();
        policy.Voluntariness = NoticeFixture.L("提供は任意です。", "");

        var html = renderer.RenderHtml(policy, "en", NoticeLinks.Default);

        Assert.Contains("<p><span lang=\"ja\">提供は任意です。</span></p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_scrolls_in_its_wrapper_and_heads_its_columns_and_rows()
    {
        var html = renderer.RenderHtml(RealPolicy, "ja", NoticeLinks.Default);

        var tables = Regex.Matches(html, "<table ").Count;
        Assert.True(tables >= 6, $"Expected the tags, categories, co-solicitation, recipients, agent documents, storage and services tables; found {tables}.");
        Assert.Equal(tables, Regex.Matches(html, "<div class=\"notice-table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"[^\"]+-caption\">\n<table ").Count);
        Assert.Equal(tables, Regex.Matches(html, "<caption id=").Count);
        Assert.Equal(Regex.Matches(html, "<tr[ >]").Count - tables, Regex.Matches(html, "<tr[^>]*><th scope=\"row\">").Count);
        Assert.DoesNotContain("<th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_cookie_category_explains_its_consent_mode()
    {
        var html = renderer.RenderHtml(NoticeFixture.Create(), "en", NoticeLinks.Default);

        Assert.Contains("Consent mode: necessary</strong> — always on", html, StringComparison.Ordinal);
        Assert.Contains("Consent mode: opt-out</strong> — on by default", html, StringComparison.Ordinal);
        Assert.Contains("Consent mode: opt-in</strong> — off unless you agree", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Purposes_carry_their_analysis_mark_and_nest_their_uses()
    {
        var policy = RealPolicy;
        var html = renderer.RenderHtml(policy, "ja", NoticeLinks.Default);

        foreach (var purpose in policy.Purposes)
        {
            var item = ElementWithId(html, "purpose-" + purpose.Id, "</li>", "<ul");
            Assert.Equal(purpose.UsesAnalysis, item.Contains("（※）", StringComparison.Ordinal));
        }

        // ①'s five uses sit in a list inside ①'s item, marked ・.
        var solicitation = ElementWithId(html, "purpose-agency.solicitation", "</ul>");
        Assert.Equal(5, Regex.Matches(solicitation, "<span class=\"marker\">・</span>").Count);
    }

    [Fact]
    public void Sensitive_categories_are_marked_and_the_legend_explains_the_marks()
    {
        var policy = RealPolicy;
        var html = renderer.RenderHtml(policy, "ja", NoticeLinks.Default);

        foreach (var category in policy.DataCategories)
        {
            var row = ElementWithId(html, "category-" + category.Id, "</tr>");
            Assert.Equal(category.Sensitivity == Sensitivity.SpecialCare, row.Contains("badge-special-care", StringComparison.Ordinal));
            Assert.Equal(category.Sensitivity == Sensitivity.Kibi, row.Contains("badge-kibi", StringComparison.Ordinal));
        }

        Assert.Contains("要配慮：要配慮個人情報", VisibleText(html), StringComparison.Ordinal);
    }

    [Fact]
    public void The_co_solicitation_table_has_the_seeds_six_rows_and_links_to_the_co_solicitor_list()
    {
        var links = NoticeLinks.Default with { CoSolicitors = "/partners/co-solicitors" };
        var html = renderer.RenderHtml(RealPolicy, "ja", links);

        var table = ElementWithId(html, "co-solicitation", "</table>");
        Assert.Equal(6, Regex.Matches(table, "<th scope=\"row\">").Count);
        Assert.Contains("<th scope=\"row\">1. 第三者に提供する目的</th>", table, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">6. その他</th>", table, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/partners/co-solicitors\">一覧</a>", table, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(table, "id=\"exception-").Count);
    }

    [Fact]
    public void The_notice_links_to_the_hosts_pages()
    {
        var links = new NoticeLinks
        {
            Notice = "/p",
            InquiryForm = "/p/ask",
            Requests = "/p/req",
            Forms = "/p/forms",
            CookieSettings = "/p/cookies",
            ExternalTransmission = "/p/ext",
            EarlierVersions = "/p/versions",
        };
        var policy = NoticeFixture.Create();

        var html = renderer.RenderHtml(policy, "ja", links);

        foreach (var href in new[] { "/p/ask", "/p/req", "/p/forms/application.pdf", "/forms/poa.pdf", "/p/cookies", "/p/ext", "/p/versions", "/p?lang=en" })
        {
            Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fee_paying_and_free_requests_are_told_apart()
    {
        var policy = RealPolicy;
        var text = VisibleText(renderer.RenderHtml(policy, "ja", NoticeLinks.Default));

        var paying = string.Join("、", policy.Requests.Kinds.Where(k => k.Fee).Select(k => k.Label.Ja));
        var free = string.Join("、", policy.Requests.Kinds.Where(k => !k.Fee).Select(k => k.Label.Ja));
        Assert.Contains("手数料 1,000円", text, StringComparison.Ordinal);
        Assert.Contains("手数料が必要な請求 " + paying, text, StringComparison.Ordinal);
        Assert.Contains("手数料が不要な請求 " + free, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitive_data_grounds_say_which_allow_provision_without_written_consent()
    {
        var html = renderer.RenderHtml(RealPolicy, "ja", NoticeLinks.Default);

        Assert.Equal(8, Regex.Matches(html, "id=\"ground-").Count);
        Assert.Contains("書面による本人の同意を得ることなく提供するのは、①、②、③、④の場合に限ります。", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void The_Markdown_notice_has_the_fourteen_numbered_headings(string lang)
    {
        var markdown = renderer.RenderMarkdown(RealPolicy, lang);
        var titles = NoticeText.For(lang).SectionTitles;

        Assert.StartsWith("# ", markdown, StringComparison.Ordinal);
        for (var i = 0; i < titles.Count; i++)
        {
            Assert.Contains($"\n## {i + 1}. {EscapeMarkdown(titles[i])}\n", markdown, StringComparison.Ordinal);
        }

        Assert.Contains(lang == "en" ? "Established: April 1, 2005" : "制定：2005年04月01日", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Markdown_notice_escapes_markup()
    {
        var markdown = renderer.RenderMarkdown(NoticeFixture.Hostile(), "ja");

        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Markdown_notice_says_what_the_HTML_notice_says()
    {
        var policy = RealPolicy;
        var markdown = renderer.RenderMarkdown(policy, "ja");
        var plain = Collapse(Regex.Replace(markdown, @"\\(.)", "$1"));

        var missing = PolicyFacts.LocalizedTexts(policy)
            .Select(found => (found.Path, Value: Collapse(found.Text.Ja)))
            .Where(found => found.Value.Length > 0 && !plain.Contains(found.Value, StringComparison.Ordinal))
            .Select(found => found.Path)
            .ToList();
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    private static string WebDecode(string html) => System.Net.WebUtility.HtmlDecode(html);

    private static string EscapeMarkdown(string text) => Regex.Replace(text, @"([\\`*_\[\]|#!&])", @"\$1");
}
