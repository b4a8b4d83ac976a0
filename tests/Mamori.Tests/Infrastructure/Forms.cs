using System.Text.RegularExpressions;

namespace Mamori.Tests.Infrastructure;

/// <summary>Submits a page's form as a browser would: fetch the page, take its antiforgery token, post.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        if (!token.Success)
            throw new InvalidOperationException($"{page} has no antiforgery token.");
        fields["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
