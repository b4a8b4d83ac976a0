using System.Globalization;
using System.Text.RegularExpressions;
using Mamori.Policy;
using Mamori.Policy.Notice;
using static Mamori.Core.Tests.Policy.Notice.RenderedHtml;
using Xunit;

namespace Mamori.Core.Tests.Policy.Notice;

/// <summary>
/// "Every fact of the policy can be found on /privacy, and the English page says the same": checked
/// on the agency's real policy (policy/policy.yaml) and on the fixture, in both languages.
/// </summary>
public sealed class NoticeCoverageTests
{
    private readonly NoticeRenderer renderer = new();

    public static TheoryData<string, string> PoliciesAndLanguages => new()
    {
        { "repository", "ja" },
        { "repository", "en" },
        { "fixture", "ja" },
        { "fixture", "en" },
    };

    [Theory]
    [MemberData(nameof(PoliciesAndLanguages))]
    public void Every_localized_text_of_the_policy_appears_on_the_notice(string source, string lang)
    {
        var policy = Load(source);
        var text = VisibleText(renderer.RenderHtml(policy, lang, NoticeLinks.Default));

        var missing = PolicyFacts.LocalizedTexts(policy)
            .Select(found => (found.Path, Value: Collapse(found.Text.In(lang))))
            .Where(found => found.Value.Length > 0 && !text.Contains(found.Value, StringComparison.Ordinal))
            .Select(found => $"{found.Path}: {found.Value}")
            .ToList();

        Assert.True(missing.Count == 0, $"Not on the {lang} notice:\n{string.Join('\n', missing)}");
    }

    [Theory]
    [MemberData(nameof(PoliciesAndLanguages))]
    public void Dates_numbers_and_addresses_appear_on_the_notice(string source, string lang)
    {
        var policy = Load(source);
        var html = renderer.RenderHtml(policy, lang, NoticeLinks.Default);
        var text = VisibleText(html);

        IEnumerable<DateOnly> dates = [policy.Established, policy.EffectiveFrom, .. policy.Revisions.Select(r => r.Date)];
        foreach (var date in dates)
        {
            Assert.Contains(FormatDate(date, lang), text, StringComparison.Ordinal);
            Assert.Contains($"datetime=\"{date:yyyy-MM-dd}\"", html, StringComparison.Ordinal);
        }

        IEnumerable<string> values =
        [
            policy.Version,
            policy.Security.PrivacyMark.RegistrationNumber,
            policy.Controller.Address.PostalCode,
            policy.Controller.ContactWindow.Address.PostalCode,
            policy.Requests.MailTo.PostalCode,
            policy.AccreditedBody.Address.PostalCode,
            .. policy.AccreditedBody.Phones,
            policy.Requests.Fee.Amount.ToString("N0", CultureInfo.InvariantCulture),
            policy.Requests.DueDays.ToString(CultureInfo.InvariantCulture),
            policy.Requests.InternalTargetDays.ToString(CultureInfo.InvariantCulture),
        ];
        Assert.All(values.Where(v => v.Length > 0), value => Assert.Contains(value, text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PoliciesAndLanguages))]
    public void Every_listed_thing_has_its_anchor_and_every_address_its_link(string source, string lang)
    {
        var policy = Load(source);
        var html = renderer.RenderHtml(policy, lang, NoticeLinks.Default);

        IEnumerable<string> anchors =
        [
            .. policy.AcquisitionChannels.Select(c => "channel-" + c.Id),
            .. policy.InformativeData.Kinds.Select(k => "kind-" + k.Id),
            .. policy.Cookies.Categories.Select(c => "cookie-category-" + c.Id),
            .. policy.Cookies.Tags.Select(t => "tag-" + t.Id),
            .. policy.Purposes.Select(p => "purpose-" + p.Id),
            .. policy.DataCategories.Select(c => "category-" + c.Id),
            .. policy.Recipients.Select(r => "recipient-" + r.Id),
            .. policy.SensitiveData.Grounds.Select(g => "ground-" + g.Id),
            .. policy.Requests.Documents.Select(d => "document-" + d.Id),
            .. policy.Security.ExternalEnvironment.Locations.Select(l => "storage-" + l.Id),
            .. policy.Scope.Services.Select(s => "service-" + s.Id),
        ];
        Assert.All(anchors, anchor => Assert.Contains($"id=\"{Anchor(anchor)}\"", html, StringComparison.Ordinal));

        IEnumerable<string?> urls =
        [
            policy.Cookies.Dmp.OptOutUrl,
            .. policy.Cookies.Tags.SelectMany(t => new[] { t.OptOutUrl, t.PrivacyPolicyUrl }),
            .. policy.Recipients.Select(r => r.Url),
            .. policy.Scope.Services.Select(s => s.Url),
            .. AllRequestDocuments(policy).Select(d => d.DownloadPath is null ? null : NoticeLinks.Default.Form(d.DownloadPath)),
        ];
        Assert.All(urls.OfType<string>().Where(u => u.Length > 0), url => Assert.Contains($"href=\"{url}\"", html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("repository")]
    [InlineData("fixture")]
    public void The_English_notice_has_the_same_structure_as_the_Japanese_one(string source)
    {
        var policy = Load(source);
        var ja = renderer.RenderHtml(policy, "ja", NoticeLinks.Default);
        var en = renderer.RenderHtml(policy, "en", NoticeLinks.Default);

        Assert.Equal(Ids(ja), Ids(en));
        foreach (var element in new[] { "<section", "<li", "<tr", "<td", "<dt", "<a ", "<time", "class=\"badge" })
        {
            Assert.Equal(Count(ja, element), Count(en, element));
        }
    }

    [Fact]
    public void The_repository_policy_is_there_to_render()
    {
        // The coverage tests above skip nothing: if policy.yaml went missing they would prove nothing.
        Assert.True(RepositoryPolicy.Exists, RepositoryPolicy.Path);
    }

    internal static PolicyDocument Load(string source) =>
        source == "repository" ? RepositoryPolicy.Load() : NoticeFixture.Create();

    private static IEnumerable<RequestDocument> AllRequestDocuments(PolicyDocument policy) =>
        [.. policy.Requests.Documents, .. policy.Requests.AppointedAgentDocuments, .. policy.Requests.LegalAgentDocuments];

    private static string FormatDate(DateOnly date, string lang) =>
        lang == "en"
            ? date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)
            : date.ToString("yyyy年MM月dd日", CultureInfo.InvariantCulture);

    private static string Anchor(string id) => Regex.Replace(id, "[^A-Za-z0-9._-]", "-");

    private static List<string> Ids(string html) =>
        [.. Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    private static int Count(string html, string element) => Regex.Matches(html, Regex.Escape(element)).Count;
}
