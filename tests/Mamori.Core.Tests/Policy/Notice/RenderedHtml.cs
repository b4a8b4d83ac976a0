using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Mamori.Core.Tests.Policy.Notice;

/// <summary>What a reader sees of an HTML fragment, and the checks every rendered page must pass.</summary>
internal static partial class RenderedHtml
{
    /// <summary>The text without tags, entities decoded, whitespace collapsed: what a person reads.</summary>
    public static string VisibleText(string html) =>
        Collapse(WebUtility.HtmlDecode(Tag().Replace(BlockTag().Replace(html, " "), "")));

    /// <summary>Whitespace runs (a YAML fold, a newline between paragraphs) read as one space.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The site's CSP forbids inline script and inline style: none may be written, whatever the policy holds.</summary>
    public static void AssertCspSafe(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(StyleAttribute(), html);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.DoesNotMatch(ScriptUrl(), html);
    }

    /// <summary>The markup from an element's id up to the first of <paramref name="ends"/>: enough to look inside one row or item.</summary>
    public static string ElementWithId(string html, string id, params string[] ends)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element with id {id}.");
        var end = ends.Select(e => html.IndexOf(e, start, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(html.Length).Min();
        return html[start..end];
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    // Block elements separate what they hold, as a browser shows it.
    [GeneratedRegex(@"</?(p|li|dt|dd|div|tr|td|th|h[1-6]|section|ul|ol|dl|table|caption|nav|header|article)\b[^>]*>")]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Attributes are only ever inside a tag: text such as "style=" in an encoded label is harmless.
    [GeneratedRegex(@"<[^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<[^>]*\s(href|src|action)\s*=\s*""?\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    // An attribute such as onclick= or onload= inside a tag.
    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
